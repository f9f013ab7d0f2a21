package org.tryst.client.chat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tryst.client.SceneEvent;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/** How things look on the screen: pure functions from what the server says to lines of text. */
public final class Format {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", java.util.Locale.ENGLISH);
    private static final int GROUPS_PER_LINE = 4;
    /** After a safeword cleared the screen: the lines heard in the scene can still be reported. */
    static final String REPORT_AFTER_SAFEWORD = "You can still report a line from it: /report N (1 is the newest line you heard).";

    private Format() {}

    /** A line said, {@code 14:05 Rowan: hello}, posed, {@code 14:05 * Rowan waves}, or the server's roll, {@code 14:05 🎲 Rowan rolls d20: 17}. */
    public static String message(long at, String name, MessageKind kind, String text, ZoneId zone) {
        String time = CLOCK.format(Instant.ofEpochMilli(at).atZone(zone));
        return switch (kind) {
            case SAY -> time + " " + name + ": " + text;
            case POSE -> time + " * " + name + " " + text;
            case ROLL -> time + " \uD83C\uDFB2 " + name + " rolls " + text;
        };
    }

    public static String message(Views.Message message, ZoneId zone) {
        return message(message.at(), message.persona().name(), message.kind(), message.text(), zone);
    }

    public static String message(SceneEvent.Said said, ZoneId zone) {
        MessageKind kind = "pose".equals(said.kind()) ? MessageKind.POSE : MessageKind.SAY;
        return message(said.at(), said.from().name(), kind, said.text(), zone);
    }

    /** A report as its reporter sees it: the reason, the server's check, and where it stands. */
    public static String report(Views.Report report) {
        String check = report.verification().equals("verified") ? "verified by the server" : "not verified (" + report.why() + ")";
        return "Report " + report.id() + " (" + report.reason() + "): " + check + "; " + report.status()
                + ". The moderators see it; the reported persona is not told who reported.";
    }

    /** One report of the moderators' queue, numbered for {@code /moderate N}. */
    public static String queued(int number, Views.Report report) {
        String where = report.channel() == null ? "in a private scene" : "in " + channel(report.channel());
        String who = report.reported() == null ? "someone unknown" : report.reported().name();
        return number + ". [" + report.verification() + "] " + who + " " + where + ": \u201c" + report.text() + "\u201d ("
                + report.reason() + (report.note().isEmpty() ? "" : ": " + report.note()) + ")";
    }

    /** A line that comes from somewhere other than where the person is, marked with where. */
    public static String from(String where, String line) {
        return "[" + where + "] " + line;
    }

    /** The prompt: who speaks, and where. */
    public static String prompt(String persona, String where) {
        return prompt(persona, null, where);
    }

    /** The prompt: who speaks, its status when it chose one other than online ({@code Rowan [dnd] in #lobby> }), and where. */
    public static String prompt(String persona, Presence status, String where) {
        if (persona == null) return "tryst> ";
        String who = status == null || status == Presence.ONLINE ? persona : persona + " [" + word(status) + "]";
        return where.isEmpty() ? who + "> " : who + " in " + where + "> ";
    }

    /** A status in one word, as lists and the prompt show it: {@code online}, {@code looking}, {@code dnd}. */
    public static String word(Presence status) {
        return switch (status) {
            case ONLINE -> "online";
            case LOOKING -> "looking";
            case AWAY -> "away";
            case BUSY -> "busy";
            case DND -> "dnd";
            case OFFLINE -> "offline";
        };
    }

    /** A status as a sentence says it after "is": {@code looking}, {@code on do not disturb}. */
    public static String saying(Presence status) {
        return status == Presence.DND ? "on do not disturb" : word(status);
    }

    /** A persona's status and line as a sentence: {@code Sage is looking: Up for a mystery.} */
    public static String status(String name, Presence status, String line) {
        return name + " is " + saying(status) + (line == null || line.isEmpty() ? "." : ": " + line);
    }

    /** What another persona's new status says, quietly: {@code Sage is now looking: Up for a mystery}. */
    public static String statusChange(String name, Presence status, String line) {
        return name + " is now " + saying(status) + (line == null || line.isEmpty() ? "" : ": " + line);
    }

    /** One persona of {@code /looking}: its number, name, line and since when it has looked. */
    public static String looking(int number, Views.Looking looking, java.time.Clock clock) {
        String line = looking.statusLine() == null || looking.statusLine().isEmpty() ? "" : ": " + looking.statusLine();
        return "  " + number + ". " + looking.persona().name() + line + "  (" + since(looking.since(), clock) + ")";
    }

