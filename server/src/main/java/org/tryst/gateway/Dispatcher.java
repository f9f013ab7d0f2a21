package org.tryst.gateway;

import org.tryst.protocol.CloseCodes;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.accounts.Account;
import org.tryst.accounts.Accounts;
import org.tryst.accounts.Sessions;
import org.tryst.cluster.Audience;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.config.Config;
import org.tryst.consent.Boundaries;
import org.tryst.metrics.Metrics;
import org.tryst.moderation.Enforcement;
import org.tryst.moderation.Moderators;
import org.tryst.moderation.Reports;
import org.tryst.personas.Persona;
import org.tryst.personas.Personas;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ClientMessage.*;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.channels.Channels;
import org.tryst.safety.ActionLimits;
import org.tryst.safety.Blocks;
import org.tryst.scenes.Devices;
import org.tryst.scenes.Scenes;

/**
 * The one place that maps each message type to the capability that answers it. Runs on the
 * socket's virtual thread; each request gets exactly one reply, or an error.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Accounts accounts;
    private final Sessions sessions;
    private final Personas personas;
    private final Boundaries boundaries;
    private final Channels channels;
    private final Devices devices;
    private final Scenes scenes;
    private final Delivery delivery;
    private final Config.Channels channelsConfig;
    private final Metrics metrics;
    private final Blocks blocks;
    private final ActionLimits actionLimits;
    private final Reports reports;
    private final Moderators moderators;
    private final Enforcement enforcement;

    public Dispatcher(Accounts accounts, Sessions sessions, Personas personas, Boundaries boundaries, Channels channels, Devices devices,
                      Scenes scenes, Delivery delivery, Config.Channels channelsConfig, Metrics metrics, Blocks blocks,
                      ActionLimits actionLimits, Reports reports, Moderators moderators, Enforcement enforcement) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.personas = personas;
        this.boundaries = boundaries;
        this.channels = channels;
        this.devices = devices;
        this.scenes = scenes;
        this.delivery = delivery;
        this.channelsConfig = channelsConfig;
        this.metrics = metrics;
        this.blocks = blocks;
        this.actionLimits = actionLimits;
        this.reports = reports;
        this.moderators = moderators;
        this.enforcement = enforcement;
    }

    /** Answers one request from an authenticated socket. */
    public void handle(Connection connection, ClientMessage message) {
        metrics.request(message.getClass().getAnnotation(JsonTypeName.class).value());
        Caller caller = connection.caller();
        try {
            ServerMessage reply = route(connection, caller, message);
            if (reply != null) connection.send(reply);
        } catch (ProtocolException problem) {
            metrics.error(problem.code());
            connection.send(ServerMessage.Error.of(message.id(), problem));
        } catch (RuntimeException failure) {
            metrics.error(ErrorCode.INTERNAL);
            log.atError().addKeyValue("connection", caller.logId()).setCause(failure).log("request failed");
            connection.send(new ServerMessage.Error(message.id(), ErrorCode.INTERNAL.wire(), "the server failed; try again", null));
        }
    }

    /** The reply, or null when the handler answers by itself (before closing the socket, or once a message is stored). */
    private ServerMessage route(Connection connection, Caller caller, ClientMessage message) {
        String account = caller.accountId();
        return switch (message) {
            case Hello m -> throw new ProtocolException(ErrorCode.ALREADY_AUTHENTICATED, "this socket has already said hello");
            case SessionsList m -> new ServerMessage.Sessions(m.id(), sessions.list(account).stream()
                    .map(s -> new Views.Session(s.id(), s.createdAt(), s.lastSeenAt(), s.expiresAt(), s.userAgent(),
                            s.id().equals(caller.sessionId())))
                    .toList());
            case SessionRevoke m -> {
                sessions.revoke(account, m.session());
                yield endSessions(connection, m.id(), List.of(m.session()));
            }
            case LogoutEverywhere m -> endSessions(connection, m.id(), sessions.revokeAll(account, null));
            case PasswordChange m -> {
                accounts.changePassword(account, m.current(), m.next());
                yield endSessions(connection, m.id(), sessions.revokeAll(account, caller.sessionId()));
            }
            case AccountDelete m -> deleteAccount(connection, m);
            case PersonaCreate m -> new ServerMessage.PersonaInfo(m.id(), personas.create(account, m).view());
            case PersonaUpdate m -> new ServerMessage.PersonaInfo(m.id(), personas.update(account, m).view());
            case PersonaDelete m -> {
                Persona persona = personas.owned(account, m.persona());
                forgetPersona(persona);
                yield new ServerMessage.Ok(m.id());
            }
            case PersonaList m -> new ServerMessage.Personas(m.id(), personas.of(account).stream().map(Persona::view).toList());
            case PersonaShow m -> new ServerMessage.PersonaInfo(m.id(), visible(caller, personas.named(m.name()), "no persona of that name").view());
            case PersonaUse m -> new ServerMessage.PersonaInUse(m.id(), m.persona(), channels.use(caller, mine(caller, m.persona())));
            case PresenceSet m -> {
                channels.presence(caller, mine(caller, m.persona()), m.status());
                yield new ServerMessage.Ok(m.id());
            }
            case ChannelList m -> new ServerMessage.Channels(m.id(), channels.list());
            case ChannelCreate m -> {
                requireMayCreateChannels(account);
                yield new ServerMessage.ChannelJoined(m.id(), channels.create(caller, mine(caller, m.persona()), m.channel(), m.topic()));
            }
            case ChannelJoin m -> new ServerMessage.ChannelJoined(m.id(), channels.join(caller, mine(caller, m.persona()), m.channel()));
            case ChannelLeave m -> {
                channels.leave(mine(caller, m.persona()), m.channel());
                yield new ServerMessage.Ok(m.id());
            }
            case Say m -> post(connection, m.id(), m.persona(), m.channel(), MessageKind.SAY, m.text(), m.message());
            case Pose m -> post(connection, m.id(), m.persona(), m.channel(), MessageKind.POSE, m.text(), m.message());
            case TopicSet m -> {
                channels.topic(speaking(caller, m.persona()), m.channel(), m.topic());
                yield new ServerMessage.Ok(m.id());
            }
            case MembersList m -> new ServerMessage.Members(m.id(), m.channel(), channels.members(caller, m.channel()));
            case HistoryFetch m -> new ServerMessage.History(m.id(), m.channel(), channels.history(caller,
                    mine(caller, m.persona()), m.channel(), m.before(), m.limit() == null ? 50 : m.limit()));
            case Kick m -> {
                channels.kick(mine(caller, m.persona()), m.channel(), m.target(), m.reason());
                yield new ServerMessage.Ok(m.id());
            }
            case DeviceRegister m -> new ServerMessage.DeviceRegistered(m.id(),
                    devices.register(account, Base64.getDecoder().decode(m.signatureKey())));
            case DeviceAttach m -> {
                scenes.attach(caller, m.id(), m.device());
                yield null;
            }
            case KeyPackagesUpload m -> scenes.upload(caller, m, mine(caller, m.persona()));
            case KeyPackagesClaim m -> scenes.claim(caller, m.id(), m.scene(), m.persona());
            case SceneCreate m -> new ServerMessage.SceneInfo(m.id(), scenes.create(caller, mine(caller, m.persona())));
            case SceneList m -> new ServerMessage.Scenes(m.id(), scenes.list(account));
            case SceneInvite m -> {
                Persona inviter = speaking(caller, m.persona());
                actionLimits.admit(ActionLimits.Action.INVITATION, account, caller.address());
                yield new ServerMessage.InvitationInfo(m.id(), scenes.invite(inviter, m));
            }
            case InvitationList m -> scenes.invitations(m.id(), account);
            case InvitationAccept m -> new ServerMessage.InvitationInfo(m.id(), scenes.accept(account, m));
            case InvitationDecline m -> {
                scenes.decline(account, m.invitation());
                yield new ServerMessage.Ok(m.id());
            }
            case SceneSend m -> {
                scenes.send(caller, m);
                yield null;
            }
            case SceneAck m -> whenStored(connection, m.id(), scenes.ack(caller, m.messages()), written -> new ServerMessage.Ok(m.id()));
            case SceneLeave m -> {
                scenes.leave(mine(caller, m.persona()), m.scene());
                yield new ServerMessage.Ok(m.id());
            }
            case Safeword m -> {
                scenes.safeword(mine(caller, m.persona()), m.scene(), m.coolingOffHours() == null ? 24 : m.coolingOffHours());
                yield new ServerMessage.Ok(m.id());
            }
            case TranscriptConsent m -> {
                scenes.transcript(mine(caller, m.persona()), m.scene(), m.choice());
                yield new ServerMessage.Ok(m.id());
            }
            case TranscriptExport m -> scenes.export(m.id(), mine(caller, m.persona()), m.scene());
            case SceneTimer m -> {
                scenes.timer(mine(caller, m.persona()), m.scene(), m.seconds());
                yield new ServerMessage.Ok(m.id());
            }
            // Boundaries and the catalogue they answer.
            case CatalogueShow m -> new ServerMessage.Catalogue(m.id(), boundaries.catalogue().topics(), boundaries.defaultSafeword());
            case BoundariesShow m -> new ServerMessage.BoundariesInfo(m.id(), boundaries.show(visible(caller, m.persona())));
            case BoundariesSet m -> new ServerMessage.BoundariesInfo(m.id(), boundaries.set(mine(caller, m.persona()), m.answers(), m.notes()));
            // Blocks and mutes.
            case Block m -> blocksChanged(account, m.id(), m.target(), true, () -> blocks.block(account, m.target(), m.scope()));
            case Unblock m -> blocksChanged(account, m.id(), m.target(), false, () -> blocks.unblock(account, m.target()));
            case Mute m -> new ServerMessage.Blocks(m.id(), blocks.mute(account, m.target()));
            case Unmute m -> new ServerMessage.Blocks(m.id(), blocks.unmute(account, m.target()));
            case BlocksList m -> new ServerMessage.Blocks(m.id(), blocks.list(account));
            case ReportScene m -> new ServerMessage.ReportFiled(m.id(), reports.scene(reporting(caller, m.persona()), m));
            case ReportChannel m -> new ServerMessage.ReportFiled(m.id(), reports.channel(reporting(caller, m.persona()), m));
            case ReportList m -> new ServerMessage.Reports(m.id(), reports.mine(account));
            case ModReports m -> moderators.queue(account, m);
            case ModAudit m -> moderators.audit(account, m);
            case ModAct m -> {
                moderators.act(account, m);
                yield new ServerMessage.Ok(m.id());
            }
        };
    }

    /** A say or pose, within the account's and the address's limit on channel lines. */
    private ServerMessage post(Connection connection, String requestId, String personaId, String channel, MessageKind kind, String text,
                               String clientId) {
        Caller caller = connection.caller();
        Persona persona = speaking(caller, personaId);
        actionLimits.admit(ActionLimits.Action.CHANNEL_MESSAGE, caller.accountId(), caller.address());
        return whenStored(connection, requestId, channels.post(persona, channel, kind, text, clientId), message -> {
            metrics.channelMessage();
            return new ServerMessage.Sent(requestId, message.id(), message.at());
        });
    }

    /** The persona a report is filed as, within the account's and the address's limit on reports. */
    private Persona reporting(Caller caller, String personaId) {
        Persona persona = mine(caller, personaId);
        actionLimits.admit(ActionLimits.Action.REPORT, caller.accountId(), caller.address());
        return persona;
    }

    /** A block or unblock, shown at once in the channels the two sides share. */
    private ServerMessage blocksChanged(String account, String requestId, String target, boolean blocked,
                                        Supplier<List<Views.Block>> change) {
        List<Views.Block> list = change.get();
        blocks.accountOf(target).ifPresent(other -> channels.regrouped(account, other, blocked));
        return new ServerMessage.Blocks(requestId, list);
    }

    /**
     * A persona whose account blocked the caller is, to the caller, a persona that does not exist:
     * refused with the very error an unknown one gets, {@code absent}.
     */
    private Persona visible(Caller caller, Persona persona, String absent) {
        if (blocks.blockedByNow(new Blocks.Viewer(caller.accountId(), caller.personasInUse()), persona.id())) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, absent);
        }
        return persona;
    }

    /** A persona by id, as {@link #visible(Caller, Persona, String)} lets the caller see it. */
    private Persona visible(Caller caller, String personaId) {
        String absent = "no such persona";
        return visible(caller, personas.byId(personaId).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, absent)), absent);
    }

    /** One of the caller's personas, unless a moderator banned it. */
    private Persona mine(Caller caller, String personaId) {
        Persona persona = personas.owned(caller.accountId(), personaId);
        enforcement.requireUsable(persona.id());
        return persona;
    }

    /** A persona of the caller about to post or invite, which a muted account may not. */
    private Persona speaking(Caller caller, String personaId) {
        enforcement.requireNotMuted(caller.accountId());
        return mine(caller, personaId);
    }

    /**
     * Answers once the write is durable, without holding up the socket's next requests meanwhile;
     * returns null, as the reply comes later (and a close of the socket waits for it).
     */
    private <T> ServerMessage whenStored(Connection connection, String requestId, CompletableFuture<T> stored,
                                         Function<T, ServerMessage> reply) {
        connection.owe(stored.whenComplete((written, failure) -> {
            if (failure == null) {
                connection.send(reply.apply(written));
            } else {
                metrics.error(ErrorCode.INTERNAL);
                log.atError().addKeyValue("connection", connection.logId()).setCause(failure).log("a write failed");
                connection.send(new ServerMessage.Error(requestId, ErrorCode.INTERNAL.wire(), "the server failed; try again", null));
            }
        }));
        return null;
    }

    /** Ends sessions on every process; when the caller's own is among them, answers it first and closes it. */
    private ServerMessage endSessions(Connection connection, String requestId, List<String> ended) {
        Caller caller = connection.caller();
        ServerMessage why = new ServerMessage.Error(null, ErrorCode.SESSION_INVALID.wire(), "session ended", null);
        ended.forEach(session -> delivery.publish(new Event.Close(new Audience.Session(session), why, CloseCodes.SESSION_ENDED,
                "session ended", caller.id())));
        if (!ended.contains(caller.sessionId())) return new ServerMessage.Ok(requestId);
        connection.close(new ServerMessage.Ok(requestId), CloseCodes.SESSION_ENDED, "session ended");
        return null;
    }

    private ServerMessage deleteAccount(Connection connection, AccountDelete request) {
        Caller caller = connection.caller();
        String account = caller.accountId();
        accounts.requirePassword(account, request.password());
        personas.of(account).forEach(this::forgetPersona);
        accounts.delete(account);
        blocks.forget(account);
        log.atInfo().addKeyValue("connection", connection.logId()).log("account deleted");
        delivery.publish(new Event.Close(new Audience.Account(account), null, CloseCodes.SESSION_ENDED, "account deleted", caller.id()));
        connection.close(new ServerMessage.Ok(request.id()), CloseCodes.SESSION_ENDED, "account deleted");
        return null;
    }

    /** Takes a persona out of every scene and channel and off every socket, then deletes it with its messages. */
    private void forgetPersona(Persona persona) {
        scenes.forget(persona);
        channels.forget(persona.id());
        delivery.publish(new Event.Release(persona.id()));
        personas.delete(persona.id());
    }

    private void requireMayCreateChannels(String accountId) {
        if (channelsConfig.channelCreation().equals("operators") && accounts.byId(accountId).role() != Account.Role.OPERATOR) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "on this server only operators create channels");
        }
    }
}
