package org.tryst.client.chat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.tryst.protocol.Answer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.Dice;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ProtocolException;

/** Reads what the person typed: one table of commands behind parsing, {@code /help} and completion. */
public final class Commands {
    /** One command: how {@code /help} shows it, and how its arguments are read ({@code read} gives null when they do not fit). */
    public record Spec(String name, String arguments, String description, Function<String, Command> read) {
        /** The command with its arguments, as {@code /help} shows it. */
        public String usage() {
            return arguments.isEmpty() ? name : name + " " + arguments;
        }

        Command parse(String typed) {
            Command command = read.apply(typed);
            return command != null ? command : new Command.Invalid("Usage: " + usage());
        }
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("/help", "", "list these commands", none(new Command.Help())),
            new Spec("/personas", "", "list your personas", none(new Command.ListPersonas())),
            new Spec("/persona", "new NAME", "create a persona", Commands::newPersona),
            new Spec("/as", "NAME", "speak as another of your personas", name(Command.Use::new)),
            new Spec("/channels", "", "list the public channels", none(new Command.ListChannels())),
            new Spec("/join", "CHANNEL", "go to a public channel (it is created if nobody has yet)", Commands::join),
            new Spec("/leave", "", "leave the channel or scene you are in", none(new Command.Leave())),
            new Spec("/safeword", "[HOURS]", "end this scene at once for everyone; they may not invite you again for HOURS (24)",
                    Commands::safeword),
            new Spec("/transcript", "[CHOICE]", "show whether this scene's transcript may be kept; CHOICE: ask, agree, refuse, withdraw",
                    typed -> typed.isEmpty() || ClientMessage.TRANSCRIPT_CHOICES.contains(typed) ? new Command.Transcript(typed) : null),
            new Spec("/export", "FILE", "save this scene's transcript, marked as your copy, once everyone agrees", name(Command.Export::new)),
            new Spec("/mydata", "FILE", "save all the data this server keeps of your account to FILE (a zip of JSON files)",
                    name(Command.MyData::new)),
            new Spec("/who", "", "list who is here", none(new Command.Who())),
            new Spec("/me", "TEXT", "describe what you do, shown as * Name TEXT", text(Command.Pose::new)),
            new Spec("/roll", "DICE", "roll dice such as d20 or 2d6+1; in a channel the server rolls them, so everyone can trust them",
                    Commands::roll),
            new Spec("/invite", "NAME [NOTE]", "invite a persona into this scene, or into a new one (the note is not encrypted);"
                    + " topics=A,B and safeword=WORD before the note propose them", Commands::invite),
            new Spec("/boundaries", "[NAME]", "show your boundaries, or NAME's beside yours; /boundaries set TOPIC yes|maybe|no|clear"
                    + " and /boundaries notes TEXT change yours", Commands::boundaries),
            new Spec("/invitations", "", "list the invitations you received and sent", none(new Command.ListInvitations())),
            new Spec("/accept", "N", "accept invitation N", number(Command.Accept::new)),
            new Spec("/decline", "N", "decline invitation N (the sender is not told)", number(Command.Decline::new)),
            new Spec("/scenes", "", "list your scenes and their disappearing timers", none(new Command.ListScenes())),
            new Spec("/scene", "N", "go to scene N", number(Command.GoToScene::new)),
            new Spec("/timer", Disappearing.choices(), "choose how soon this scene's messages disappear",
                    typed -> Disappearing.parse(typed).map(Command.SetTimer::new).orElse(null)),
            new Spec("/call", "[yes|no]", "show this scene's video call, or answer it; a terminal consents here but shows no video",
                    typed -> List.of("", "yes", "no").contains(typed.toLowerCase(Locale.ROOT)) ? new Command.Call(typed.toLowerCase(Locale.ROOT)) : null),
            new Spec("/safety", "NAME", "show the safety number to compare with a member of this scene", name(Command.Safety::new)),
            new Spec("/block", "NAME [account]", "block a persona, or with 'account' everyone behind it; they are not told",
                    Commands::block),
            new Spec("/unblock", "NAME", "lift a block", name(Command.Unblock::new)),
            new Spec("/mute", "NAME", "hide a persona's lines and invitations from you; they are not told", name(Command.Mute::new)),
            new Spec("/unmute", "NAME", "lift a mute", name(Command.Unmute::new)),
            new Spec("/blocked", "", "list whom you blocked or muted", none(new Command.ListBlocked())),
            new Spec("/report", "N [REASON]", "report line N of those heard lately (1 is the newest) to the moderators; REASON is one of "
                    + String.join(", ", ClientMessage.REPORT_REASONS), Commands::report),
            new Spec("/reports", "", "list your reports and where they stand", none(new Command.MyReports())),
            new Spec("/queue", "", "moderators: list the open reports", none(new Command.Queue())),
            new Spec("/moderate", "N WHAT [H]", "moderators: on report N, WHAT is warn, mute H, suspend H (hours), ban, ban-persona or dismiss",
                    Commands::moderate),
            new Spec("/limits", "[WHAT VALUE]", "show your own limits and use; budget N (minutes a day), quiet HH:MM-HH:MM or breaks N"
                    + " changes one, none removes it; stricter applies now, looser in 24 hours", Commands::limits),
            new Spec("/exclude", "PERIOD", "take a break from Tryst everywhere for " + String.join(", ", ClientMessage.EXCLUSION_PERIODS)
                    + "; nobody can lift it early", Commands::exclude),
            new Spec("/board", "[invite N]", "list the partner board as you see it; /board invite N [NOTE] invites the persona of"
                    + " ad N proposing its topics, /board report N [REASON] reports it", Commands::board),
            new Spec("/ad", "[post|bump|remove]", "show your ad on the board, or /ad post [topics=A,B] [rating=general|mature|adult]"
                    + " TITLE [| TEXT] to post or edit it, bump it to the top, or remove it", Commands::ad),
            new Spec("/status", "[STATUS] [LINE]", "show your status, or choose one of online, looking, away, busy, dnd (holds"
                    + " invitations) with a LINE of your own or none; /status line TEXT changes the line, /status clear removes it",
                    Commands::status),
            new Spec("/looking", "[invite N]", "list who is looking for a partner now; /looking invite N [NOTE] invites the persona N",
                    Commands::looking),
            new Spec("/typing", "[on|off]", "show whether others see when you type (and you see them), or turn it on or off"
                    + " for the whole account", Commands::typing),
            new Spec("/quit", "", "leave Tryst", none(new Command.Quit())));

