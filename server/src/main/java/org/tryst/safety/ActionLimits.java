package org.tryst.safety;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.tryst.config.Config;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;

/**
 * How often one account and one network address may take the actions that reach other people
 * (invitations, channel lines, reports), on top of the limit on all requests. An action over either
 * limit is refused with a typed error saying when to retry, and nothing is done or counted; each
 * account and address has its own buckets, so nobody else is slowed.
 */
public final class ActionLimits {
    /** The limited actions, each with the window its configured counts refill over. */
    public enum Action {
        INVITATION("invitations", Duration.ofHours(1)),
        CHANNEL_MESSAGE("channel messages", Duration.ofMinutes(1)),
        REPORT("reports", Duration.ofHours(1));

        private final String label;
        private final Duration window;

        Action(String label, Duration window) {
            this.label = label;
            this.window = window;
        }
    }

    /** The two buckets of one action. */
    private record Limit(Buckets byAccount, Buckets byAddress) {}

    private final Map<Action, Limit> limits = new EnumMap<>(Action.class);

    public ActionLimits(Config.RateLimits config) {
        limit(Action.INVITATION, config.invitationsPerHourPerAccount(), config.invitationsPerHourPerAddress());
        limit(Action.CHANNEL_MESSAGE, config.channelMessagesPerMinutePerAccount(), config.channelMessagesPerMinutePerAddress());
        limit(Action.REPORT, config.reportsPerHourPerAccount(), config.reportsPerHourPerAddress());
    }

    /** Counts one action; throws RATE_LIMITED, counting nothing, when the account or the address is over its limit. */
    public void admit(Action action, String accountId, String address) {
        Limit limit = limits.get(action);
        long wait = Math.max(limit.byAccount().wait(accountId), limit.byAddress().wait(address));
        if (wait == 0) wait = limit.byAccount().take(accountId);
        if (wait == 0) wait = limit.byAddress().take(address);
        if (wait > 0) throw new ProtocolException(ErrorCode.RATE_LIMITED, "too many " + action.label + "; try again later", wait);
    }

    /** Forgets accounts and addresses that have been quiet. */
    public void sweep() {
        limits.values().forEach(limit -> {
            limit.byAccount().forgetFull();
            limit.byAddress().forgetFull();
        });
    }

    private void limit(Action action, int perAccount, int perAddress) {
        limits.put(action, new Limit(Buckets.per(perAccount, action.window), Buckets.per(perAddress, action.window)));
    }
}
