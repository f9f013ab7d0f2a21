package org.tryst.telnet;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.ServerMessage.*;
import org.tryst.protocol.Views;
import org.tryst.telnet.Text.Tone;

/**
 * Every message the server sends, as a MUD client's user reads it: rooms with their exits and who
 * is there, the lines of the world and of channels in the MUD's own phrasing, errors as sentences.
 * Messages that only a client holding scene keys can use say where to go instead, or show nothing.
 */
final class TextRenderer {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Where private scenes are, for the messages about them that a telnet client can do nothing with. */
    static final String SCENES_ELSEWHERE = "Private scenes are end-to-end encrypted, and a telnet client holds no keys: "
            + "use the web client or ./tryst chat for them.";
    /** What {@code help scenes} says: where scenes are, and how one begins from a room of the world. */
    static final String SCENES_HELP = SCENES_ELSEWHERE + " In the web client's world view, each person here has "
            + "\"Invite to a private scene\": the scene is set in the room you are in, and the one you invite sees "
            + "the room's name and description with the invitation before saying yes.";

    private TextRenderer() {}

    /** The message as text for this viewer, each line ended by a line break; empty when it shows nothing. */
    static String render(ServerMessage message, Viewer viewer) {
        return text(message, viewer).render(viewer);
    }

    static Text text(ServerMessage message, Viewer viewer) {
        Text text = new Text();
        switch (message) {
            case WorldRoom room -> room(text, room.room(), room.here(), viewer);
            case WorldLook look -> looked(text, look.target());
            case WorldWho who -> who(text, who.people());
            case WorldInventory inventory -> text.add(inventory.things().isEmpty() ? "You carry nothing."
                    : "You carry " + things(inventory.things()) + ".");
            case WorldHelp help -> {
                text.add(printable(help.text()));
                if (help.topics() != null && !help.topics().isEmpty()) {
                    text.add(Tone.QUIET, "Help topics: " + String.join(", ", help.topics()) + ".");
                }
            }
            case WorldDone done -> text.add(printable(done.text()));
            case WorldArrived arrived -> text.add(Tone.PEOPLE, arrival(arrived));
            case WorldDeparted departed -> text.add(Tone.PEOPLE, departure(departed));
            case WorldLine line -> text.add(worldLine(line.line(), viewer));
            case WorldUpdated updated -> {
                text.add(Tone.QUIET, "This place has changed.");
                room(text, updated.room(), null, viewer);
            }
            case WorldThing thing -> text.add(thingMoved(thing, viewer));
            case ServerMessage.Error error -> text.add(Tone.PROBLEM, sentence(error));
            case Notice notice -> text.add(Tone.NOTICE, "[Moderator] " + printable(notice.text())
                    + (notice.until() == null ? "" : " (until " + WHEN.format(Instant.ofEpochMilli(notice.until())) + ")"));
            case ChannelMessage channel -> text.add(channelLine(channel.message()));
            case MemberJoined joined -> text.add(Tone.CHANNEL, "[" + joined.channel() + "] " + printable(joined.member().name()) + " has joined.");
            case MemberLeft left -> text.add(Tone.CHANNEL, "[" + left.channel() + "] " + (viewer.isMe(left.persona()) ? "You have left." : switch (left.reason()) {
                case "kicked" -> "Someone was removed.";
                case "banned" -> "Someone was banned.";
                default -> "Someone has left.";
            }));
            case TopicChanged topic -> text.add(Tone.CHANNEL, "[" + topic.channel() + "] "
                    + (topic.by() == null ? "The topic is now: " : printable(topic.by().name()) + " sets the topic: ") + printable(topic.topic()));
            case Kicked kicked -> text.add(Tone.NOTICE, "[" + kicked.channel() + "] You were removed"
                    + (kicked.by() == null ? "" : " by " + printable(kicked.by().name()))
                    + (kicked.reason() == null || kicked.reason().isBlank() ? "." : ": " + printable(kicked.reason())));
            case ChannelClosed closed -> text.add(Tone.CHANNEL, "[" + closed.channel() + "] This channel was closed.");
            case Channels channels -> channels(text, channels.channels());
            case ChannelJoined joined -> joined(text, joined.channel());
            case Members members -> text.add(Tone.CHANNEL, "[" + members.channel() + "] Members: "
                    + members.members().stream().map(member -> printable(member.name())).collect(Collectors.joining(", ")) + ".");
            case History history -> history.messages().forEach(line -> text.add(channelLine(line)));
            case Personas personas -> personas(text, personas.personas());
            case PersonaInfo info -> persona(text, info.persona());
            case Sessions sessions -> sessions.sessions().forEach(session -> text.add(printable(session.userAgent())
                    + (session.current() ? " (this one)" : "") + ", since " + WHEN.format(Instant.ofEpochMilli(session.createdAt()))));
            case Blocks blocks -> text.add(blocks.blocks().isEmpty() ? "You block and mute nobody."
                    : "You " + blocks.blocks().stream().map(block -> block.kind() + " " + printable(block.persona().name()))
                            .collect(Collectors.joining(", ")) + ".");
            case ReportFiled _ -> text.add("Your report was filed; moderators will look at it.");
            case InvitationReceived invitation -> text.add(Tone.NOTICE, printable(invitation.invitation().from().name())
                    + " invites " + printable(invitation.invitation().to().name()) + " into a private scene"
                    + (invitation.invitation().setting() == null ? "" : " set in " + printable(invitation.invitation().setting().name()))
                    + ". " + SCENES_ELSEWHERE);
            case SceneEnded _ -> text.add(Tone.NOTICE, "A private scene you were in has ended.");
            case WellbeingWarning warning -> text.add(Tone.NOTICE, (warning.reason().equals("quiet_hours") ? "Your quiet hours begin"
                    : "Today's time runs out") + " at " + WHEN.format(Instant.ofEpochMilli(warning.endsAt())) + "; this session ends then.");
            case WellbeingBreak pause -> text.add(Tone.NOTICE, "You have been here " + pause.minutes() + " minutes on end: time for a break?");
            // Replies the session turns into its own words, and news only a web or terminal client uses.
            case Welcome _, Ok _, Sent _, PersonaInUse _, MemberUpdated _, PresenceChanged _, ChannelReadUpTo _,
                 ChannelListed _, ChannelUnlisted _, DeviceRegistered _, DeviceAttached _, KeyPackagesStored _,
                 KeyPackagesLow _, KeyPackages _, SceneInfo _, Scenes _, InvitationInfo _, Invitations _,
                 InvitationAccepted _, InvitationGone _, SceneSent _, SceneDelivery _, SceneSignalled _, SceneChanged _, Catalogue _,
                 BoundariesInfo _, TranscriptMark _, Reports _, Audit _, MediaServers _, WellbeingInfo _, BoardAd _, Board _,
                 WorldPresence _, Typing _, Looking _, Security _, TotpSetup _, RecoveryCodes _ -> { }
        }
        return text;
    }