    private Commands() {}

    private static Command safeword(String hours) {
        if (hours.isEmpty()) return new Command.Safeword(24);
        try {
            int value = Integer.parseInt(hours);
            return value >= 0 && value <= 720 ? new Command.Safeword(value) : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Command roll(String typed) {
        if (typed.isEmpty()) return null;
        try {
            return new Command.Roll(Dice.parse(typed).written());
        } catch (ProtocolException notDice) {
            return new Command.Invalid("Usage: /roll DICE; " + notDice.getMessage() + ".");
        }
    }

    private static Command report(String typed) {
        String[] words = typed.split("\\s+");
        if (words.length > 2 || !words[0].matches("[1-9][0-9]?")) return null;
        String reason = words.length == 2 ? words[1].toLowerCase(Locale.ROOT) : "other";
        return ClientMessage.REPORT_REASONS.contains(reason) ? new Command.Report(Integer.parseInt(words[0]), reason) : null;
    }

    private static final List<String> DECISIONS = List.of("warn", "mute", "suspend", "ban", "ban-persona", "dismiss");

    private static Command moderate(String typed) {
        String[] words = typed.toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length < 2 || words.length > 3 || !words[0].matches("[1-9][0-9]{0,3}") || !DECISIONS.contains(words[1])) return null;
        boolean timed = words[1].equals("mute") || words[1].equals("suspend");
        if (timed != (words.length == 3) || (timed && !words[2].matches("[1-9][0-9]{0,3}"))) return null;
        return new Command.Moderate(Integer.parseInt(words[0]), words[1], timed ? Integer.valueOf(words[2]) : null);
    }

    /** A time of day as quiet hours take it. */
    private static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d";

    /** Nothing (show), or {@code budget}, {@code quiet} or {@code breaks} with a value or {@code none}; out of range is the server's to refuse. */
    private static Command limits(String typed) {
        if (typed.isEmpty()) return new Command.ShowLimits();
        String[] words = typed.toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length != 2) return null;
        boolean none = words[1].equals("none");
        return switch (words[0]) {
            case "budget" -> none ? new Command.SetBudget(null) : minutes(words[1]).map(Command.SetBudget::new).orElse(null);
            case "breaks" -> none ? new Command.SetBreaks(null) : minutes(words[1]).map(Command.SetBreaks::new).orElse(null);
            case "quiet" -> {
                if (none) yield new Command.SetQuiet(null, null);
                String[] times = words[1].split("-");
                boolean fits = times.length == 2 && times[0].matches(TIME) && times[1].matches(TIME);
                yield fits ? new Command.SetQuiet(times[0], times[1]) : null;
            }
            default -> null;
        };
    }

