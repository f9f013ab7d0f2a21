package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.client.Franking;
import org.tryst.client.SceneEvent;
import org.tryst.client.mls.Mls;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * Verifiable reports of scene messages (R15): the server recomputes the sender's commitment from
 * the disclosed text and franking key, and its own tag for the account behind the persona it named
 * as sender, so an honest report verifies and any alteration, a wrong key or tag, an expired server
 * key or another sender's tag is rejected. Raw devices play the reporter, as a modified client could.
 */
abstract class SceneReportContract {
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    abstract TestServer server();

    /** The clock the server runs on. */
    abstract MutableClock clock();

    /** What a recipient holds of a received message: what the server delivered and what it decrypted. */
    record Received(Views.SceneMessage message, byte[] commitment, byte[] key, byte[] body) {
        ClientMessage.ReportScene report(String id, RawDevice reporter, String sender, byte[] body, byte[] key, String tag) {
            return new ClientMessage.ReportScene(id, reporter.persona.id(), message.scene(), message.id(), sender, message.epoch(),
                    message.at(), message.kid(), tag, BASE64.encodeToString(commitment), BASE64.encodeToString(key),
                    BASE64.encodeToString(body), "harassment", "it kept going after I said no");
        }

        ClientMessage.ReportScene honest(String id, RawDevice reporter) {
            return report(id, reporter, message.from().id(), body, key, message.tag());
        }
    }

