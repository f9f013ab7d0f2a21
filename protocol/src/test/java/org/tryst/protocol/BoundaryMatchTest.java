package org.tryst.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoundaryMatchTest {
    private static final List<String> CATALOGUE = List.of("romance", "praise", "pain", "restraint", "degradation", "group-scenes");

    @Test
    void aNoAgainstAYesIsFlaggedEitherWayRound() {
        assertThat(BoundaryMatch.flags(Answer.NO, Answer.YES, false)).containsExactly(BoundaryMatch.MISMATCH);
        assertThat(BoundaryMatch.flags(Answer.YES, Answer.NO, false)).containsExactly(BoundaryMatch.MISMATCH);
        assertThat(BoundaryMatch.flags(Answer.MAYBE, Answer.NO, false)).isEmpty();
        assertThat(BoundaryMatch.flags(Answer.YES, Answer.YES, false)).isEmpty();
        assertThat(BoundaryMatch.flags(null, Answer.NO, false)).isEmpty();
    }

    @Test
    void aProposedTopicTheInviteeDoesNotWantIsFlagged() {
        assertThat(BoundaryMatch.flags(Answer.YES, Answer.NO, true)).containsExactly(BoundaryMatch.MISMATCH, BoundaryMatch.PROPOSED_NO);
        assertThat(BoundaryMatch.flags(null, Answer.MAYBE, true)).containsExactly(BoundaryMatch.PROPOSED_MAYBE);
        assertThat(BoundaryMatch.flags(Answer.NO, Answer.YES, true)).containsExactly(BoundaryMatch.MISMATCH);
        assertThat(BoundaryMatch.flags(Answer.YES, Answer.YES, true)).isEmpty();
        assertThat(BoundaryMatch.flags(null, null, true)).isEmpty();
    }

    @Test
    void rowsFollowTheCatalogueAndLeaveOutWhatNeitherAnsweredNorProposed() {
        var rows = BoundaryMatch.compare(CATALOGUE,
                Map.of("pain", Answer.YES, "praise", Answer.YES, "retired-topic", Answer.YES),
                Map.of("pain", Answer.NO, "romance", Answer.MAYBE, "retired-topic", Answer.NO),
                Set.of("romance", "restraint"));
        assertThat(rows).extracting(Views.TopicMatch::topic).containsExactly("romance", "praise", "pain", "restraint");
        assertThat(rows.get(0)).isEqualTo(new Views.TopicMatch("romance", null, Answer.MAYBE, true, List.of(BoundaryMatch.PROPOSED_MAYBE)));
        assertThat(rows.get(2).flags()).containsExactly(BoundaryMatch.MISMATCH);
        assertThat(rows.get(3)).isEqualTo(new Views.TopicMatch("restraint", null, null, true, List.of()));
    }
}