    /** A status beside a name, in brackets; nothing for a persona that is simply here. */
    private static String status(Presence status) {
        return switch (status) {
            case ONLINE, OFFLINE -> "";
            case LOOKING -> " (looking)";
            case AWAY -> " (away)";
            case BUSY -> " (busy)";
            case DND -> " (do not disturb)";
        };
    }

    /** A room: its name (with its rating when not general), description, things, who else is there, and its exits. */
    private static void room(Text text, Views.RoomView room, List<Views.Occupant> here, Viewer viewer) {
        text.add(Tone.TITLE, printable(room.name()) + rating(room.rating()));
        if (room.description() != null && !room.description().isBlank()) text.add(printable(room.description()));
        if (room.things() != null && !room.things().isEmpty()) text.add("You see " + things(room.things()) + ".");
        if (here != null) {
            List<String> others = here.stream().filter(occupant -> !viewer.isMe(occupant.id()))
                    .map(occupant -> printable(occupant.name()) + status(occupant.status())).toList();
            if (!others.isEmpty()) text.add(Tone.PEOPLE, listed(others) + (others.size() == 1 ? " is here." : " are here."));
        }
        List<Views.ExitView> exits = room.exits() == null ? List.of() : room.exits();
        text.add(Tone.EXITS, exits.isEmpty() ? "There is no way out." : "Exits: " + exits.stream()
                .map(exit -> printable(exit.name()) + rating(exit.rating())).collect(Collectors.joining(", ")) + ".");
    }

