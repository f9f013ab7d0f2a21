package org.tryst.client.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tryst.protocol.Views;

/** How the consent to keeping a scene's transcript looks on the screen: pure functions, like {@link Format}. */
final class TranscriptLines {
    private TranscriptLines() {}

    /** Where the request stands, for {@code /transcript}. */
    static List<String> status(Views.Scene scene, Set<String> mine) {
        Views.Transcript transcript = scene.transcript();
        if (transcript == null) {
            return List.of("Nobody keeps a transcript of this scene: what is said here lives only on screens, until it disappears.",
                    "/transcript ask asks everyone here whether each of you may save a copy.");
        }
        List<String> lines = new ArrayList<>();
        lines.add(who(transcript.requestedBy().id(), mine, "You", transcript.requestedBy().name())
                + " asked to keep a transcript of this scene.");
        List<String> waiting = scene.members().stream().map(Views.Author::id)
                .filter(id -> !transcript.agreed().contains(id) && !transcript.refused().contains(id)).toList();
        if (!transcript.agreed().isEmpty()) lines.add("  agree: " + names(transcript.agreed(), scene, mine));
        if (!transcript.refused().isEmpty()) lines.add("  refuse: " + names(transcript.refused(), scene, mine));
        if (!waiting.isEmpty()) lines.add("  not answered yet: " + names(waiting, scene, mine));
        lines.add(transcript.allowed() ? "Everyone agrees: /export FILE saves your copy, marked as yours."
                : "Nobody can save a copy until everyone agrees. /transcript agree, refuse or withdraw answers.");
        return lines;
    }

    /** What changed in the request, as lines. */
    static List<String> changes(Views.Scene before, Views.Scene after, Set<String> mine) {
        Views.Transcript was = before == null ? null : before.transcript();
        Views.Transcript now = after.transcript();
        List<String> lines = new ArrayList<>();
        if (now == null) {
            if (was != null) lines.add("The request to keep a transcript is withdrawn: nobody keeps one.");
            return lines;
        }
        boolean newRequest = was == null || was.requestedAt() != now.requestedAt();
        if (newRequest) {
            if (!mine.contains(now.requestedBy().id())) {
                lines.add(now.requestedBy().name() + " asks to keep a transcript of this scene, a copy for each of you that is marked as whose it is."
                        + " /transcript agree or /transcript refuse.");
            }
            was = null;
        }
        List<String> agreedBefore = newRequest ? List.of(now.requestedBy().id()) : was.agreed();
        List<String> refusedBefore = newRequest ? List.of() : was.refused();
        for (String id : now.agreed()) {
            if (!agreedBefore.contains(id) && !mine.contains(id)) lines.add(name(id, after) + " agrees to keeping a transcript.");
        }
        for (String id : now.refused()) {
            if (!refusedBefore.contains(id) && !mine.contains(id)) lines.add(name(id, after) + " refuses to keep a transcript.");
        }
        for (String id : agreedBefore) {
            if (!now.agreed().contains(id) && !now.refused().contains(id) && !mine.contains(id)) lines.add(name(id, after) + " withdrew their agreement.");
        }
        boolean allowedBefore = was != null && was.allowed();
        if (now.allowed() && !allowedBefore) lines.add("Everyone agrees: /export FILE saves your copy of the transcript, marked as yours.");
        if (!now.allowed() && allowedBefore) lines.add("Not everyone agrees any more: nobody can save a copy of the transcript now.");
        return lines;
    }

    /** A line when a change of members cleared every answer about the transcript. */
    static List<String> cleared(Views.Scene before, Views.Scene after) {
        boolean answered = before.transcript() != null && !(before.transcript().agreed().isEmpty() && before.transcript().refused().isEmpty());
        boolean clear = after.transcript() != null && after.transcript().agreed().isEmpty() && after.transcript().refused().isEmpty();
        return answered && clear
                ? List.of("The members changed, so everyone answers again whether the transcript may be kept: /transcript shows it.")
                : List.of();
    }

    private static String names(List<String> ids, Views.Scene scene, Set<String> mine) {
        return String.join(", ", ids.stream().map(id -> who(id, mine, "you", name(id, scene))).toList());
    }

    private static String who(String id, Set<String> mine, String you, String name) {
        return mine.contains(id) ? you : name;
    }

    private static String name(String id, Views.Scene scene) {
        return scene.members().stream().filter(member -> member.id().equals(id)).findFirst().map(Views.Author::name).orElse("someone");
    }
}
