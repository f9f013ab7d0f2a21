package org.tryst.scenes;

import java.util.Base64;
import java.util.Optional;
import org.tryst.cluster.Caller;
import org.tryst.personas.Acting;
import org.tryst.personas.Persona;
import org.tryst.protocol.ClientMessage.*;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.requests.Answer;
import org.tryst.requests.Handler;

/** Answers the requests about private scenes: devices, KeyPackages, invitations, MLS messages, the safeword, timers and transcripts. */
public final class SceneRequests implements Handler<SceneRequest> {
    private static final int DEFAULT_COOLING_OFF_HOURS = 24;

    /** Where a scene made from a room is set: the room the persona is in on this socket, checked by the world. */
    public interface Settings {
        Views.Setting of(Caller caller, Persona persona, String room);
    }

    private final Scenes scenes;
    private final Devices devices;
    private final Acting acting;
    private final Settings settings;

    public SceneRequests(Scenes scenes, Devices devices, Acting acting, Settings settings) {
        this.scenes = scenes;
        this.devices = devices;
        this.acting = acting;
        this.settings = settings;
    }

    @Override
    public Answer answer(SceneRequest request, Caller caller) {
        String account = caller.accountId();
        return switch (request) {
            case DeviceRegister m -> Answer.now(new ServerMessage.DeviceRegistered(m.id(),
                    devices.register(account, Base64.getDecoder().decode(m.signatureKey()))));
            case DeviceAttach m -> {
                scenes.attach(caller, m.id(), m.device());
                yield new Answer.Delivered();
            }
            case KeyPackagesUpload m -> Answer.now(scenes.upload(caller, m, mine(caller, m.persona())));
            case KeyPackagesClaim m -> Answer.now(scenes.claim(caller, m.id(), m.scene(), m.persona()));
            case SceneCreate m -> {
                Persona persona = mine(caller, m.persona());
                Optional<Views.Setting> setting = Optional.ofNullable(m.room()).map(room -> settings.of(caller, persona, room));
                yield Answer.now(new ServerMessage.SceneInfo(m.id(), scenes.create(caller, persona, setting)));
            }
            case SceneList m -> Answer.now(new ServerMessage.Scenes(m.id(), scenes.list(account)));
            case SceneInvite m -> Answer.now(new ServerMessage.InvitationInfo(m.id(), scenes.invite(mine(caller, m.persona()), m)));
            case InvitationList m -> Answer.now(scenes.invitations(m.id(), account));
            case InvitationAccept m -> Answer.now(new ServerMessage.InvitationInfo(m.id(), scenes.accept(account, m)));
            case InvitationDecline m -> {
                scenes.decline(account, m.invitation());
                yield Answer.ok(m.id());
            }
            case SceneSend m -> {
                scenes.send(caller, m);
                yield new Answer.Delivered();
            }
            case SceneSignal m -> {
                scenes.signal(caller, m);
                yield Answer.ok(m.id());
            }
            case SceneAck m -> new Answer.Later(scenes.ack(caller, m.messages()).thenApply(written -> new ServerMessage.Ok(m.id())));
            case SceneLeave m -> {
                scenes.leave(mine(caller, m.persona()), m.scene());
                yield Answer.ok(m.id());
            }
            case SceneTimer m -> {
                scenes.timer(mine(caller, m.persona()), m.scene(), m.seconds());
                yield Answer.ok(m.id());
            }
            case Safeword m -> {
                scenes.safeword(mine(caller, m.persona()), m.scene(),
                        m.coolingOffHours() == null ? DEFAULT_COOLING_OFF_HOURS : m.coolingOffHours());
                yield Answer.ok(m.id());
            }
            case TranscriptConsent m -> {
                scenes.transcript(mine(caller, m.persona()), m.scene(), m.choice());
                yield Answer.ok(m.id());
            }
            case TranscriptExport m -> Answer.now(scenes.export(m.id(), mine(caller, m.persona()), m.scene()));
        };
    }

    private Persona mine(Caller caller, String personaId) {
        return acting.mine(caller, personaId);
    }
}