    /** Since when, shortly: {@code since 14:05} today, else the day and time. */
    public static String since(long at, java.time.Clock clock) {
        var then = Instant.ofEpochMilli(at).atZone(clock.getZone());
        boolean today = then.toLocalDate().equals(clock.instant().atZone(clock.getZone()).toLocalDate());
        return "since " + (today ? CLOCK.format(then) : when(at, clock.getZone()));
    }

    public static String channel(String name) {
        return "#" + name;
    }

    /** A channel the persona is in, with how many lines wait there unread (the server counts up to a cap). */
    public static String channel(Views.Joined joined) {
        int unread = joined.unread();
        if (unread == 0) return channel(joined.channel());
        return channel(joined.channel()) + " (" + (unread >= Views.Joined.MOST_UNREAD ? unread + "+" : unread) + " new)";
    }

    /** A scene, named after the members who are not this account's personas. */
    public static String sceneName(Views.Scene scene, Set<String> mine) {
        List<String> others = scene.members().stream().filter(member -> !mine.contains(member.id())).map(Views.Author::name).toList();
        return others.isEmpty() ? "scene with nobody yet" : "scene with " + together(others);
    }

    /** One scene of {@code /scenes}: its number, who is in it, its timer and the choices that wait for agreement. */
    public static String scene(int number, Views.Scene scene, Set<String> mine, boolean here) {
        StringBuilder line = new StringBuilder("  " + number + ". " + sceneName(scene, mine) + where(scene.setting()) + ": "
                + timer(scene.timerSeconds()));
        scene.timerChoices().forEach(choice -> line.append("; ").append(choice(scene, choice, mine)));
        return here ? line.append("  (you are here)").toString() : line.toString();
    }

    /** What a disappearing timer means for messages. */
    public static String timer(long seconds) {
        return seconds == 0 ? "messages do not disappear" : "messages disappear after " + Disappearing.label(seconds);
    }

    /** How a scene changed, as lines; the members and timer before may be unknown (null). */
    public static List<String> changes(Views.Scene before, Views.Scene after, String reason, Set<String> mine) {
        if (reason.equals("transcript")) return TranscriptLines.changes(before, after, mine);
        List<String> lines = new ArrayList<>();
        if (reason.equals("timer")) {
            if (before == null || before.timerSeconds() != after.timerSeconds()) {
                lines.add("From now on " + timer(after.timerSeconds()) + ".");
            }
            after.timerChoices().stream().filter(choice -> before == null || !before.timerChoices().contains(choice))
                    .forEach(choice -> lines.add(capitalised(choice(after, choice, mine)) + "; it applies once everyone chooses it."));
            return lines;
        }
        if (before == null) return lines; // a scene first heard of: nobody joined it as far as this person knows
        List<Views.Author> was = before.members();
        after.members().stream().filter(member -> !was.contains(member) && !mine.contains(member.id()))
                .forEach(member -> lines.add(member.name() + " joined the scene."));
        was.stream().filter(member -> !after.members().contains(member) && !mine.contains(member.id()))
                .forEach(member -> lines.add(member.name() + " left the scene."));
        lines.addAll(TranscriptLines.cleared(before, after));
        return lines;
    }

    /** A received invitation, numbered for {@code /accept} and {@code /decline}. */
    public static String received(int number, Views.Invitation invitation) {
        String accepted = invitation.status().equals("accepted") ? " (accepted; waiting to be added)" : "";
        return "  " + number + ". " + invitation.from().name() + " invites " + invitation.to().name() + where(invitation.setting())
                + note(invitation) + accepted;
    }

    /** An invitation someone just sent, with what to answer. */
    public static String invited(int number, Views.Invitation invitation) {
        return invitation.from().name() + " invites " + invitation.to().name() + " into a private scene" + where(invitation.setting())
                + note(invitation)
                + " \u2014 /accept " + number + " or /decline " + number;
    }

    /** An invitation to this account that left its list elsewhere, and why. */
    public static String gone(Views.Invitation invitation, ServerMessage.InvitationGone.Why why) {
        String whose = invitation.from().name() + "'s invitation";
        return switch (why) {
            case ACCEPTED -> "You accepted " + whose + " on another device.";
            case DECLINED -> "You declined " + whose + " on another device.";
            case WITHDRAWN -> whose + " no longer stands.";
            case EXPIRED -> whose + " expired.";
        } + " /invitations lists the rest.";
    }

