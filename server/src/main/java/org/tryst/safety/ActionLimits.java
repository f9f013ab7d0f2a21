package org.tryst.safety;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.tryst.cluster.Caller;
import org.tryst.config.Config;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.requests.Gate;

/**
 * How often one account and one network address may act: any WebSocket request at all, and, within
 * that, the actions that reach other people or cost the operator (invitations, channel lines,
 * reports, TURN credentials, board ads, status changes). An action over either limit is refused with a typed error saying when
 * to retry, and nothing is done or counted; each account and address has its own buckets, so nobody
 * else is slowed. Those actions are counted in the {@link BucketStore}, once across every server process sharing a
 * database; the request budget, spent by every message, is a flood guard of each process.
 */
public final class ActionLimits implements Gate {
    /** The limited actions, with the words a refusal uses. */
    public enum Action {
        REQUEST("too many messages; slow down"),
        INVITATION("too many invitations; try again later"),
        CHANNEL_MESSAGE("too many channel messages; slow down"),
        REPORT("too many reports; try again later"),
        TURN_CREDENTIALS("too many requests for call relay credentials; try again later"),
        AD("too many board ads posted; try again later"),
        STATUS("too many status changes; try again later");

        private final String refusal;

        Action(String refusal) {
            this.refusal = refusal;
        }
    }

    /** The two buckets of one action. */
    private record Limit(Buckets byAccount, Buckets byAddress) {
        static Limit per(BucketStore store, String action, int perAccount, int perAddress, Duration window) {
            return new Limit(store.per(action + ".account", perAccount, window), store.per(action + ".address", perAddress, window));
        }
    }

    private final Map<Action, Limit> limits = new EnumMap<>(Action.class);

    public ActionLimits(Config.RateLimits config, BucketStore store) {
        limits.put(Action.REQUEST, new Limit(
                store.perProcess(config.messagesPerSecondPerAccount(), config.burstPerAccount()),
                store.perProcess(config.messagesPerSecondPerAddress(), config.burstPerAddress())));
        limits.put(Action.INVITATION, Limit.per(store, "invitation", config.invitationsPerHourPerAccount(),
                config.invitationsPerHourPerAddress(), Duration.ofHours(1)));
        limits.put(Action.CHANNEL_MESSAGE, Limit.per(store, "channel_message", config.channelMessagesPerMinutePerAccount(),
                config.channelMessagesPerMinutePerAddress(), Duration.ofMinutes(1)));
        limits.put(Action.REPORT, Limit.per(store, "report", config.reportsPerHourPerAccount(), config.reportsPerHourPerAddress(),
                Duration.ofHours(1)));
        limits.put(Action.TURN_CREDENTIALS, Limit.per(store, "turn_credentials", config.turnCredentialsPerHourPerAccount(),
                config.turnCredentialsPerHourPerAddress(), Duration.ofHours(1)));
        limits.put(Action.AD, Limit.per(store, "ad", config.adsPerHourPerAccount(), config.adsPerHourPerAddress(), Duration.ofHours(1)));
        limits.put(Action.STATUS, Limit.per(store, "status", config.statusChangesPerHourPerAccount(),
                config.statusChangesPerHourPerAddress(), Duration.ofHours(1)));
    }

    /** Counts the requests that reach other people against their action's limit. */
    @Override
    public void admit(Caller caller, ClientMessage request) {
        Action action = switch (request) {
            case ClientMessage.Say _, ClientMessage.Pose _, ClientMessage.Roll _ -> Action.CHANNEL_MESSAGE;
            case ClientMessage.WorldCommand command when org.tryst.world.Command.speaks(command.line()) -> Action.CHANNEL_MESSAGE;
            case ClientMessage.SceneInvite _ -> Action.INVITATION;
            case ClientMessage.ReportScene _, ClientMessage.ReportChannel _, ClientMessage.ReportWorld _, ClientMessage.ReportAd _ -> Action.REPORT;
            case ClientMessage.BoardPost _ -> Action.AD;
            case ClientMessage.StatusSet _ -> Action.STATUS;
            case ClientMessage.MediaTurn _ -> Action.TURN_CREDENTIALS;
            default -> null;
        };
        if (action != null) admit(action, caller.accountId(), caller.address());
    }

    /**
     * Counts one action; throws RATE_LIMITED, counting nothing, when the account or the address is over
     * its limit, with the longer of the two waits. The account's token is taken first and given back
     * if the address has none, so an admitted action costs two calls to the store and a refused one three.
     */
    public void admit(Action action, String accountId, String address) {
        Limit limit = limits.get(action);
        long wait = limit.byAccount().take(accountId);
        if (wait > 0) {
            wait = Math.max(wait, limit.byAddress().wait(address));
        } else {
            wait = limit.byAddress().take(address);
            if (wait > 0) limit.byAccount().giveBack(accountId);
        }
        if (wait > 0) throw new ProtocolException(ErrorCode.RATE_LIMITED, action.refusal, wait);
    }

    /** Forgets accounts and addresses that have been quiet. */
    public void sweep() {
        limits.values().forEach(limit -> {
            limit.byAccount().forgetFull();
            limit.byAddress().forgetFull();
        });
    }
}