    /** The mark of a rating that asks for care: general rooms have none. */
    static String rating(String rating) {
        if (rating == null) return "";
        return switch (rating) {
            case "adult" -> " [adult]";
            case "mature" -> " [mature]";
            default -> "";
        };
    }

    private static void looked(Text text, Views.Looked looked) {
        switch (looked.kind()) {
            case "persona" -> {
                text.add(Tone.TITLE, printable(looked.name()) + (looked.pronouns() == null || looked.pronouns().isBlank()
                        ? "" : " (" + printable(looked.pronouns()) + ")"));
                if (looked.summary() != null && !looked.summary().isBlank()) text.add(printable(looked.summary()));
                if (looked.description() != null && !looked.description().isBlank()) text.add(printable(looked.description()));
            }
            case "exit" -> text.add(Tone.EXITS, printable(looked.name()) + " leads to " + printable(looked.to()) + rating(looked.rating())
                    + "." + (looked.description() == null || looked.description().isBlank() ? "" : " " + printable(looked.description())));
            case "emit" -> {
                List<Views.WorldLine> lines = looked.lines() == null ? List.of() : looked.lines();
                if (lines.isEmpty()) text.add("Nothing has been emitted here lately.");
                lines.forEach(line -> text.add(Tone.QUIET, printable(line.text()) + " (emitted by " + printable(line.author().name()) + ")"));
            }
            default -> {
                text.add(Tone.TITLE, printable(looked.name()));
                if (looked.description() != null && !looked.description().isBlank()) text.add(printable(looked.description()));
            }
        }
    }

    private static void who(Text text, List<Views.WhoEntry> people) {
        if (people.isEmpty()) {
            text.add("Nobody is in the world.");
            return;
        }
        text.add(Tone.TITLE, people.size() == 1 ? "One persona is in the world:" : people.size() + " personas are in the world:");
        people.forEach(entry -> text.add(Tone.PEOPLE, "  " + printable(entry.persona().name())
                + status(entry.status()) + (entry.room() == null ? "" : ", in " + printable(entry.room()))));
    }

    private static String arrival(WorldArrived arrived) {
        String name = subject(arrived.persona().name(), arrived.persona().shown());
        return switch (arrived.how() == null ? "" : arrived.how()) {
            case "entered" -> name + " enters the world.";
            case "connected" -> name + " has connected.";
            case "home" -> name + " arrives, going home.";
            case "joined" -> name + " is here.";
            case "moved_by_moderator" -> name + " is brought here by a moderator.";
            default -> name + " arrives.";
        };
    }

    private static String departure(WorldDeparted departed) {
        String name = subject(departed.persona().name(), departed.persona().shown());
        return switch (departed.how() == null ? "" : departed.how()) {
            case "left" -> name + " leaves the world.";
            case "disconnected" -> name + " has disconnected.";
            case "home" -> name + " goes home.";
            case "gone" -> name + " is gone.";
            case "moved_by_moderator" -> name + " is taken away by a moderator.";
            default -> departed.via() == null ? name + " leaves." : name + " leaves " + printable(departed.via()) + ".";
        };
    }

    /** A line of the world in the MUD's phrasing; the viewer's own lines read "You". */
    static String worldLine(Views.WorldLine line, Viewer viewer) {
        String name = subject(line.author().name(), line.author().shown());
        String said = printable(line.text());
        boolean mine = viewer.isMe(line.author().id());
        String to = line.to() == null ? "" : printable(line.to().name());
        return switch (line.kind()) {
            case "say" -> mine ? "You say, \"" + said + "\"" : name + " says, \"" + said + "\"";
            case "pose" -> name + " " + said;
            case "semipose" -> name + said;
            case "emit" -> said;
            case "whisper" -> line.text() == null ? name + " whispers something to " + to + "."
                    : mine ? "You whisper to " + to + ", \"" + said + "\"" : name + " whispers, \"" + said + "\"";
            case "page" -> mine ? "You page " + to + ": " + said : "From afar, " + name + " pages: " + said;
            default -> name + ": " + said;
        };
    }

