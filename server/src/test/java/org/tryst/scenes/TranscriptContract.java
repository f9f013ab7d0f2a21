package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tryst.AdminTrace;
import org.tryst.TestServer;
import org.tryst.client.RequestFailed;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.InvisibleMark;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * Keeping a scene's transcript needs every member's yes, given for the members there now; only
 * then does the server hand out marks, one per export, and a leaked copy names whose export it was.
 * Runs on SQLite and on PostgreSQL.
 */
abstract class TranscriptContract {
    abstract TestServer server();

    @Test
    void exportIsRefusedUntilEveryMemberAgreesEvenToAModifiedClient() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice"); var bob = SceneMember.join(server(), "Bob");
             var carol = SceneMember.join(server(), "Carol")) {
            Views.Scene scene = alice.sceneWith(bob, carol);
            assertThat(scene.transcript()).isNull();
            assertThat(refusal(alice, id -> new ClientMessage.TranscriptExport(id, scene.id(), alice.persona().id())))
                    .isEqualTo("transcript_not_agreed");

            raw(alice, id -> new ClientMessage.TranscriptConsent(id, scene.id(), alice.persona().id(), "ask"));
            Views.Transcript asked = carol.changed(s -> s.transcript() != null).transcript();
            assertThat(asked.requestedBy().id()).isEqualTo(alice.persona().id());
            assertThat(asked.agreed()).containsExactly(alice.persona().id());
            assertThat(asked.allowed()).isFalse();

            raw(bob, id -> new ClientMessage.TranscriptConsent(id, scene.id(), bob.persona().id(), "agree"));
            raw(carol, id -> new ClientMessage.TranscriptConsent(id, scene.id(), carol.persona().id(), "refuse"));
            Views.Transcript refused = alice.changed(s -> s.transcript() != null && !s.transcript().refused().isEmpty()).transcript();
            assertThat(refused.refused()).containsExactly(carol.persona().id());
            assertThat(refused.allowed()).isFalse();
            for (SceneMember member : List.of(alice, bob, carol)) {
                assertThat(refusal(member, id -> new ClientMessage.TranscriptExport(id, scene.id(), member.persona().id())))
                        .isEqualTo("transcript_not_agreed");
            }

            raw(carol, id -> new ClientMessage.TranscriptConsent(id, scene.id(), carol.persona().id(), "agree"));
            assertThat(bob.changed(s -> s.transcript() != null && s.transcript().allowed()).transcript().agreed()).hasSize(3);
            var marks = List.of(alice, bob, carol).stream().map(member -> ((ServerMessage.TranscriptMark) raw(member,
                    id -> new ClientMessage.TranscriptExport(id, scene.id(), member.persona().id()))).mark()).toList();
            assertThat(marks).doesNotHaveDuplicates().allSatisfy(mark -> assertThat(InvisibleMark.isMark(mark)).isTrue());

            raw(bob, id -> new ClientMessage.TranscriptConsent(id, scene.id(), bob.persona().id(), "withdraw"));
            Views.Transcript withdrawn = carol.changed(s -> s.transcript() != null && s.transcript().agreed().size() == 2
                    && s.transcript().agreed().contains(carol.persona().id())).transcript();
            assertThat(withdrawn.agreed()).doesNotContain(bob.persona().id());
            assertThat(withdrawn.allowed()).isFalse();
            assertThat(refusal(carol, id -> new ClientMessage.TranscriptExport(id, scene.id(), carol.persona().id())))
                    .isEqualTo("transcript_not_agreed");

            raw(alice, id -> new ClientMessage.TranscriptConsent(id, scene.id(), alice.persona().id(), "withdraw"));
            assertThat(bob.changed(s -> s.transcript() == null).transcript()).isNull(); // the asker withdrew: nobody asks any more
        }
    }

    @Test
    void aMemberJoiningOrLeavingClearsEveryAnswer() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice"); var bob = SceneMember.join(server(), "Bob");
             var carol = SceneMember.join(server(), "Carol")) {
            Views.Scene scene = alice.sceneWith(bob);
            alice.client().transcript(scene.id(), alice.persona().id(), "ask");
            bob.client().transcript(scene.id(), bob.persona().id(), "agree");
            alice.changed(s -> s.transcript() != null && s.transcript().allowed());

            alice.bringIn(scene.id(), carol);
            Views.Transcript afterJoin = bob.changed(s -> s.members().size() == 3).transcript();
            assertThat(afterJoin.requestedBy().id()).isEqualTo(alice.persona().id());
            assertThat(afterJoin.agreed()).isEmpty();
            assertThat(afterJoin.allowed()).isFalse();
            assertThat(refusal(alice, id -> new ClientMessage.TranscriptExport(id, scene.id(), alice.persona().id())))
                    .isEqualTo("transcript_not_agreed");

            for (SceneMember member : List.of(alice, bob, carol)) member.client().transcript(scene.id(), member.persona().id(), "agree");
            alice.changed(s -> s.transcript() != null && s.transcript().allowed());
            carol.client().leave(scene.id(), carol.persona().id());
            Views.Transcript afterLeave = alice.changed(s -> s.members().size() == 2).transcript();
            assertThat(afterLeave.agreed()).isEmpty();
            assertThat(refusal(bob, id -> new ClientMessage.TranscriptExport(id, scene.id(), bob.persona().id())))
                    .isEqualTo("transcript_not_agreed");
        }
    }

    @Test
    void badRequestsGetTypedErrorsAndChangeNothing() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice"); var bob = SceneMember.join(server(), "Bob");
             var mallory = SceneMember.join(server(), "Mallory")) {
            Views.Scene scene = alice.sceneWith(bob);
            String me = alice.persona().id();
            assertThat(refusal(alice, id -> new ClientMessage.TranscriptConsent(id, scene.id(), me, "agree"))).isEqualTo("no_transcript_request");
            assertThat(refusal(alice, id -> new ClientMessage.TranscriptConsent(id, scene.id(), me, "withdraw"))).isEqualTo("no_transcript_request");
            assertThat(refusal(alice, id -> new ClientMessage.TranscriptConsent(id, "NoSuchScene", me, "ask"))).isEqualTo("not_found");
            assertThat(refusal(alice, id -> new ClientMessage.TranscriptExport(id, "NoSuchScene", me))).isEqualTo("not_found");
            String outsider = mallory.persona().id();
            assertThat(refusal(mallory, id -> new ClientMessage.TranscriptConsent(id, scene.id(), outsider, "ask"))).isEqualTo("not_member");
            assertThat(refusal(mallory, id -> new ClientMessage.TranscriptExport(id, scene.id(), outsider))).isEqualTo("not_member");
            assertThat(refusal(mallory, id -> new ClientMessage.TranscriptConsent(id, scene.id(), bob.persona().id(), "agree")))
                    .isEqualTo("not_your_persona");
            try (Wire wire = server().connect(alice.user())) {
                wire.sendJson("{\"type\":\"transcript.consent\",\"id\":\"t1\",\"scene\":\"" + scene.id() + "\",\"persona\":\"" + me
                        + "\",\"choice\":\"maybe\"}");
                wire.expectError("invalid_message");
                wire.sendJson("{\"type\":\"transcript.consent\",\"id\":\"t2\",\"scene\":\"" + scene.id() + "\",\"persona\":\"" + me + "\"}");
                wire.expectError("invalid_message");
                wire.sendJson("{\"type\":\"transcript.export\",\"id\":\"t3\",\"persona\":\"" + me + "\"}");
                wire.expectError("invalid_message");
                assertThat(wire.isOpen()).isTrue();
            }
            assertThat(alice.client().scenes()).filteredOn(s -> s.id().equals(scene.id())).singleElement()
                    .satisfies(s -> assertThat(s.transcript()).isNull());
        }
    }

    @Test
    void eachMembersExportIsMarkedAsTheirsAndALeakedExcerptNamesThem() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice"); var bob = SceneMember.join(server(), "Bob")) {
            Views.Scene scene = alice.sceneWith(bob);
            alice.client().say(scene.id(), "the first thing said");
            assertThat(bob.heard()).isEqualTo("the first thing said");
            bob.client().say(scene.id(), "the second thing said");
            assertThat(alice.heard()).isEqualTo("the second thing said");
            alice.client().say(scene.id(), "the third thing said");
            assertThat(bob.heard()).isEqualTo("the third thing said");
            assertThatThrownBy(() -> alice.client().exportTranscript(scene.id(), alice.persona().id()))
                    .isInstanceOf(RequestFailed.class).hasMessageContaining("transcript_not_agreed");
            alice.client().transcript(scene.id(), alice.persona().id(), "ask");
            assertThatThrownBy(() -> bob.client().exportTranscript(scene.id(), bob.persona().id()))
                    .hasMessageContaining("transcript_not_agreed");
            bob.client().transcript(scene.id(), bob.persona().id(), "agree");
            alice.changed(s -> s.transcript() != null && s.transcript().allowed());

            String alices = alice.client().exportTranscript(scene.id(), alice.persona().id());
            String bobs = bob.client().exportTranscript(scene.id(), bob.persona().id());
            for (String copy : List.of(alices, bobs)) {
                assertThat(visible(copy)).contains(alice.persona().name() + ": the first thing said",
                        bob.persona().name() + ": the second thing said", alice.persona().name() + ": the third thing said");
            }
            assertThat(visible(bobs)).contains("Exported by " + bob.persona().name()).contains("for " + bob.persona().name() + " only.");
            assertThat(InvisibleMark.find(alices)).doesNotContainAnyElementsOf(InvisibleMark.find(bobs));
            assertThat(InvisibleMark.find(bobs)).containsOnly(visibleMark(bobs));

            String withoutHeader = bobs.substring(bobs.indexOf("\n\n") + 2);
            assertThat(trace(withoutHeader)).contains("This copy came from the export of " + bob.persona().name()
                    + " (account " + bob.user().username() + ")", "scene     " + scene.id());
            String line = withoutHeader.lines().filter(l -> visible(l).contains("second")).findFirst().orElseThrow();
            String excerpt = line.substring(line.indexOf(bob.persona().name() + ": ") + bob.persona().name().length() + 2);
            assertThat(visible(excerpt)).isEqualTo("the second thing said");
            assertThat(trace(excerpt)).contains("This copy came from the export of " + bob.persona().name());

            assertThat(trace(visible(bobs))).startsWith("No mark found.");
            assertThat(trace(line + "\n" + alices.lines().skip(5).findFirst().orElseThrow()))
                    .contains("The marks disagree: this text mixes the copies of 2 exports.", alice.persona().name(), bob.persona().name());
            assertThat(trace("forged " + InvisibleMark.encode("00112233445566778899aabb") + "line"))
                    .contains("only marks this server never issued");
        }
    }

    private String trace(String text) throws Exception {
        Path file = Files.writeString(server().data().resolve("leak.txt"), text);
        StringWriter out = new StringWriter();
        int status = AdminTrace.trace(server().config(), file, new PrintWriter(out));
        assertThat(status).isEqualTo(out.toString().startsWith("This copy came from") ? 0 : 1);
        return out.toString();
    }

    private static String visible(String text) {
        return text.replaceAll("[\u200B\u200C\u200D\u2060]", "");
    }

    private static String visibleMark(String copy) {
        return visible(copy).lines().filter(line -> line.startsWith("Mark ")).findFirst().orElseThrow().substring(5, 29);
    }

    private static ServerMessage raw(SceneMember member, Function<String, ClientMessage> request) {
        return member.client().request(request);
    }

    private static String refusal(SceneMember member, Function<String, ClientMessage> request) {
        try {
            throw new AssertionError("expected a refusal, got " + raw(member, request));
        } catch (RequestFailed refused) {
            return refused.code();
        }
    }
}
