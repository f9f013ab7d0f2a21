package org.tryst.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.tryst.config.Config;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.safety.ActionLimits.Action;

/** The limits on invitations, channel lines and reports: per account, per address, and per action. */
class ActionLimitsTest {
    /** Two invitations, three lines and two reports per account; four reports per address. */
    private final ActionLimits limits = new ActionLimits(new Config.RateLimits(10, 30, 30, 90, 10, 2, 100, 3, 100, 2, 4, 3, 6, 2, 4, 3, 6),
            BucketStore.inProcess(Clock.systemUTC()));

    @Test
    void anAccountOverItsLimitIsRefusedWithWhenToRetryAndOthersAreNot() {
        limits.admit(Action.REPORT, "alice", "10.0.0.1");
        limits.admit(Action.REPORT, "alice", "10.0.0.1");
        ProtocolException refused = refusal(Action.REPORT, "alice", "10.0.0.1");
        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(refused.retryAfterMs()).isPositive().isLessThanOrEqualTo(3_600_000L / 2 + 1);
        assertThat(refused.getMessage()).contains("reports");
        assertThatNoException().isThrownBy(() -> limits.admit(Action.REPORT, "bob", "10.0.0.2"));
    }

    @Test
    void eachActionHasItsOwnBuckets() {
        limits.admit(Action.INVITATION, "carol", "10.0.0.3");
        limits.admit(Action.INVITATION, "carol", "10.0.0.3");
        refusal(Action.INVITATION, "carol", "10.0.0.3");
        for (int i = 0; i < 3; i++) limits.admit(Action.CHANNEL_MESSAGE, "carol", "10.0.0.3");
        refusal(Action.CHANNEL_MESSAGE, "carol", "10.0.0.3");
        limits.admit(Action.REPORT, "carol", "10.0.0.3");
    }

    @Test
    void anAddressOverItsLimitIsRefusedForEveryAccountOnItAndARefusalCountsNothing() {
        limits.admit(Action.REPORT, "dan", "10.0.0.4");
        limits.admit(Action.REPORT, "dan", "10.0.0.4");
        limits.admit(Action.REPORT, "erin", "10.0.0.4");
        limits.admit(Action.REPORT, "erin", "10.0.0.4");
        refusal(Action.REPORT, "frank", "10.0.0.4");
        // Frank was refused by the address, so his own bucket is still full elsewhere.
        limits.admit(Action.REPORT, "frank", "10.0.0.5");
        limits.admit(Action.REPORT, "frank", "10.0.0.5");
        refusal(Action.REPORT, "frank", "10.0.0.5");
    }

    @Test
    void anyRequestIsLimitedByItsRateAndBurst() {
        for (int i = 0; i < 30; i++) limits.admit(Action.REQUEST, "hana", "10.0.0.7");
        assertThat(refusal(Action.REQUEST, "hana", "10.0.0.7").retryAfterMs()).isPositive().isLessThanOrEqualTo(1_000L);
        limits.admit(Action.REQUEST, "ivan", "10.0.0.8");
    }

    @Test
    void quietKeysAreForgottenAndBehaveAsNew() {
        limits.admit(Action.REPORT, "gina", "10.0.0.6");
        limits.sweep();
        limits.admit(Action.REPORT, "gina", "10.0.0.6");
        refusal(Action.REPORT, "gina", "10.0.0.6");
    }

    private ProtocolException refusal(Action action, String account, String address) {
        ProtocolException refused = catchThrowableOfType(ProtocolException.class, () -> limits.admit(action, account, address));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        return refused;
    }
}