    private static Optional<Integer> minutes(String typed) {
        return typed.matches("[1-9][0-9]{0,3}") ? Optional.of(Integer.parseInt(typed)) : Optional.empty();
    }

    /** A period, then {@code yes} to confirm it. */
    private static Command exclude(String typed) {
        String[] words = typed.toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length > 2 || !ClientMessage.EXCLUSION_PERIODS.contains(words[0]) || (words.length == 2 && !words[1].equals("yes"))) return null;
        return new Command.Exclude(words[0], words.length == 2);
    }

    /** What a line means: a command when it starts with {@code /}, otherwise text to say where you are. */
    public static Command parse(String line) {
        String typed = line.strip();
        if (typed.isEmpty()) return new Command.Invalid("Type a message, or /help for the commands.");
        if (!typed.startsWith("/")) return new Command.Say(typed);
        int space = typed.indexOf(' ');
        String name = (space < 0 ? typed : typed.substring(0, space)).toLowerCase(Locale.ROOT);
        String arguments = space < 0 ? "" : typed.substring(space + 1).strip();
        return find(name).map(spec -> spec.parse(arguments))
                .orElseGet(() -> new Command.Invalid("There is no command " + name + "; /help lists them."));
    }

    /** The command names, for completion. */
    public static List<String> names() {
        return SPECS.stream().map(Spec::name).toList();
    }

    /** Every command with a line of description, aligned, then how to quote names. */
    public static List<String> help() {
        int width = SPECS.stream().mapToInt(spec -> spec.usage().length()).max().orElse(0);
        var lines = new java.util.ArrayList<>(SPECS.stream()
                .map(spec -> "  " + spec.usage() + " ".repeat(width - spec.usage().length() + 2) + spec.description()).toList());
        lines.add("Anything else you type is said where you are. Put a name with spaces in quotes: /invite \"Mary Ann\" tea?");
        return lines;
    }

    /**
     * Whether a line may go into the history file. Only commands go there: what people say, pose or
     * write in a note stays out, or a file would keep the words that scenes encrypt and let disappear.
     */
    public static boolean worthRemembering(String line) {
        return switch (parse(line)) {
            case Command.Say _, Command.Pose _, Command.Roll _, Command.Invalid _ -> false;
            case Command.Invite invite -> invite.note() == null;
            case Command.LookingInvite invite -> invite.note() == null;
            case Command.SetBoundaryNotes _ -> false;
            default -> true;
        };
    }

    private static Optional<Spec> find(String name) {
        return SPECS.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    private static Function<String, Command> none(Command command) {
        return typed -> typed.isEmpty() ? command : null;
    }

    private static Function<String, Command> text(Function<String, Command> command) {
        return typed -> typed.isEmpty() ? null : command.apply(typed);
    }

    private static Function<String, Command> name(Function<String, Command> command) {
        return typed -> {
            String name = unquote(typed);
            return name.isEmpty() ? null : command.apply(name);
        };
    }

    private static Function<String, Command> number(IntFunction<Command> command) {
        return typed -> typed.matches("[1-9][0-9]{0,5}") ? command.apply(Integer.parseInt(typed)) : null;
    }

    private static Command newPersona(String typed) {
        String[] words = typed.split("\\s+", 2);
        return words.length == 2 && words[0].equalsIgnoreCase("new") ? name(Command.NewPersona::new).apply(words[1]) : null;
    }

    private static Command join(String typed) {
        String channel = typed.startsWith("#") ? typed.substring(1) : typed;
        return channel.isEmpty() || channel.contains(" ") ? null : new Command.Join(channel.toLowerCase(Locale.ROOT));
    }

    /** A name, in quotes when it has spaces, then optionally the word {@code account}. */
    private static Command block(String typed) {
        boolean account = typed.toLowerCase(Locale.ROOT).endsWith(" account");
        String name = unquote(account ? typed.substring(0, typed.length() - " account".length()).strip() : typed);
        return name.isEmpty() ? null : new Command.Block(name, account ? BlockScope.ACCOUNT : BlockScope.PERSONA);
    }

    /** A name first, in quotes when it has spaces, then {@code topics=} and {@code safeword=} in any order, then the note, if any. */
    private static Command invite(String typed) {
        boolean quoted = typed.startsWith("\"");
        int end = quoted ? typed.indexOf('"', 1) : typed.indexOf(' ');
        if (quoted && end < 0) return null;
        String name = quoted ? typed.substring(1, end).strip() : end < 0 ? typed : typed.substring(0, end);
        String rest = end < 0 ? "" : typed.substring(end + 1).strip();
        List<String> topics = List.of();
        String safeword = null;
        while (rest.startsWith("topics=") || rest.startsWith("safeword=")) {
            int space = rest.indexOf(' ');
            String option = space < 0 ? rest : rest.substring(0, space);
            rest = space < 0 ? "" : rest.substring(space + 1).strip();
            String value = option.substring(option.indexOf('=') + 1);
            if (value.isEmpty()) return null;
            if (option.startsWith("topics=")) topics = List.of(value.toLowerCase(Locale.ROOT).split(","));
            else safeword = value;
        }
        return name.isEmpty() ? null : new Command.Invite(name, rest.isEmpty() ? null : rest, topics, safeword);
    }

    /** Nothing (the list), {@code invite N [NOTE]} or {@code report N [REASON]}. */
    private static Command board(String typed) {
        if (typed.isEmpty()) return new Command.ListBoard();
        String[] words = typed.split("\\s+", 3);
        if (words.length < 2 || !words[1].matches("[1-9][0-9]{0,2}")) return null;
        int number = Integer.parseInt(words[1]);
        String rest = words.length == 3 ? words[2].strip() : "";
        return switch (words[0].toLowerCase(Locale.ROOT)) {
            case "invite" -> new Command.BoardInvite(number, rest.isEmpty() ? null : rest);
            case "report" -> {
                String reason = rest.isEmpty() ? "other" : rest.toLowerCase(Locale.ROOT);
                yield ClientMessage.REPORT_REASONS.contains(reason) ? new Command.BoardReport(number, reason) : null;
            }
            default -> null;
        };
    }

    /** The statuses a persona may choose, as typed. */
    private static final java.util.Map<String, Presence> CHOSEN = java.util.Map.of("online", Presence.ONLINE, "looking", Presence.LOOKING,
            "away", Presence.AWAY, "busy", Presence.BUSY, "dnd", Presence.DND);

    /** Nothing (show), a status and perhaps a line, {@code line TEXT}, or {@code clear}. */
    private static Command status(String typed) {
        if (typed.isEmpty()) return new Command.ShowStatus();
        String[] words = typed.split("\\s+", 2);
        String first = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length == 2 ? words[1].strip() : "";
        if (first.equals("clear") && rest.isEmpty()) return new Command.SetStatus(null, "");
        if (first.equals("line")) return rest.isEmpty() ? null : statusLine(null, rest);
        Presence status = CHOSEN.get(first);
        if (status == null) return new Command.Invalid("There is no status " + words[0] + "; choose online, looking, away, busy or dnd.");
        return statusLine(status, rest);
    }

    private static Command statusLine(Presence status, String line) {
        if (line.codePointCount(0, line.length()) > ClientMessage.MAX_STATUS_LINE) {
            return new Command.Invalid("A status line is at most " + ClientMessage.MAX_STATUS_LINE + " characters.");
        }
        return new Command.SetStatus(status, line);
    }

    /** Nothing (the list), or {@code invite N [NOTE]}. */
    private static Command looking(String typed) {
        if (typed.isEmpty()) return new Command.ListLooking();
        String[] words = typed.split("\\s+", 3);
        if (words.length < 2 || !words[0].equalsIgnoreCase("invite") || !words[1].matches("[1-9][0-9]{0,2}")) return null;
        String note = words.length == 3 ? words[2].strip() : "";
        return new Command.LookingInvite(Integer.parseInt(words[1]), note.isEmpty() ? null : note);
    }

    private static Command typing(String typed) {
        return switch (typed.toLowerCase(Locale.ROOT)) {
            case "" -> new Command.ShareTyping(null);
            case "on" -> new Command.ShareTyping(true);
            case "off" -> new Command.ShareTyping(false);
            default -> null;
        };
    }

    /** Nothing (yours), {@code bump}, {@code remove}, or {@code post} with options, a title and, after {@code |}, the text. */
    private static Command ad(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        if (typed.isEmpty()) return new Command.ShowAd();
        if (lower.equals("bump")) return new Command.BumpAd();
        if (lower.equals("remove")) return new Command.RemoveAd();
        if (!lower.startsWith("post ")) return null;
        String rest = typed.substring("post ".length()).strip();
        List<String> topics = List.of();
        String rating = "general";
        while (rest.startsWith("topics=") || rest.startsWith("rating=")) {
            int space = rest.indexOf(' ');
            String option = space < 0 ? rest : rest.substring(0, space);
            rest = space < 0 ? "" : rest.substring(space + 1).strip();
            String value = option.substring(option.indexOf('=') + 1).toLowerCase(Locale.ROOT);
            if (value.isEmpty()) return null;
            if (option.startsWith("topics=")) topics = List.of(value.split(","));
            else if (ClientMessage.RATINGS.contains(value)) rating = value;
            else return null;
        }
        int bar = rest.indexOf('|');
        String title = (bar < 0 ? rest : rest.substring(0, bar)).strip();
        String text = bar < 0 ? "" : rest.substring(bar + 1).strip();
        return title.isEmpty() ? null : new Command.PostAd(title, text, topics, rating);
    }

    /** Nothing (yours), {@code set TOPIC ANSWER}, {@code notes TEXT}, or a name to compare with. */
    private static Command boundaries(String typed) {
        String[] words = typed.split("\\s+", 3);
        if (typed.isEmpty()) return new Command.ShowBoundaries(null);
        if (words[0].equalsIgnoreCase("notes")) return new Command.SetBoundaryNotes(typed.substring(words[0].length()).strip());
        if (!words[0].equalsIgnoreCase("set")) return name(Command.ShowBoundaries::new).apply(typed);
        if (words.length != 3) return null;
        String answer = words[2].toLowerCase(Locale.ROOT);
        return switch (answer) {
            case "yes", "maybe", "no" -> new Command.SetBoundary(words[1].toLowerCase(Locale.ROOT), Answer.valueOf(answer.toUpperCase(Locale.ROOT)));
            case "clear" -> new Command.SetBoundary(words[1].toLowerCase(Locale.ROOT), null);
            default -> null;
        };
    }

    private static String unquote(String typed) {
        boolean quoted = typed.length() >= 2 && typed.startsWith("\"") && typed.endsWith("\"");
        return (quoted ? typed.substring(1, typed.length() - 1) : typed).strip();
    }
}
