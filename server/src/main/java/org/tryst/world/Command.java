package org.tryst.world;

import java.util.Locale;
import java.util.Map;

/**
 * One command line of the world, parsed once for every transport, in the grammar MUSH and Evennia
 * players know: {@code look}, exit names and compass shortcuts, {@code "} for say, {@code :} for pose,
 * {@code ;} for semipose, {@code NAME=TEXT} for whispers, pages and building; Evennia's {@code sdesc},
 * {@code recog} and {@code forget}, and {@code introduce}, for worlds with recognition.
 */
public sealed interface Command {
    /** Commands that put words in the room or in someone's ear, which a mute refuses and the line limit counts. */
    sealed interface Speech extends Command {
        String text();
    }

    /** Commands that change the world itself, for builders (and moderators). */
    sealed interface Building extends Command {}

    record Look(String target) implements Command {}

    record Go(String exit) implements Command {}

    record Say(String text) implements Speech {}

    record Pose(String text, boolean semi) implements Speech {}

    record Emit(String text) implements Speech {}

    record Whisper(String to, String text) implements Speech {}

    record Page(String to, String text) implements Speech {}

    record Who(boolean where) implements Command {}

    record Inventory() implements Command {}

    record Get(String thing) implements Command {}

    record Drop(String thing) implements Command {}

    /** {@code give NAME=THING} (or {@code give THING=NAME}): which side is which is found by looking. */
    record Give(String left, String right) implements Command {}

    record Home() implements Command {}

    record Help(String topic) implements Command {}

    /** {@code @adult on|off}: whether the account enters adult-rated rooms. */
    record Adult(boolean on) implements Command {}

    /** {@code @describe TARGET=TEXT}; {@code me} is the persona's own in-world description. */
    record Describe(String target, String text) implements Command {}

    /** {@code @dig NAME[=EXIT[;ALIAS...][,BACK[;ALIAS...]]]}. */
    record Dig(String name, String exit, String back) implements Building {}

    /** {@code @open EXIT[;ALIAS...]=ROOM-ID[,BACK[;ALIAS...]]}. */
    record Open(String exit, String room, String back) implements Building {}

    record Create(String name, boolean fixed) implements Building {}

    record Name(String target, String name) implements Building {}

    /** {@code @lock TARGET=EXPRESSION}, or {@code @unlock TARGET} (expression null). */
    record SetLock(String target, String expression) implements Building {}

    /** {@code @link EXIT=ROOM-ID}, or {@code @link me=here} to make the room home. */
    record Link(String target, String room) implements Building {}

    record Destroy(String target) implements Building {}

    record Rate(String target, Rating rating) implements Building {}

    /** {@code sdesc TEXT}: how others see the persona until they recognise it; {@code sdesc} alone (text null) says it. */
    record Sdesc(String text) implements Command {}

    /** {@code recog WHO as NAME} (or {@code recog WHO=NAME}); {@code recog} alone (both null) lists whom the persona knows. */
    record Recog(String who, String name) implements Command {}

    /** {@code forget NAME}: stop recognising whom the persona knows by that name. */
    record Forget(String name) implements Command {}

    /** {@code introduce [WHO]}: everyone here (or the one named, to null: everyone) knows the persona by its name from now. */
    record Introduce(String to) implements Command {}

    /** A moderator's: send a persona in this room back to the starting room. */
    record Eject(String persona) implements Command {}

    /** The owner's or a moderator's: put the room back as it was before its last change. */
    record Undo(String target) implements Command {}

    /** A line that is no command: when it is one word, perhaps the name of an exit. */
    record Unknown(String line) implements Command {
        /** The word, when the line is one word: what an exit may answer to. */
        public java.util.Optional<String> word() {
            return line.contains(" ") ? java.util.Optional.empty() : java.util.Optional.of(line);
        }
    }

    /** What a malformed command was missing, in the words of its help page. */
    final class Malformed extends IllegalArgumentException {
        Malformed(String usage) {
            super(usage);
        }
    }

    Map<String, String> COMPASS = Map.ofEntries(Map.entry("n", "north"), Map.entry("s", "south"), Map.entry("e", "east"),
            Map.entry("w", "west"), Map.entry("ne", "northeast"), Map.entry("nw", "northwest"), Map.entry("se", "southeast"),
            Map.entry("sw", "southwest"), Map.entry("u", "up"), Map.entry("d", "down"));

