package org.tryst.client.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tryst.protocol.Answer;
import org.tryst.protocol.BoundaryMatch;
import org.tryst.protocol.Views;

/** How boundaries, invitations' proposals and scene agreements read on the screen: pure functions to lines. */
final class ConsentFormat {
    private ConsentFormat() {}

    /** A persona's own list: one line per catalogue group, each topic by id with its answer ({@code -}: none), then the notes. */
    static List<String> own(Views.Boundaries boundaries, List<Views.Topic> catalogue) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Views.Topic topic : catalogue) {
            Answer answer = boundaries.answers().get(topic.id());
            groups.computeIfAbsent(topic.group(), g -> new ArrayList<>()).add(topic.id() + ":" + word(answer));
        }
        List<String> lines = new ArrayList<>();
        lines.add(boundaries.persona().name() + "'s boundaries (/boundaries set TOPIC yes|maybe|no|clear changes one):");
        groups.forEach((group, topics) -> lines.add("  " + group + ": " + String.join("  ", topics)));
        lines.add(notes("Notes", boundaries.notes()));
        return lines;
    }

    /** Two personas' answers side by side, the mismatches marked, then both notes. */
    static List<String> sideBySide(Views.Boundaries mine, Views.Boundaries theirs, List<Views.Topic> catalogue) {
        List<Views.TopicMatch> rows = BoundaryMatch.compare(catalogue.stream().map(Views.Topic::id).toList(), mine.answers(),
                theirs.answers(), List.of());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "  %-26s %-6s %s", "", "you", theirs.persona().name()));
        rows.forEach(row -> lines.add(String.format(Locale.ROOT, "  %-26s %-6s %-6s%s", label(row.topic(), catalogue),
                word(row.from()), word(row.to()), row.flags().isEmpty() ? "" : "  !! one says no, the other yes")));
        if (rows.isEmpty()) lines.add("  Neither of you has answered any topic yet.");
        lines.add(notes("Your notes", mine.notes()));
        lines.add(notes(theirs.persona().name() + "'s notes", theirs.notes()));
        return lines;
    }

    /** What an invitation proposes, seen by its invitee: the topics, each flagged if the invitee is unsure or against, then other mismatches. */
    static List<String> proposal(Views.Invitation invitation, List<Views.Topic> catalogue) {
        List<String> proposed = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (Views.TopicMatch row : invitation.matches()) {
            String label = label(row.topic(), catalogue);
            if (row.proposed()) {
                if (row.flags().contains(BoundaryMatch.PROPOSED_NO)) label += " (!! you said no)";
                else if (row.flags().contains(BoundaryMatch.PROPOSED_MAYBE)) label += " (? you said maybe)";
                proposed.add(label);
            } else if (row.flags().contains(BoundaryMatch.MISMATCH)) {
                mismatches.add(label + " (" + invitation.from().name() + " " + word(row.from()) + ", you " + word(row.to()) + ")");
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("    Proposes " + (proposed.isEmpty() ? "no topics" : String.join(", ", proposed)) + "; safeword \u201c"
                + invitation.safeword() + "\u201d.");
        if (!mismatches.isEmpty()) lines.add("    !! You differ on " + String.join(", ", mismatches) + ".");
        if (!invitation.fromNotes().isBlank()) lines.add("    " + invitation.from().name() + "'s notes: " + invitation.fromNotes());
        return lines;
    }

    /**
     * How a board ad's topics meet the viewer's boundaries, in one line: each topic it asks for with the
     * viewer's answer, maybes marked, then where the two disagree outright.
     */
    static String adFit(Views.Ad ad, List<Views.Topic> catalogue) {
        List<String> asked = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (Views.TopicMatch row : ad.matches()) {
            String label = label(row.topic(), catalogue);
            if (row.proposed()) {
                asked.add(row.flags().contains(BoundaryMatch.PROPOSED_MAYBE) ? label + " (? you said maybe)"
                        : label + " (you " + (row.to() == null ? "have not answered" : "said " + word(row.to())) + ")");
            } else if (row.flags().contains(BoundaryMatch.MISMATCH)) {
                mismatches.add(label);
            }
        }
        String line = "    Asks for " + (asked.isEmpty() ? "no topics" : String.join(", ", asked)) + ".";
        return mismatches.isEmpty() ? line : line + " !! You differ on " + String.join(", ", mismatches) + ".";
    }

    /** A scene's agreement in one line; null before anyone agreed. */
    static String agreement(Views.Agreement agreement, List<Views.Topic> catalogue) {
        if (agreement == null) return null;
        String topics = agreement.topics().isEmpty() ? "no topics" : String.join(", ", agreement.topics().stream().map(t -> label(t, catalogue)).toList());
        String who = String.join(", ", agreement.agreedBy().stream().map(agreed -> agreed.persona().name()).toList());
        return "Agreed by " + who + ": " + topics + ". The safeword is \u201c" + agreement.safeword()
                + "\u201d: type it alone on a line (or /safeword) to end the scene for everyone.";
    }

    private static String label(String topicId, List<Views.Topic> catalogue) {
        return catalogue.stream().filter(topic -> topic.id().equals(topicId)).findFirst().map(Views.Topic::label).orElse(topicId);
    }

    private static String word(Answer answer) {
        return answer == null ? "-" : answer.name().toLowerCase(Locale.ROOT);
    }

    private static String notes(String whose, String notes) {
        return "  " + whose + ": " + (notes == null || notes.isBlank() ? "(none)" : notes);
    }
}
