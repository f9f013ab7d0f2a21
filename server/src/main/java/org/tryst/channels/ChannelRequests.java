package org.tryst.channels;

import java.security.SecureRandom;
import org.tryst.accounts.Account;
import org.tryst.accounts.Accounts;
import org.tryst.cluster.Caller;
import org.tryst.config.Config;
import org.tryst.metrics.Metrics;
import org.tryst.personas.Acting;
import org.tryst.personas.Persona;
import org.tryst.protocol.ClientMessage.*;
import org.tryst.protocol.Dice;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.requests.Answer;
import org.tryst.requests.Handler;

/** Answers the requests about channels, and going online as a persona, which rejoins its channels. */
public final class ChannelRequests implements Handler<ChannelRequest> {
    private static final int DEFAULT_HISTORY = 50;

    private final Channels channels;
    private final Acting acting;
    private final Accounts accounts;
    private final Config.Channels config;
    private final Metrics metrics;
    /** The dice: nobody may predict them, not even from earlier rolls. */
    private final SecureRandom dice = new SecureRandom();

    /** What else a persona going online on a socket takes part in, beyond its channels: the world. */
    public interface AlsoInUse {
        void use(Caller caller, Persona persona);
    }

    private final AlsoInUse alsoInUse;

    public ChannelRequests(Channels channels, Acting acting, Accounts accounts, Config.Channels config, Metrics metrics, AlsoInUse alsoInUse) {
        this.alsoInUse = alsoInUse;
        this.channels = channels;
        this.acting = acting;
        this.accounts = accounts;
        this.config = config;
        this.metrics = metrics;
    }

    @Override
    public Answer answer(ChannelRequest request, Caller caller) {
        return switch (request) {
            case PersonaUse m -> {
                Persona persona = mine(caller, m.persona());
                var joined = channels.use(caller, persona);
                alsoInUse.use(caller, persona);
                yield Answer.now(new ServerMessage.PersonaInUse(m.id(), m.persona(), joined));
            }
            case PresenceSet m -> {
                channels.presence(caller, mine(caller, m.persona()), m.status());
                yield Answer.ok(m.id());
            }
            case ChannelList m -> Answer.now(new ServerMessage.Channels(m.id(), channels.list(caller, m.watch())));
            case ChannelCreate m -> {
                requireMayCreateChannels(caller.accountId());
                yield Answer.now(new ServerMessage.ChannelJoined(m.id(),
                        channels.create(caller, mine(caller, m.persona()), m.channel(), m.topic())));
            }
            case ChannelJoin m -> Answer.now(new ServerMessage.ChannelJoined(m.id(), channels.join(caller, mine(caller, m.persona()), m.channel())));
            case ChannelLeave m -> {
                channels.leave(mine(caller, m.persona()), m.channel());
                yield Answer.ok(m.id());
            }
            case Say m -> post(caller, m.id(), m.persona(), m.channel(), MessageKind.SAY, m.text(), m.message());
            case Pose m -> post(caller, m.id(), m.persona(), m.channel(), MessageKind.POSE, m.text(), m.message());
            case Roll m -> post(caller, m.id(), m.persona(), m.channel(), MessageKind.ROLL, Dice.parse(m.dice()).roll(dice).text(), m.message());
            case TopicSet m -> {
                channels.topic(mine(caller, m.persona()), m.channel(), m.topic());
                yield Answer.ok(m.id());
            }
            case MembersList m -> Answer.now(new ServerMessage.Members(m.id(), m.channel(), channels.members(caller, m.channel())));
            case HistoryFetch m -> Answer.now(new ServerMessage.History(m.id(), m.channel(), channels.history(caller,
                    mine(caller, m.persona()), m.channel(), m.before(), m.limit() == null ? DEFAULT_HISTORY : m.limit())));
            case Kick m -> {
                channels.kick(mine(caller, m.persona()), m.channel(), m.target(), m.reason());
                yield Answer.ok(m.id());
            }
            case ChannelRead m -> {
                channels.read(caller, mine(caller, m.persona()), m.channel(), m.message());
                yield Answer.ok(m.id());
            }
        };
    }

    /** A say or pose, answered once the line is stored. */
    private Answer post(Caller caller, String requestId, String personaId, String channel, MessageKind kind, String text, String clientId) {
        Persona persona = mine(caller, personaId);
        return new Answer.Later(channels.post(persona, channel, kind, text, clientId).thenApply(message -> {
            metrics.channelMessage();
            return new ServerMessage.Sent(requestId, message.id(), message.at());
        }));
    }

    private Persona mine(Caller caller, String personaId) {
        return acting.mine(caller, personaId);
    }

    private void requireMayCreateChannels(String accountId) {
        if (config.channelCreation().equals("operators") && accounts.byId(accountId).role() != Account.Role.OPERATOR) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "on this server only operators create channels");
        }
    }
}
