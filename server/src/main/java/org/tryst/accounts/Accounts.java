package org.tryst.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.Fields;
import org.tryst.protocol.Names;
import org.tryst.protocol.ProtocolException;
import org.tryst.storage.Ids;
import org.tryst.storage.Sql;

/**
 * Registration, login, passwords and deletion of accounts. Every account belongs to an adult: the
 * confirmation is stored as a dated attestation. Failed logins answer the same whether or not the
 * account exists, in content and in time.
 */
public final class Accounts {
    /** The attestation recorded when a user confirms being an adult at registration. */
    public static final String SELF_DECLARED = "self-declared";

    private static final RowMapper<Account> ROW = (rs, ctx) -> new Account(rs.getString("id"),
            rs.getString("username"), rs.getString("password_hash"),
            Account.Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), rs.getLong("adult_attested_at"),
            rs.getString("adult_attestation"), rs.getLong("created_at"));

    private final Sql sql;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final SecondFactors secondFactors;
    private final Challenges challenges;
    private final List<Admission> admissions;
    private final Clock clock;

    public Accounts(Sql sql, PasswordHasher hasher, PasswordPolicy policy, LoginThrottle throttle,
                    Sessions sessions, SecondFactors secondFactors, List<Admission> admissions, Clock clock) {
        this.sql = sql;
        this.hasher = hasher;
        this.policy = policy;
        this.throttle = throttle;
        this.sessions = sessions;
        this.secondFactors = secondFactors;
        this.challenges = new Challenges(sql, clock);
        this.admissions = List.copyOf(admissions);
        this.clock = clock;
    }

    /** What a log-in's first step leads to: in, or a second factor to give. */
    public sealed interface Attempt permits Login, SecondFactorNeeded {}

    /**
     * A successful login or registration: the account and its new session; for a registration, the
     * recovery codes to show once (null otherwise).
     */
    public record Login(Account account, Sessions.Issued issued, List<String> recoveryCodes) implements Attempt {
        public Login(Account account, Sessions.Issued issued) {
            this(account, issued, null);
        }
    }

    /** The password was right and the account has a second factor: the token of the waiting log-in, and until when it waits. */
    public record SecondFactorNeeded(Account account, String pending, long expiresAt) implements Attempt {}

    /** A password reset by a recovery code: what follows it, and the sessions it ended (to close their sockets). */
    public record Recovered(Attempt next, List<String> endedSessions) {}

    /** Creates an account for a user who confirmed being an adult, and logs it in. */
    public Login register(String username, String password, boolean adult, String address, String userAgent) {
        String name = Fields.username(normalize(username));
        if (!adult) throw new ProtocolException(ErrorCode.ADULT_CONFIRMATION_REQUIRED, "Tryst is for adults only: confirm that you are one");
        requireAcceptable(name, password);
        throttle.registering(address);
        Account account;
        try {
            account = insert(name, password);
        } catch (RuntimeException notRegistered) {
            // One address may make so many accounts; a taken username (or a failure) made none.
            throttle.notRegistered(address);
            throw notRegistered;
        }
        List<String> codes = secondFactors.newRecoveryCodes(account.id());
        return new Login(account, sessions.open(account.id(), userAgent), codes);
    }

    private Account insert(String name, String password) {
        long now = clock.millis();
        Account account = new Account(Ids.random(), name, hasher.hash(password), Account.Role.MEMBER, now,
                SELF_DECLARED, now);
        try {
            sql.useHandle(handle -> handle.createUpdate("""
                            INSERT INTO accounts (id, username, username_skeleton, password_hash, role, adult_attested_at,
                                                  adult_attestation, created_at)
                            VALUES (:id, :username, :skeleton, :passwordHash, 'member', :adultAttestedAt, :adultAttestation,
                                    :createdAt)""")
                    .bindMethods(account).bind("skeleton", Names.skeleton(name)).execute());
        } catch (UnableToExecuteStatementException e) {
            if (taken(name)) throw new ProtocolException(ErrorCode.USERNAME_TAKEN, "that username, or one that looks like it, is taken");
            throw e;
        }
        return account;
    }

    /**
     * Logs in, upgrading the stored hash when the configured parameters have become stronger; an
     * account with a second factor waits for it ({@link #secondStep}).
     */
    public Attempt login(String username, String password, String address, String userAgent) {
        String name = normalize(username);
        throttle.checkLogin(name, address);
        Optional<Account> found = find(name);
        boolean valid;
        if (found.isPresent()) {
            valid = hasher.verify(password, found.get().passwordHash());
        } else {
            hasher.burn(password);
            valid = false;
        }
        if (!valid) {
            throttle.failed(name, address);
            throw new ProtocolException(ErrorCode.INVALID_CREDENTIALS, "wrong username or password");
        }
        Account account = found.get();
        requireAdmitted(account.id());
        if (hasher.needsRehash(account.passwordHash())) storeHash(account.id(), hasher.hash(password));
        return proceed(account, userAgent);
    }

    /** In, unless the account has a second factor: then a waiting log-in. */
    private Attempt proceed(Account account, String userAgent) {
        if (!secondFactors.totpOn(account.id())) return new Login(account, sessions.open(account.id(), userAgent));
        Challenges.Opened opened = challenges.open(account.id(), userAgent);
        return new SecondFactorNeeded(account, opened.token(), opened.expiresAt());
    }

    /**
     * The second step of a log-in: a current one-time code of the account, or one of its recovery
     * codes. Wrong codes are throttled as wrong passwords are, and a waiting log-in ends after a few.
     */
    public Login secondStep(String pending, String code, String address) {
        Challenges.Challenge challenge = challenges.find(pending).orElseThrow(Accounts::loginExpired);
        Account account = byId(challenge.accountId());
        throttle.checkLogin(account.username(), address);
        if (!secondFactors.use(account.id(), code)) {
            throttle.failed(account.username(), address);
            challenges.failed(pending);
            throw new ProtocolException(ErrorCode.WRONG_CODE, "that code is wrong or was used already");
        }
        if (!challenges.close(pending)) throw loginExpired();
        requireAdmitted(account.id());
        return new Login(account, sessions.open(account.id(), challenge.userAgent()));
    }

    /**
     * Sets a new password with one of the account's recovery codes, and ends every session of the
     * account. An unknown username and a wrong code get the same refusal, throttled as logins are;
     * the second factor, if any, is still asked for after.
     */
    public Recovered recover(String username, String code, String password, String address, String userAgent) {
        String name = normalize(username);
        throttle.checkLogin(name, address);
        requireAcceptable(name, password);
        Optional<Account> found = find(name);
        if (found.isEmpty() || !secondFactors.useRecoveryCode(found.get().id(), code)) {
            throttle.failed(name, address);
            throw new ProtocolException(ErrorCode.INVALID_CREDENTIALS, "wrong username or recovery code");
        }
        Account account = found.get();
        storeHash(account.id(), hasher.hash(password));
        List<String> ended = sessions.revokeAll(account.id(), null);
        requireAdmitted(account.id());
        return new Recovered(proceed(account, userAgent), ended);
    }

    /**
     * A fresh proof of the account's current factors before one is changed: its password, and a
     * current one-time code when TOTP is on. Wrong ones count as failed logins.
     */
    public void requireFreshProof(String accountId, String password, String code, String address) {
        Account account = byId(accountId);
        throttle.checkLogin(account.username(), address);
        if (password == null || !hasher.verify(password, account.passwordHash())) {
            throttle.failed(account.username(), address);
            throw new ProtocolException(ErrorCode.WRONG_PASSWORD, "the current password is wrong");
        }
        if (secondFactors.totpOn(accountId) && !secondFactors.use(accountId, code)) {
            throttle.failed(account.username(), address);
            throw new ProtocolException(ErrorCode.WRONG_CODE, "give a current code of your authenticator app");
        }
    }

    /** A code of the secret being set up confirms it; a wrong one counts as a failed login. */
    public void confirmTotp(String accountId, String code, String address) {
        Account account = byId(accountId);
        throttle.checkLogin(account.username(), address);
        if (!secondFactors.confirm(accountId, code)) {
            throttle.failed(account.username(), address);
            throw new ProtocolException(ErrorCode.WRONG_CODE, "that code does not match the new secret; check the app's clock and try again");
        }
    }

    /** Forgets log-ins that waited for their second factor in vain. */
    public void sweep() {
        challenges.sweep();
    }

    private static ProtocolException loginExpired() {
        return new ProtocolException(ErrorCode.LOGIN_EXPIRED, "this log-in has expired; log in again");
    }

    /**
     * Throws {@code suspended} or {@code banned} when a moderator has barred the account for now, and
     * {@code excluded}, {@code quiet_hours} or {@code daily_limit} while the person's own limits hold.
     */
    public void requireAdmitted(String accountId) {
        admissions.forEach(admission -> admission.requireAdmitted(accountId));
    }

    /** Changes the password after checking the current one; other sessions are ended by the caller. */
    public void changePassword(String accountId, String current, String next) {
        Account account = byId(accountId);
        requirePassword(account, current);
        requireAcceptable(account.username(), next);
        storeHash(accountId, hasher.hash(next));
    }

    /** Throws WRONG_PASSWORD unless the password is the account's. */
    public void requirePassword(String accountId, String password) {
        requirePassword(byId(accountId), password);
    }

    /** Deletes the account; the database removes its sessions, personas, memberships and messages with it. */
    public void delete(String accountId) {
        sql.useHandle(handle -> handle.createUpdate("DELETE FROM accounts WHERE id = :id").bind("id", accountId).execute());
    }

    public Account byId(String accountId) {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM accounts WHERE id = :id")
                        .bind("id", accountId).map(ROW).findOne())
                .orElseThrow(() -> new ProtocolException(ErrorCode.SESSION_INVALID, "the account no longer exists"));
    }

    public Optional<Account> find(String username) {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM accounts WHERE username = :username")
                .bind("username", normalize(username)).map(ROW).findOne());
    }

    private void requirePassword(Account account, String password) {
        if (!hasher.verify(password, account.passwordHash())) {
            throw new ProtocolException(ErrorCode.WRONG_PASSWORD, "the current password is wrong");
        }
    }

    private void requireAcceptable(String username, String password) {
        switch (policy.check(username, password)) {
            case OK -> { }
            case TOO_SHORT, TOO_LONG -> throw new ProtocolException(ErrorCode.PASSWORD_LENGTH,
                    "a password must be " + policy.minLength() + " to " + policy.maxLength() + " characters long");
            case COMMON -> throw new ProtocolException(ErrorCode.PASSWORD_COMMON,
                    "that password is among the most common ones and would be guessed at once; a few unrelated words make a strong one");
        }
    }

    private void storeHash(String accountId, String hash) {
        sql.useHandle(handle -> handle.createUpdate("UPDATE accounts SET password_hash = :hash WHERE id = :id")
                .bind("hash", hash).bind("id", accountId).execute());
    }

    /** Whether an account has this username, or one a reader could take for it. */
    private boolean taken(String username) {
        return sql.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM accounts WHERE username = :username OR username_skeleton = :skeleton")
                .bind("username", username).bind("skeleton", Names.skeleton(username)).mapTo(Integer.class).one()) > 0;
    }

    private static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
