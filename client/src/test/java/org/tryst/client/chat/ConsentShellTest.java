package org.tryst.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tryst.client.SceneEvent;
import org.tryst.protocol.Answer;
import org.tryst.protocol.BoundaryMatch;
import org.tryst.protocol.Views;

/** Boundaries, proposals, agreements and the safeword word in the terminal chat. */
class ConsentShellTest {
    private final FakeBackend backend = new FakeBackend();
    private final List<String> screen = new ArrayList<>();
    private final Shell shell = Shell.create(backend, new ListScreen(screen), Clock.fixed(Instant.parse("2026-01-15T21:30:00Z"), ZoneOffset.UTC));
    private Views.Persona rowan;
    private Views.Persona sage;

    @BeforeEach
    void anAccountWithOnePersona() {
        rowan = backend.someone("Rowan");
        backend.personas.add(rowan);
        sage = backend.someone("Sage");
    }

    @Test
    void theScenesSafewordWordAloneOnALineIsTheSafewordAndIsNeverSent() {
        backend.scenes.add(sceneAgreeing("Pineapple"));
        shell.start();
        type("/scene 1");
        assertThat(screen).anySatisfy(line -> assertThat(line).contains("The safeword is \u201cPineapple\u201d"));
        type("pineapple please");
        assertThat(backend.calls).contains("sayInScene s1 SAY pineapple please");
        type("  PINEAPPLE ");
        assertThat(backend.calls).contains("safeword s1 24").noneMatch(call -> call.equals("sayInScene s1 SAY PINEAPPLE"));
        assertThat(last()).startsWith("You used the safeword: the scene with Sage is over for everyone");
        assertThat(shell.prompt()).isEqualTo("Rowan> ");
    }

    @Test
    void theInviterIsToldTheAgreementOnceItIsMade() {
        backend.scenes.add(new Views.Scene("s1", List.of(author(rowan)), 0, 300, List.of(), "key", 0, null, null));
        shell.start();
        type("/scene 1");
        shell.incoming().show(new SceneEvent.Changed(sceneAgreeing("Pineapple"), "members"));
        assertThat(screen).contains("Sage joined the scene.", "Agreed by Sage, Rowan: Romance. The safeword is \u201cPineapple\u201d:"
                + " type it alone on a line (or /safeword) to end the scene for everyone.");
    }

    @Test
    void withoutAnAgreementTheWordIsJustAWord() {
        backend.scenes.add(new Views.Scene("s1", List.of(author(rowan), author(sage)), 1, 300, List.of(), "key", 0, null, null));
        shell.start();
        type("/scene 1");
        type("red");
        assertThat(backend.calls).contains("sayInScene s1 SAY red").noneMatch(call -> call.startsWith("safeword"));
    }

    @Test
    void boundariesAreChangedOneTopicAtATimeAndComparedSideBySide() {
        shell.start();
        type("/boundaries set pain no");
        type("/boundaries set praise yes");
        type("/boundaries notes ask me first");
        type("/boundaries set pain clear");
        assertThat(backend.calls).contains("setBoundaries p-rowan {pain=NO, praise=YES} ", "setBoundaries p-rowan {praise=YES} ask me first");
        type("/boundaries set knitting yes");
        assertThat(last()).isEqualTo("There is no topic knitting; /boundaries lists them.");

        type("/boundaries");
        assertThat(screen).contains("  Words: praise:yes  degradation:-", "  Notes: ask me first");

        backend.boundaries.put(sage.id(), new Views.Boundaries(author(sage), Map.of("praise", Answer.NO, "romance", Answer.MAYBE), "", 0));
        screen.clear();
        type("/boundaries sage");
        assertThat(screen).anySatisfy(line -> assertThat(line).contains("Praise").contains("yes").contains("no").contains("!!"));
        assertThat(screen).anySatisfy(line -> assertThat(line).contains("Romance").doesNotContain("!!"));
    }

    @Test
    void anInvitationShowsWhatItProposesAndAcceptingAgreesToExactlyThat() {
        shell.start();
        var invitation = new Views.Invitation("i1", "s9", author(sage), author(rowan), "tea?", "pending", 0,
                List.of("romance", "pain"), "red",
                List.of(new Views.TopicMatch("romance", Answer.YES, Answer.MAYBE, true, List.of(BoundaryMatch.PROPOSED_MAYBE)),
                        new Views.TopicMatch("degradation", Answer.YES, Answer.NO, false, List.of(BoundaryMatch.MISMATCH)),
                        new Views.TopicMatch("pain", Answer.YES, Answer.NO, true, List.of(BoundaryMatch.MISMATCH, BoundaryMatch.PROPOSED_NO))),
                "be kind", "", null);
        shell.incoming().show(new SceneEvent.Invited(invitation));
        assertThat(screen).contains("    Proposes Romance (? you said maybe), Pain (!! you said no); safeword \u201cred\u201d.",
                "    !! You differ on Degradation (Sage yes, you no).", "    Sage's notes: be kind");
        type("/accept 1");
        assertThat(backend.calls).contains("accept i1");
        assertThat(screen).contains("You accepted, and agreed to what it proposes:");
    }

    @Test
    void invitingProposesTopicsAndAWord() {
        shell.start();
        type("/invite Sage topics=romance,pain safeword=pineapple tea?");
        assertThat(backend.calls).contains("invite s1 p-sage tea? topics=[romance, pain] safeword=pineapple");
    }

    private Views.Scene sceneAgreeing(String word) {
        var agreement = new Views.Agreement(List.of("romance"), word,
                List.of(new Views.Agreed(author(sage), 1), new Views.Agreed(author(rowan), 2)), 1);
        return new Views.Scene("s1", List.of(author(rowan), author(sage)), 1, 300, List.of(), "key", 0, agreement, null);
    }

    private void type(String line) {
        shell.run(Commands.parse(line));
    }

    private String last() {
        return screen.getLast();
    }

    private static Views.Author author(Views.Persona persona) {
        return new Views.Author(persona.id(), persona.name());
    }
}