    private static String thingMoved(WorldThing moved, Viewer viewer) {
        boolean mine = viewer.isMe(moved.by().id());
        String who = mine ? "You" : subject(moved.by().name(), moved.by().shown());
        String thing = printable(moved.thing().name());
        return switch (moved.action()) {
            case "got" -> who + (mine ? " pick up " : " picks up ") + thing + ".";
            case "dropped" -> who + (mine ? " drop " : " drops ") + thing + ".";
            case "gave" -> who + (mine ? " give " : " gives ") + thing + " to "
                    + (moved.to() != null && viewer.isMe(moved.to().id()) ? "you" : moved.to() == null ? "someone" : printable(moved.to().name())) + ".";
            default -> who + " moves " + thing + ".";
        };
    }

    /** An error as a sentence: the server's message, capitalised, with when to try again and, for a command, where help is. */
    static String sentence(ServerMessage.Error error) {
        String message = printable(error.message() == null || error.message().isBlank() ? error.code().replace('_', ' ') : error.message());
        StringBuilder sentence = new StringBuilder(message.substring(0, 1).toUpperCase(Locale.ROOT)).append(message.substring(1));
        if (!message.endsWith(".") && !message.endsWith("!") && !message.endsWith("?")) sentence.append('.');
        if (error.retryAfterMs() != null && error.retryAfterMs() > 0) {
            sentence.append(" Try again in ").append(Math.max(1, (error.retryAfterMs() + 999) / 1000)).append(" s.");
        }
        if (ErrorCode.UNKNOWN_COMMAND.wire().equals(error.code())) sentence.append(" Type help for the commands.");
        return sentence.toString();
    }

    /** A channel's line: {@code [name] Persona says, "text"}, a pose, or a roll. */
    static String channelLine(Views.Message message) {
        String name = printable(message.persona().name());
        String said = printable(message.text());
        return "[" + message.channel() + "] " + switch (message.kind()) {
            case SAY -> name + " says, \"" + said + "\"";
            case POSE -> name + " " + said;
            case ROLL -> name + " rolls " + said;
        };
    }

    private static void channels(Text text, List<Views.Channel> channels) {
        if (channels.isEmpty()) {
            text.add("There are no open channels.");
            return;
        }
        text.add(Tone.TITLE, "Channels (+join NAME to join, +NAME text to talk):");
        channels.forEach(channel -> text.add(Tone.CHANNEL, "  " + channel.name() + " (" + channel.members()
                + (channel.members() == 1 ? " member)" : " members)")
                + (channel.topic() == null || channel.topic().isBlank() ? "" : ": " + printable(channel.topic()))));
    }

    private static void joined(Text text, Views.Joined joined) {
        text.add(Tone.CHANNEL, "[" + joined.channel() + "] You are in, with " + joined.members().size()
                + (joined.members().size() == 1 ? " member" : " members")
                + (joined.topic() == null || joined.topic().isBlank() ? "." : ". Topic: " + printable(joined.topic())));
        joined.history().forEach(line -> text.add(Tone.QUIET, channelLine(line)));
    }

    private static void personas(Text text, List<Views.Persona> personas) {
        for (int i = 0; i < personas.size(); i++) {
            Views.Persona persona = personas.get(i);
            text.add("  " + (i + 1) + ". " + printable(persona.name())
                    + (persona.summary() == null || persona.summary().isBlank() ? "" : ": " + printable(persona.summary())));
        }
    }

    private static void persona(Text text, Views.Persona persona) {
        text.add(Tone.TITLE, printable(persona.name()) + (persona.pronouns() == null || persona.pronouns().isBlank()
                ? "" : " (" + printable(persona.pronouns()) + ")"));
        if (persona.summary() != null && !persona.summary().isBlank()) text.add(printable(persona.summary()));
    }

    private static String things(List<Views.ThingView> things) {
        return listed(things.stream().map(thing -> printable(thing.name())).toList());
    }

    /** "a", "a and b", "a, b and c". */
    static String listed(List<String> items) {
        if (items.size() <= 1) return String.join("", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    /** A name that starts a sentence: a short description ("a tall woman") takes a capital there, as a name has one. */
    private static String subject(String name, Views.Shown shown) {
        String printable = printable(name);
        if (shown != Views.Shown.SDESC || printable.isEmpty()) return printable;
        return printable.substring(0, 1).toUpperCase(Locale.ROOT) + printable.substring(1);
    }

    private static String printable(String text) {
        return Text.printable(text);
    }
}