    /** Parses a command line; a {@link Malformed} says how the command is written. */
    static Command parse(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) throw new Malformed("type a command; help lists them");
        switch (trimmed.charAt(0)) {
            case '"', '\'' -> { return new Say(required(trimmed.substring(1), "\"TEXT says something")); }
            case ':' -> { return new Pose(required(trimmed.substring(1), ":TEXT poses"), false); }
            case ';' -> { return new Pose(required(trimmed.substring(1), ";TEXT poses without a space"), true); }
            case '\\' -> { return new Emit(required(trimmed.replaceFirst("^\\\\+", ""), "\\\\TEXT emits")); }
            default -> { }
        }
        int space = trimmed.indexOf(' ');
        String verb = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : trimmed.substring(space + 1).strip();
        return switch (verb) {
            case "look", "l", "examine", "ex" -> new Look(rest.isEmpty() ? null : rest);
            case "go", "move" -> new Go(required(rest, "go EXIT"));
            case "say" -> new Say(required(rest, "say TEXT"));
            case "pose", "emote", "me" -> new Pose(required(rest, "pose TEXT"), false);
            case "semipose" -> new Pose(required(rest, "semipose TEXT"), true);
            case "emit", "@emit" -> new Emit(required(rest, "emit TEXT"));
            case "whisper", "wh" -> {
                String[] parts = split(rest, "whisper NAME=TEXT");
                yield new Whisper(parts[0], parts[1]);
            }
            case "page", "p" -> {
                String[] parts = split(rest, "page NAME=TEXT");
                yield new Page(parts[0], parts[1]);
            }
            case "who" -> new Who(false);
            case "where" -> new Who(true);
            case "inventory", "inv", "i" -> new Inventory();
            case "get", "take" -> new Get(required(rest, "get THING"));
            case "drop" -> new Drop(required(rest, "drop THING"));
            case "give" -> {
                String[] parts = split(rest, "give NAME=THING");
                yield new Give(parts[0], parts[1]);
            }
            case "home" -> new Home();
            case "help", "?" -> new Help(rest.isEmpty() ? null : rest.toLowerCase(Locale.ROOT));
            case "@adult" -> switch (rest.toLowerCase(Locale.ROOT)) {
                case "on" -> new Adult(true);
                case "off" -> new Adult(false);
                default -> throw new Malformed("@adult on (or off)");
            };
            case "@describe", "@desc" -> {
                String[] parts = split(rest, "@describe TARGET=TEXT");
                yield new Describe(parts[0], parts[1]);
            }
            case "@dig" -> dig(rest);
            case "@open" -> {
                String[] parts = split(rest, "@open EXIT=ROOM-ID");
                String[] where = parts[1].split(",", 2);
                yield new Open(parts[0], where[0].strip(), where.length > 1 ? blankToNull(where[1]) : null);
            }
            case "@create" -> {
                String[] parts = rest.split("=", 2);
                boolean fixed = parts.length > 1 && parts[1].strip().equalsIgnoreCase("fixed");
                if (parts.length > 1 && !fixed && !parts[1].strip().equalsIgnoreCase("portable")) {
                    throw new Malformed("@create NAME, or @create NAME=fixed");
                }
                yield new Create(required(parts[0], "@create NAME"), fixed);
            }
            case "@name" -> {
                String[] parts = split(rest, "@name TARGET=NAME");
                yield new Name(parts[0], parts[1]);
            }
            case "@lock" -> {
                String[] parts = split(rest, "@lock TARGET=LOCK");
                yield new SetLock(parts[0], parts[1]);
            }
            case "@unlock" -> new SetLock(required(rest, "@unlock TARGET"), null);
            case "@link" -> {
                String[] parts = split(rest, "@link EXIT=ROOM-ID");
                yield new Link(parts[0], parts[1]);
            }
            case "@destroy", "@dest" -> new Destroy(required(rest, "@destroy TARGET"));
            case "@rating" -> {
                String[] parts = split(rest, "@rating here=general|mature|adult");
                yield new Rate(parts[0], Rating.of(parts[1].toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> new Malformed("@rating here=general|mature|adult")));
            }
            case "sdesc" -> new Sdesc(rest.isEmpty() ? null : rest);
            case "recog", "recognize", "recognise" -> recog(rest);
            case "forget" -> new Forget(required(rest, "forget NAME"));
            case "introduce", "intro" -> new Introduce(rest.isEmpty() ? null : rest);
            case "@eject" -> new Eject(required(rest, "@eject NAME"));
            case "@undo" -> new Undo(rest.isEmpty() ? "here" : rest);
            default -> new Unknown(trimmed);
        };
    }

    private static Command dig(String rest) {
        String[] parts = rest.split("=", 2);
        String name = required(parts[0], "@dig NAME[=EXIT[,BACK]]");
        if (parts.length == 1) return new Dig(name, null, null);
        String[] exits = parts[1].split(",", 2);
        return new Dig(name, blankToNull(exits[0]), exits.length > 1 ? blankToNull(exits[1]) : null);
    }

    private static Command recog(String rest) {
        if (rest.isEmpty()) return new Recog(null, null);
        String usage = "recog WHO as NAME";
        if (rest.contains("=")) {
            String[] parts = split(rest, usage);
            return new Recog(parts[0], parts[1]);
        }
        int as = rest.toLowerCase(Locale.ROOT).lastIndexOf(" as ");
        if (as < 0) throw new Malformed(usage);
        return new Recog(required(rest.substring(0, as), usage), required(rest.substring(as + 4), usage));
    }

    private static String[] split(String rest, String usage) {
        int equals = rest.indexOf('=');
        if (equals < 0) throw new Malformed(usage);
        String left = rest.substring(0, equals).strip();
        String right = rest.substring(equals + 1).strip();
        if (left.isEmpty() || right.isEmpty()) throw new Malformed(usage);
        return new String[] {left, right};
    }

    private static String required(String text, String usage) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) throw new Malformed(usage);
        return trimmed;
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    /** Whether a command line puts words before others: for the request policy, which sees only the line. */
    static boolean speaks(String line) {
        try {
            // An introduction puts a line in the room as well, though the player writes no text.
            return parse(line) instanceof Speech || parse(line) instanceof Introduce;
        } catch (Malformed malformed) {
            return false;
        }
    }
}
