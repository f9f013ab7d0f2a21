package org.tryst.age;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.cluster.Caller;
import org.tryst.config.Config;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.requests.Gate;
import org.tryst.storage.Sql;

/**
 * Age verification: starts a check with the operator's {@link AgeProvider}, records its outcome as
 * the account's attestation ("verified adult on this date by this provider", nothing of the
 * person), and, when the server requires it, refuses every request but the account's own until then.
 */
public final class AgeAssurance implements Gate {
    private static final Logger log = LoggerFactory.getLogger(AgeAssurance.class);
    /** The attestations a provider recorded start so; the self-declared one and an operator's do not. */
    static final String VERIFIED_PREFIX = "oidc:";
    /** How long a check waits for the provider's answer. */
    public static final long CHECK_SECONDS = AgeChecks.LIFETIME.toSeconds();

    private final Sql sql;
    private final boolean required;
    private final Optional<AgeProvider> provider;
    private final AgeChecks checks;
    private final String accountPage;
    private final Clock clock;
    /** Accounts known to be verified: a verification is never taken back, so the gate asks the database only until then. */
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    public AgeAssurance(Sql sql, Config.Age config, Clock clock) {
        this(sql, config.required(), config.verifies() ? Optional.of(new OidcProvider(config, clock)) : Optional.empty(),
                config.publicUrl().replaceAll("/+$", "") + "/#/account", clock);
    }

    AgeAssurance(Sql sql, boolean required, Optional<AgeProvider> provider, String accountPage, Clock clock) {
        this.sql = sql;
        this.required = required;
        this.provider = provider;
        this.checks = new AgeChecks(sql, clock);
        this.accountPage = accountPage;
        this.clock = clock;
    }

    /** Where a check leads: to the provider, or back to the account page with the outcome. */
    public sealed interface Next {}

    /** Off to the provider, with the secret the browser keeps until it comes back. */
    public record ToProvider(URI location, String browser) implements Next {}

    /** Back to the account page: verified, or refused and why. */
    public record Back(AgeProvider.Outcome outcome) implements Next {}

    /** What the account page shows: whether this server requires a verification, offers one, and whether the account has one. */
    public record Status(boolean required, boolean available, boolean verified, Long verifiedAt) {}

    /** Only the account's own requests, and the list of its personas, while it is not verified (a second hello gets its own refusal). */
    @Override
    public void admit(Caller caller, ClientMessage request) {
        if (!required || request instanceof ClientMessage.AccountRequest || request instanceof ClientMessage.PersonaList
                || request instanceof ClientMessage.Hello) return;
        requireVerified(caller.accountId());
    }

    /** Throws {@code age_assurance_required} when this server requires a verification and the account has none. */
    public void requireVerified(String accountId) {
        if (required && !verified(accountId)) {
            throw new ProtocolException(ErrorCode.AGE_ASSURANCE_REQUIRED, "this server verifies that its members are adults: verify your age on "
                    + "your account page (" + accountPage + ") first; until then you can only manage your account");
        }
    }

    public Status status(String accountId) {
        Optional<Long> at = verifiedAt(accountId);
        return new Status(required, provider.isPresent(), at.isPresent(), at.orElse(null));
    }

    /** A new check for the account: to the provider, or straight back when it is verified already. */
    public Next start(String accountId) {
        AgeProvider age = provider.orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "this server does not verify ages"));
        if (verified(accountId)) return new Back(new AgeProvider.Verified());
        AgeChecks.Opened opened = checks.open(accountId);
        try {
            return new ToProvider(age.authorization(opened.check()), opened.browser());
        } catch (AgeProvider.Unavailable unavailable) {
            log.atWarn().addKeyValue("detail", unavailable.getMessage()).log("age provider unavailable");
            return new Back(new AgeProvider.Refused(AgeProvider.Refusal.PROVIDER, unavailable.getMessage()));
        }
    }

    /** The provider's answer for a state, from the browser that started the check: judged, and a verification recorded. */
    public Back finish(String state, String browser, Map<String, String> answer) {
        AgeProvider age = provider.orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "this server does not verify ages"));
        Optional<AgeChecks.Taken> taken = checks.take(state, browser);
        AgeProvider.Outcome outcome = taken.isEmpty()
                ? new AgeProvider.Refused(AgeProvider.Refusal.EXPIRED, "no check open for this state in this browser")
                : age.finish(taken.get().check(), answer);
        switch (outcome) {
            case AgeProvider.Verified _ -> {
                record(taken.orElseThrow().accountId(), age.attestation());
                log.atInfo().addKeyValue("provider", age.attestation()).log("age verified");
            }
            case AgeProvider.Refused(AgeProvider.Refusal refusal, String detail) ->
                    log.atInfo().addKeyValue("why", refusal.wire()).addKeyValue("detail", detail).log("age verification refused");
        }
        return new Back(outcome);
    }

    private void record(String accountId, String attestation) {
        sql.useHandle(handle -> handle.createUpdate("UPDATE accounts SET adult_attestation = :attestation, adult_attested_at = :now WHERE id = :id")
                .bind("attestation", attestation).bind("now", clock.millis()).bind("id", accountId).execute());
        verified.add(accountId);
    }

    private boolean verified(String accountId) {
        if (verified.contains(accountId)) return true;
        boolean known = verifiedAt(accountId).isPresent();
        if (known) verified.add(accountId);
        return known;
    }

    private Optional<Long> verifiedAt(String accountId) {
        return sql.withHandle(handle -> handle.createQuery("SELECT adult_attestation, adult_attested_at FROM accounts WHERE id = :id")
                .bind("id", accountId)
                .map((rs, ctx) -> rs.getString("adult_attestation").startsWith(VERIFIED_PREFIX) ? rs.getLong("adult_attested_at") : -1L)
                .findOne().filter(at -> at >= 0));
    }
}