    @Test
    void anHonestReportVerifiesAndJoinsTheQueue() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob")) {
            String scene = sceneOf(alice, bob);
            Received said = say(alice, bob, scene, "something cruel");
            Views.Report report = file(bob, id -> said.honest(id, bob));
            assertThat(report.verification()).isEqualTo("verified");
            assertThat(report.text()).isEqualTo("something cruel");
            assertThat(report.reported().id()).isEqualTo(alice.persona.id());
            assertThat(report.status()).isEqualTo("open");
            var mine = (ServerMessage.Reports) bob.request(ClientMessage.ReportList::new);
            assertThat(mine.reports()).extracting(Views.Report::id).containsExactly(report.id());
            // The reported side is told nothing and sees no reports.
            assertThat(((ServerMessage.Reports) alice.request(ClientMessage.ReportList::new)).reports()).isEmpty();
            assertThat(alice.events).noneMatch(event -> event.toString().contains(report.id()));
        }
    }

    @Test
    void alteredTextAWrongKeyAWrongTagAndAnotherSendersTagAreEachRejected() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob"); var carol = new RawDevice(server(), "Carol")) {
            String scene = sceneOf(alice, bob, carol);
            Received said = say(alice, List.of(bob, carol), scene, "meet me at nine").getFirst();
            byte[] altered = said.body().clone();
            altered[altered.length - 3] ^= 1;
            byte[] wrongKey = said.key().clone();
            wrongKey[0] ^= 1;
            byte[] wrongTag = Base64.getDecoder().decode(said.message().tag());
            wrongTag[5] ^= 1;

            assertRejected(bob, id -> said.report(id, bob, alice.persona.id(), altered, said.key(), said.message().tag()), "text was altered");
            assertRejected(bob, id -> said.report(id, bob, alice.persona.id(), said.body(), wrongKey, said.message().tag()), "key is wrong");
            assertRejected(bob, id -> said.report(id, bob, alice.persona.id(), said.body(), said.key(), BASE64.encodeToString(wrongTag)),
                    "tag does not match");
            // Alice's message, reported as sent by Carol: the tag binds the sender the server authenticated.
            assertRejected(bob, id -> said.report(id, bob, carol.persona.id(), said.body(), said.key(), said.message().tag()),
                    "tag does not match");
            assertThat(file(bob, id -> said.honest(id, bob)).verification()).isEqualTo("verified");
        }
    }

    @Test
    void aReportUnderAServerKeyPastTheReportWindowIsRejected() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob")) {
            String scene = sceneOf(alice, bob);
            Received said = say(alice, bob, scene, "an old message");
            assertThat(file(bob, id -> said.honest(id, bob)).verification()).isEqualTo("verified");
            clock().advance(Duration.ofDays(31));
            assertRejected(bob, id -> said.honest(id, bob), "has expired");
            // A key id the server never had is unknown.
            assertRejected(bob, id -> new ClientMessage.ReportScene(id, bob.persona.id(), scene, null, alice.persona.id(), said.message().epoch(),
                    clock().millis() + Duration.ofDays(3).toMillis(), said.message().kid() + 1_000, said.message().tag(),
                    BASE64.encodeToString(said.commitment()), BASE64.encodeToString(said.key()), BASE64.encodeToString(said.body()),
                    "other", null), "has no key");
        }
    }

    @Test
    void aMessageOfASceneEndedByTheSafewordCanStillBeReported() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob")) {
            String scene = sceneOf(alice, bob);
            Received said = say(alice, bob, scene, "the line that led to the safeword");
            bob.request(id -> new ClientMessage.Safeword(id, scene, bob.persona.id(), 24));
            bob.next(ServerMessage.SceneEnded.class);
            Views.Report report = file(bob, id -> said.honest(id, bob));
            assertThat(report.verification()).isEqualTo("verified");
        }
    }

    @Test
    void theJavaClientKeepsWhatAReportNeedsAndReportsInOneCall() throws Exception {
        try (var alice = SceneMember.join(server(), "Alice", clock()); var bob = SceneMember.join(server(), "Bob", clock())) {
            Views.Scene scene = alice.sceneWith(bob);
            alice.client().say(scene.id(), "report me");
            SceneEvent.Said heard = bob.next(SceneEvent.Said.class);
            Views.Report report = bob.client().report(heard.messageId(), "threat", null);
            assertThat(report.verification()).isEqualTo("verified");
            assertThat(report.text()).isEqualTo("report me");
            assertThat(bob.client().myReports()).extracting(Views.Report::id).contains(report.id());
            // The sender holds no material for its own message: only received messages can be reported.
            assertThat(catchThrowable(() -> alice.client().report(heard.messageId(), "threat", null))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void badInputIsRefusedWithTypedErrors() throws Exception {
        try (var alice = new RawDevice(server(), "Alice"); var bob = new RawDevice(server(), "Bob"); var eve = new RawDevice(server(), "Eve")) {
            String scene = sceneOf(alice, bob);
            Received said = say(alice, bob, scene, "hello");
            String tag = said.message().tag();
            // Malformed base64, an oversized body, an unknown reason: the record refuses them before the server sees them.
            assertThat(catchThrowable(() -> said.report("r", bob, alice.persona.id(), said.body(), said.key(), "not*base64")))
                    .isInstanceOf(ProtocolException.class).hasMessageContaining("tag must be base64");
            assertThat(catchThrowable(() -> said.report("r", bob, alice.persona.id(), new byte[ClientMessage.MAX_REPORTED_BODY + 1], said.key(), tag)))
                    .isInstanceOf(ProtocolException.class).hasMessageContaining("body");
            // ...and the server answers a raw frame carrying them with invalid_message.
            String json = new String(org.tryst.protocol.Codec.encode(said.honest("r1", bob)), StandardCharsets.UTF_8).replace(tag, "%%%%");
            try (var wire = server().connect(bob.user)) {
                wire.sendJson(json);
                assertThat(wire.expectError("invalid_message").message()).contains("tag");
                wire.sendJson(json.replace("%%%%", tag).replace("\"harassment\"", "\"boredom\""));
                assertThat(wire.expectError("invalid_message").message()).contains("reason");
            }
            // Someone outside the scene, handed the message, cannot have the server check it.
            assertThat(eve.refusal(id -> said.honest(id, eve))).isEqualTo("not_member");
            // A persona that is not the reporter's own.
            assertThat(bob.refusal(id -> said.report(id, alice, alice.persona.id(), said.body(), said.key(), tag))).isEqualTo("not_your_persona");
            // A sender persona that does not exist: filed, and rejected.
            assertRejected(bob, id -> said.report(id, bob, "NoSuchPersona", said.body(), said.key(), tag), "does not exist");
        }
    }

    private static void assertRejected(RawDevice reporter, java.util.function.Function<String, ClientMessage> report, String why) {
        Views.Report filed = file(reporter, report);
        assertThat(filed.verification()).isEqualTo("rejected");
        assertThat(filed.why()).contains(why);
    }

    static Views.Report file(RawDevice reporter, java.util.function.Function<String, ClientMessage> report) {
        return ((ServerMessage.ReportFiled) reporter.request(report)).report();
    }

    /** A scene made by the first device with all the others in it, everyone at the same epoch. */
    static String sceneOf(RawDevice creator, RawDevice... others) throws Exception {
        String scene = creator.createScene().id();
        List<byte[]> keyPackages = new ArrayList<>();
        for (RawDevice other : others) {
            creator.request(id -> new ClientMessage.SceneInvite(id, scene, creator.persona.id(), other.persona.id(), null));
            String invitation = other.next(ServerMessage.InvitationReceived.class).invitation().id();
            other.request(id -> new ClientMessage.InvitationAccept(id, invitation, List.of(), "red"));
            var claimed = (ServerMessage.KeyPackages) creator.request(id -> new ClientMessage.KeyPackagesClaim(id, scene, other.persona.id()));
            claimed.keyPackages().forEach(kp -> keyPackages.add(Base64.getDecoder().decode(kp.keyPackage())));
        }
        Mls.Group group = creator.mls.group(scene);
        Mls.Commit commit = group.commit(keyPackages, List.of());
        creator.send(scene, commit.message(), commit.welcome());
        group.confirm();
        for (RawDevice other : others) other.handleNext();
        return scene;
    }

    static Received say(RawDevice sender, RawDevice recipient, String scene, String text) throws Exception {
        return say(sender, List.of(recipient), scene, text).getFirst();
    }

    /** Sends an honestly franked line and returns what each recipient received and decrypted. */
    static List<Received> say(RawDevice sender, List<RawDevice> recipients, String scene, String text) throws Exception {
        byte[] body = ("{\"kind\":\"say\",\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
        sender.send(scene, Franking.seal(sender.mls.group(scene), body), null);
        List<Received> received = new ArrayList<>();
        for (RawDevice recipient : recipients) {
            Views.SceneMessage message = recipient.nextSceneMessage();
            var opened = (Mls.Application) recipient.mls.group(scene).handle(Base64.getDecoder().decode(message.data()));
            byte[] plaintext = opened.plaintext();
            received.add(new Received(message, Arrays.copyOfRange(opened.authenticatedData(), 1, 33), Arrays.copyOf(plaintext, 32),
                    Arrays.copyOfRange(plaintext, 32, plaintext.length)));
        }
        return received;
    }
}
