package org.tryst.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tryst.protocol.Views;

class TranscriptLinesTest {
    private static final Views.Author ROWAN = new Views.Author("p-rowan", "Rowan");
    private static final Views.Author SAGE = new Views.Author("p-sage", "Sage");
    private static final Views.Author ASH = new Views.Author("p-ash", "Ash");
    private static final Set<String> MINE = Set.of(ROWAN.id());

    @Test
    void theRequestTheAnswersAndTheOpeningAreAnnounced() {
        Views.Scene none = scene(null, ROWAN, SAGE);
        Views.Scene asked = scene(new Views.Transcript(SAGE, 5, List.of(SAGE.id()), List.of(), false), ROWAN, SAGE);
        Views.Scene agreed = scene(new Views.Transcript(SAGE, 5, List.of(ROWAN.id(), SAGE.id()), List.of(), true), ROWAN, SAGE);
        Views.Scene withdrawn = scene(new Views.Transcript(SAGE, 5, List.of(ROWAN.id()), List.of(), false), ROWAN, SAGE);
        assertThat(Format.changes(none, asked, "transcript", MINE)).containsExactly(
                "Sage asks to keep a transcript of this scene, a copy for each of you that is marked as whose it is. /transcript agree or /transcript refuse.");
        assertThat(Format.changes(asked, agreed, "transcript", MINE))
                .containsExactly("Everyone agrees: /export FILE saves your copy of the transcript, marked as yours.");
        assertThat(Format.changes(agreed, withdrawn, "transcript", MINE)).containsExactly("Sage withdrew their agreement.",
                "Not everyone agrees any more: nobody can save a copy of the transcript now.");
        assertThat(Format.changes(withdrawn, none, "transcript", MINE)).containsExactly("The request to keep a transcript is withdrawn: nobody keeps one.");
    }

    @Test
    void aNewMemberClearsTheAnswers() {
        Views.Scene agreed = scene(new Views.Transcript(ROWAN, 5, List.of(ROWAN.id(), SAGE.id()), List.of(), true), ROWAN, SAGE);
        Views.Scene joined = scene(new Views.Transcript(ROWAN, 5, List.of(), List.of(), false), ROWAN, SAGE, ASH);
        assertThat(Format.changes(agreed, joined, "members", MINE)).containsExactly("Ash joined the scene.",
                "The members changed, so everyone answers again whether the transcript may be kept: /transcript shows it.");
    }

    @Test
    void theStatusSaysWhoAnsweredWhat() {
        Views.Scene scene = scene(new Views.Transcript(SAGE, 5, List.of(SAGE.id()), List.of(ASH.id()), false), ROWAN, SAGE, ASH);
        assertThat(TranscriptLines.status(scene, MINE)).containsExactly("Sage asked to keep a transcript of this scene.",
                "  agree: Sage", "  refuse: Ash", "  not answered yet: you",
                "Nobody can save a copy until everyone agrees. /transcript agree, refuse or withdraw answers.");
    }

    private static Views.Scene scene(Views.Transcript transcript, Views.Author... members) {
        return new Views.Scene("s1", List.of(members), 1, 300, List.of(), "key", 0, null, transcript);
    }
}