    /** An invitation this account sent; a declined one stays pending, so that nobody learns of a no. */
    public static String sent(Views.Invitation invitation) {
        return "  " + invitation.from().name() + " invited " + invitation.to().name() + note(invitation) + " (" + invitation.status() + ")";
    }

    public static String channel(Views.Channel channel) {
        String members = channel.members() == 1 ? "1 member" : channel.members() + " members";
        String topic = channel.topic() == null || channel.topic().isBlank() ? "" : "  " + channel.topic();
        return "  " + channel(channel.name()) + "  (" + members + ")" + topic;
    }

    /** A channel member of {@code /who}: {@code   Sage (looking, owner): Up for a mystery}. */
    public static String member(Views.Member member) {
        String status = word(member.status());
        String line = member.statusLine() == null || member.statusLine().isEmpty() ? "" : ": " + member.statusLine();
        return "  " + member.name() + " (" + (member.owner() ? status + ", owner" : status) + ")" + line;
    }

    public static String persona(Views.Persona persona, boolean current) {
        return "  " + persona.name() + (current ? "  (you speak as this one)" : "");
    }

    /** An entry of the block list: {@code   Sage  blocked (everyone behind it) on 2026-01-02}. */
    public static String block(Views.Block block, ZoneId zone) {
        String what = block.kind().equals("mute") ? "muted"
                : block.scope() == org.tryst.protocol.BlockScope.ACCOUNT ? "blocked (everyone behind it)" : "blocked";
        return "  " + block.persona().name() + "  " + what + " on " + Instant.ofEpochMilli(block.at()).atZone(zone).toLocalDate();
    }

    /** A safety number in rows of four groups, with what to do with it. */
    public static List<String> safety(String partner, String number) {
        String[] groups = number.split(" ");
        List<String> lines = new ArrayList<>();
        lines.add("Safety number of you and " + partner + ":");
        for (int i = 0; i < groups.length; i += GROUPS_PER_LINE) {
            lines.add("    " + String.join(" ", List.of(groups).subList(i, Math.min(groups.length, i + GROUPS_PER_LINE))));
        }
        lines.add("Compare it with " + partner + " by voice or face to face, not in this chat: " + partner + " runs /safety too.");
        lines.add("The same sixty digits on both sides mean nobody sits between you. If they differ, someone may: leave the scene.");
        return lines;
    }

    /**
     * A moderator's word to this account, marked so that it stands out among the lines of
     * conversation: a warning with when it was given, a mute, a suspension with until when, a ban.
     */
    public static String notice(ServerMessage.Notice notice, ZoneId zone) {
        String reason = notice.text() == null || notice.text().isBlank() ? "." : ": " + notice.text().strip();
        return "!! " + switch (notice.kind()) {
            case "warning" -> "A moderator warned this account (" + when(notice.at(), zone) + ")" + reason;
            case "muted" -> notice.text() + (notice.until() == null ? "" : " Until " + when(notice.until(), zone) + ".");
            case "suspended" -> "A moderator suspended this account until " + when(notice.until(), zone) + reason;
            case "banned" -> "A moderator banned this account from this server" + reason;
            default -> notice.text();
        };
    }

    /** A day and time in the person's zone: {@code Thu 3 Dec 2026, 14:05}. */
    public static String when(long at, ZoneId zone) {
        return DAY_AND_TIME.format(Instant.ofEpochMilli(at).atZone(zone));
    }

    /** A warning for a scene message that was not shown. */
    public static String dropped(String why) {
        return "! A message could not be trusted and is not shown (" + why + ").";
    }

    private static String choice(Views.Scene scene, Views.TimerChoice choice, Set<String> mine) {
        String who = mine.contains(choice.persona()) ? "you ask" : scene.members().stream()
                .filter(member -> member.id().equals(choice.persona())).findFirst().map(member -> member.name() + " asks").orElse("someone asks");
        return who + " for " + Disappearing.label(choice.seconds());
    }

    /** Where a scene is set, after its name: nothing for a scene made from no room. */
    private static String where(Views.Setting setting) {
        return setting == null ? "" : " (set in " + setting.name() + ")";
    }

    /** A scene's setting as the scene opens: the room's name and its description. */
    public static String setting(Views.Setting setting) {
        return setting.description().isBlank() ? "Set in " + setting.name() + "." : "Set in " + setting.name() + ": " + setting.description();
    }

    private static String note(Views.Invitation invitation) {
        return invitation.note() == null || invitation.note().isBlank() ? "" : ": \u201c" + invitation.note() + "\u201d";
    }

    private static String together(List<String> names) {
        if (names.size() == 1) return names.getFirst();
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
