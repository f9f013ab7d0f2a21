package org.tryst.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tryst.client.SceneEvent;
import org.tryst.protocol.Views;

/** A scene's video call as the terminal shows it: who proposed it, who is in it, and a yes or no answered from here without media. */
class CallShellTest {
    private final FakeBackend backend = new FakeBackend();
    private final List<String> screen = new ArrayList<>();
    private final Shell shell = Shell.create(backend, new ListScreen(screen), Clock.fixed(Instant.parse("2026-01-15T21:30:00Z"), ZoneOffset.UTC));
    private Views.Persona rowan;
    private Views.Persona sage;

    @BeforeEach
    void aSceneOfTwo() {
        rowan = backend.someone("Rowan");
        backend.personas.add(rowan);
        sage = backend.someone("Sage");
        backend.scenes.add(scene(List.of(author(rowan), author(sage))));
        shell.start();
        type("/scene 1");
        screen.clear();
    }

    @Test
    void aProposalShowsAndAYesFromHereSaysItSendsNoMedia() {
        type("/call yes");
        assertThat(last()).startsWith("There is no call to answer in this scene");
        signal(sage, "{\"kind\":\"call.propose\",\"call\":\"c1\"}");
        assertThat(last()).startsWith("Sage proposes a video call. /call yes or /call no");
        type("/call yes");
        assertThat(backend.calls).contains("signal s1 {\"kind\":\"call.yes\",\"call\":\"c1\",\"media\":false}");
        type("/call");
        assertThat(last()).isEqualTo("A call is on. In it: Sage, Rowan.");
    }

    @Test
    void noAndLeavingAreShownAndTheLastToLeaveEndsIt() {
        signal(sage, "{\"kind\":\"call.propose\",\"call\":\"c1\"}");
        type("/call no");
        assertThat(backend.calls).contains("signal s1 {\"kind\":\"call.no\",\"call\":\"c1\"}");
        type("/call");
        assertThat(last()).isEqualTo("A call is on. In it: Sage; said no: Rowan.");
        signal(sage, "{\"kind\":\"call.leave\",\"call\":\"c1\"}");
        assertThat(last()).isEqualTo("Sage left the call. The call is over.");
        type("/call");
        assertThat(last()).isEqualTo("There is no call in this scene.");
    }

    @Test
    void offersCandidatesGarbageAndOtherCallsShowNothing() {
        signal(sage, "{\"kind\":\"call.propose\",\"call\":\"c1\"}");
        screen.clear();
        signal(sage, "{\"kind\":\"call.offer\",\"call\":\"c1\",\"to\":0,\"sdp\":\"v=0\"}");
        signal(sage, "{\"kind\":\"call.yes\",\"call\":\"another\",\"media\":true}");
        signal(sage, "not json at all");
        signal(sage, "{\"kind\":\"call.yes\"}");
        assertThat(screen).isEmpty();
    }

    @Test
    void aCallOnSinceBeforeShowsWhenADeviceInItSaysSo() {
        signal(sage, "{\"kind\":\"call.state\",\"call\":\"c9\",\"proposer\":1,\"answers\":[{\"leaf\":1,\"persona\":\""
                + sage.id() + "\",\"answer\":\"yes\",\"media\":true}]}");
        assertThat(last()).isEqualTo("A video call is on. In it: Sage. /call yes or /call no answers it.");
        type("/call yes");
        assertThat(backend.calls).contains("signal s1 {\"kind\":\"call.yes\",\"call\":\"c9\",\"media\":false}");
    }

    @Test
    void aChangeOfMembersEndsTheCall() {
        signal(sage, "{\"kind\":\"call.propose\",\"call\":\"c1\"}");
        Views.Persona ash = backend.someone("Ash");
        shell.incoming().show(new SceneEvent.Changed(scene(List.of(author(rowan), author(sage), author(ash))), "members"));
        assertThat(screen).contains("The call ended: the scene's members changed. Propose again to go on.");
        type("/call");
        assertThat(last()).isEqualTo("There is no call in this scene.");
    }

    private void signal(Views.Persona from, String json) {
        shell.incoming().show(new SceneEvent.Signalled("s1", from.id(), 1, json));
    }

    private static Views.Scene scene(List<Views.Author> members) {
        return new Views.Scene("s1", members, 1, 300, List.of(), "key", 0, null, null);
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
