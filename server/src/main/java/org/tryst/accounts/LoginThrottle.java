package org.tryst.accounts;

import java.time.Duration;
import java.util.Locale;
import org.tryst.config.Config;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.safety.BucketStore;
import org.tryst.safety.Buckets;

/**
 * Slows password guessing: failed logins are counted per username and per address, and past the
 * threshold every attempt is refused until the bucket refills. Usernames that do not exist are
 * counted exactly like those that do, so the answers never tell which accounts exist. The counts are
 * kept in the {@link BucketStore}, so they hold once across every server process sharing a database.
 */
public final class LoginThrottle {
    private final Buckets failuresByUsername;
    private final Buckets failuresByAddress;
    private final Buckets registrationsByAddress;

    public LoginThrottle(Config.Accounts config, BucketStore store) {
        Duration window = Duration.ofMinutes(config.loginWindowMinutes());
        this.failuresByUsername = store.per("login_failure.username", config.loginFailuresPerAccount(), window);
        this.failuresByAddress = store.per("login_failure.address", config.loginFailuresPerAddress(), window);
        this.registrationsByAddress = store.per("registration.address", config.registrationsPerAddress(),
                Duration.ofMinutes(config.registrationWindowMinutes()));
    }

    /** Refuses the attempt with TOO_MANY_ATTEMPTS when the username or the address has failed too often. */
    public void checkLogin(String username, String address) {
        long wait = Math.max(failuresByUsername.wait(key(username)), failuresByAddress.wait(address));
        if (wait > 0) throw tooMany(wait);
    }

    /** Counts a failed login against the username and the address. */
    public void failed(String username, String address) {
        failuresByUsername.take(key(username));
        failuresByAddress.take(address);
    }

    /** Counts a registration from the address, refusing it when the address has registered too often. */
    public void registering(String address) {
        long wait = registrationsByAddress.take(address);
        if (wait > 0) throw new ProtocolException(ErrorCode.RATE_LIMITED, "too many registrations from this address", wait);
    }

    /** Takes back a registration counted by {@link #registering} that made no account: only accounts made count. */
    public void notRegistered(String address) {
        registrationsByAddress.giveBack(address);
    }

    /** Forgets counters that have refilled. */
    public void sweep() {
        failuresByUsername.forgetFull();
        failuresByAddress.forgetFull();
        registrationsByAddress.forgetFull();
    }

    private static ProtocolException tooMany(long wait) {
        return new ProtocolException(ErrorCode.TOO_MANY_ATTEMPTS, "too many failed logins; try again later", wait);
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
