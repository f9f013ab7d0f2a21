package org.tryst.world;

import java.time.Clock;
import org.tryst.accounts.Accounts;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Online;
import org.tryst.config.Config;
import org.tryst.personas.Acting;
import org.tryst.personas.Persona;
import org.tryst.personas.Personas;
import org.tryst.protocol.ClientMessage.WorldCommand;
import org.tryst.protocol.ClientMessage.WorldEnter;
import org.tryst.protocol.ClientMessage.WorldLeave;
import org.tryst.protocol.ClientMessage.WorldRequest;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.requests.Answer;
import org.tryst.requests.Handler;
import org.tryst.safety.Blocks;

/** Answers the requests of the text world: entering it, each command line, parsed here once for every transport, and leaving it. */
public final class WorldRequests implements Handler<WorldRequest>, AutoCloseable {
    private final WorldPlay play;
    private final Looking looking;
    private final Handling handling;
    private final Lines lines;
    private final Building building;
    private final Help help = Help.shipped();
    private final Acting acting;

    public WorldRequests(WorldPlay play, World world, Personas personas, Accounts accounts, Blocks blocks, Delivery delivery, Online online,
                         Acting acting, Building.Audit audit, Config config, Clock clock) {
        this.play = play;
        this.acting = acting;
        this.looking = new Looking(play, world, personas, online, blocks, config.channels(), clock);
        this.handling = new Handling(play, world, blocks);
        this.lines = new Lines(play, world, personas, online, blocks, delivery, config.channels(), clock);
        this.building = new Building(play, world, personas, accounts, delivery, config.world(), audit, clock);
    }

    @Override
    public Answer answer(WorldRequest request, Caller caller) {
        return switch (request) {
            case WorldEnter m -> Answer.now(play.enter(caller, acting.mine(caller, m.persona()), m.id()));
            case WorldLeave m -> {
                play.leave(caller, acting.mine(caller, m.persona()));
                yield Answer.ok(m.id());
            }
            case WorldCommand m -> command(caller, acting.mine(caller, m.persona()), m);
        };
    }

    private Answer command(Caller caller, Persona persona, WorldCommand request) {
        String id = request.id();
        Command command;
        try {
            command = Command.parse(request.line());
        } catch (Command.Malformed malformed) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "write it as: " + malformed.getMessage());
        }
        return switch (command) {
            case Command.Look look -> Answer.now(looking.look(caller, persona, look.target(), id));
            case Command.Go go -> moved(caller, persona, go.exit(), id);
            case Command.Unknown unknown -> unknown.word().filter(word -> play.exitFor(play.here(caller, persona), word).isPresent())
                    .map(word -> moved(caller, persona, word, id))
                    .orElseThrow(() -> new ProtocolException(ErrorCode.UNKNOWN_COMMAND,
                            "\"" + unknown.line().split(" ")[0] + "\" is no command or exit here; help lists the commands"));
            case Command.Say say -> new Answer.Later(lines.inRoom(caller, persona, "say", say.text(), id));
            case Command.Pose pose -> new Answer.Later(lines.inRoom(caller, persona, pose.semi() ? "semipose" : "pose", pose.text(), id));
            case Command.Emit emit -> new Answer.Later(lines.inRoom(caller, persona, "emit", emit.text(), id));
            case Command.Whisper whisper -> new Answer.Later(lines.whisper(caller, persona, whisper.to(), whisper.text(), id));
            case Command.Page page -> new Answer.Later(lines.page(caller, persona, page.to(), page.text(), id));
            case Command.Who who -> Answer.now(looking.who(caller, persona, who.where(), id));
            case Command.Inventory _ -> Answer.now(looking.inventory(caller, persona, id));
            case Command.Get get -> done(() -> handling.get(caller, persona, get.thing()), id);
            case Command.Drop drop -> done(() -> handling.drop(caller, persona, drop.thing()), id);
            case Command.Give give -> done(() -> handling.give(caller, persona, give.left(), give.right()), id);
            case Command.Home _ -> play.home(caller, persona) ? Answer.ok(id) : said(persona, id, "You are home already.");
            case Command.Help topic -> Answer.now(help.page(topic.topic(), id));
            case Command.Adult adult -> {
                play.here(caller, persona);
                play.adult(caller, adult.on());
                yield said(persona, id, adult.on() ? "Adult areas are open to you; exits to them say (adult)."
                        : "Adult areas are closed to you.");
            }
            case Command.Describe describe -> describe.target().equalsIgnoreCase("me")
                    ? said(persona, id, building.describe(caller, persona, describe.target(), describe.text()))
                    : audited(caller, persona, request, () -> building.describe(caller, persona, describe.target(), describe.text()));
            case Command.Building build -> audited(caller, persona, request, () -> building.build(caller, persona, build));
            case Command.Sdesc sdesc -> {
                play.here(caller, persona);
                Recognition recognition = play.recognition();
                yield said(persona, id, sdesc.text() == null ? recognition.list(persona) : recognition.describe(persona, sdesc.text()));
            }
            case Command.Recog recog -> {
                Room room = play.here(caller, persona);
                Recognition recognition = play.recognition();
                recognition.requireOn();
                yield said(persona, id, recog.who() == null ? recognition.list(persona)
                        : recognition.recognise(persona, lines.someoneHere(caller, persona, room, recog.who()), recog.name()));
            }
            case Command.Forget forget -> {
                play.here(caller, persona);
                yield said(persona, id, play.recognition().forget(persona, forget.name()));
            }
            case Command.Introduce introduce -> new Answer.Later(lines.introduce(caller, persona, introduce.to(), id));
            case Command.Eject eject -> audited(caller, persona, request, () -> building.eject(caller, persona, eject.persona()));
            case Command.Undo undo -> audited(caller, persona, request, () -> building.undo(caller, persona, undo.target()));
        };
    }

    /** A change to the world, answered with its sentence and, when a moderator made it in another's room, audited. */
    private Answer audited(Caller caller, Persona persona, WorldCommand request, java.util.function.Supplier<String> change) {
        Room room = play.here(caller, persona);
        String text = change.get();
        building.auditIfModerating(caller, room, request.line());
        return said(persona, request.id(), text);
    }

    private Answer moved(Caller caller, Persona persona, String exit, String id) {
        play.go(caller, persona, exit);
        return Answer.ok(id);
    }

    private static Answer done(Runnable action, String id) {
        action.run();
        return Answer.ok(id);
    }

    private static Answer said(Persona persona, String id, String text) {
        return Answer.now(new ServerMessage.WorldDone(id, persona.id(), text));
    }

    /** Deletes the world's lines past the history retention, and reads where everyone is afresh (see {@link WorldPlay#reread}). */
    public int sweep() {
        play.reread();
        return lines.sweep();
    }

    /** Finishes writing the lines already accepted. */
    @Override
    public void close() {
        lines.close();
    }
}
