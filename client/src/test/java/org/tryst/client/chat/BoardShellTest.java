package org.tryst.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tryst.client.RequestFailed;
import org.tryst.protocol.Answer;
import org.tryst.protocol.BoundaryMatch;
import org.tryst.protocol.Views;

/** The partner board in the terminal chat: the list with its matches, answering an ad with its topics, and one's own ad. */
class BoardShellTest {
    private final FakeBackend backend = new FakeBackend();
    private final List<String> screen = new ArrayList<>();
    private final Shell shell = Shell.create(backend, new ListScreen(screen), Clock.fixed(Instant.ofEpochMilli(0), ZoneOffset.UTC));
    private Views.Persona sage;
    private Views.Persona rowan;

    @BeforeEach
    void anAccountWithOnePersonaAndAnAdOnTheBoard() {
        sage = backend.someone("Sage");
        backend.personas.add(sage);
        rowan = backend.someone("Rowan");
        backend.board.add(new Views.Ad("Ad1", new Views.Author(rowan.id(), rowan.name()), "Letters by the sea", "Write to me.",
                List.of("romance", "praise"), "mature", 0, 0, 1, null, List.of(
                        new Views.TopicMatch("romance", Answer.YES, Answer.YES, true, List.of()),
                        new Views.TopicMatch("praise", null, Answer.MAYBE, true, List.of(BoundaryMatch.PROPOSED_MAYBE)),
                        new Views.TopicMatch("pain", Answer.YES, Answer.NO, false, List.of(BoundaryMatch.MISMATCH)))));
        shell.start();
    }

    @Test
    void theBoardListsEachAdWithHowItsTopicsMeetYourBoundaries() {
        type("/board");
        assertThat(backend.calls).contains("board " + sage.id());
        assertThat(screen).containsSubsequence("The board as Sage sees it (/board invite N answers an ad):",
                "1. Letters by the sea \u2014 Rowan (mature)", "    Write to me.",
                "    Asks for Romance (you said yes), Praise (? you said maybe). !! You differ on Pain.",
                "You have no ad up: /ad post TITLE | TEXT puts one there.");
    }

    @Test
    void answeringAnAdInvitesItsPersonaProposingItsTopics() {
        type("/board");
        type("/board invite 1 Tea?");
        assertThat(backend.calls).contains("createScene", "invite s1 p-rowan Tea? topics=[romance, praise]");
        type("/board invite 2");
        assertThat(screen.getLast()).isEqualTo("There is no ad 2: /board lists them.");
    }

    @Test
    void anAdIsPostedBumpedAndRemoved() {
        type("/ad post topics=romance,praise rating=mature Letters back | By the sea, slowly.");
        assertThat(backend.calls).contains("postAd Letters back | By the sea, slowly. [romance, praise] mature");
        assertThat(screen.getLast()).isEqualTo("Your ad \u201cLetters back\u201d is up for 72 h. /ad bump brings it to the top later.");
        backend.refusals.put("bumpAd " + sage.id(), new RequestFailed("rate_limited", "bumped a moment ago", 90_000L));
        type("/ad bump");
        assertThat(screen.getLast()).isEqualTo("Not yet: you can bump your ad again in 2 min.");
        type("/ad bump");
        assertThat(screen.getLast()).isEqualTo("Your ad is at the top of the board again, up for 72 h.");
        type("/ad remove");
        assertThat(backend.calls).contains("removeAd " + sage.id());
        assertThat(screen.getLast()).isEqualTo("Your ad is off the board.");
    }

    @Test
    void anAdIsReportedByItsNumber() {
        type("/board");
        type("/board report 1 spam");
        assertThat(backend.calls).contains("reportAd Ad1 spam");
    }

    @Test
    void malformedBoardCommandsSayHowTheyAreWritten() {
        for (String line : List.of("/board invite", "/board invite x", "/board report 1 rude", "/board dance 1", "/ad post",
                "/ad post rating=spicy Hi", "/ad post topics= Hi", "/ad shout")) {
            assertThat(Commands.parse(line)).as(line).isInstanceOf(Command.Invalid.class);
        }
    }

    private void type(String line) {
        shell.run(Commands.parse(line));
    }
}
