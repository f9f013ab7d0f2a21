package org.tryst.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * Invitations, channel lines, reports and registrations over their limits are refused with a typed
 * error that says when to retry; nothing is done, and other users go on as before.
 */
class RateLimitTest {
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final Set<Wire> DEVICES = ConcurrentHashMap.newKeySet();

    @RegisterExtension
    static final TestServer server = TestServer.sqlite()
            .with("TRYST_RATE_LIMITS_INVITATIONS_PER_HOUR_PER_ACCOUNT", "2")
            .with("TRYST_RATE_LIMITS_CHANNEL_MESSAGES_PER_MINUTE_PER_ACCOUNT", "3")
            .with("TRYST_RATE_LIMITS_REPORTS_PER_HOUR_PER_ACCOUNT", "2")
            .with("TRYST_ACCOUNTS_REGISTRATIONS_PER_ADDRESS", "1000");

    @Test
    void channelLinesOverTheAccountsLimitAreRefusedAndNeverShownWhileOthersSpeakOn() {
        Speaker chatty = Speaker.of("Chatty");
        Speaker calm = Speaker.of("Calm");
        String channel = channel(chatty, calm);
        Wire alice = chatty.wire();
        Wire bob = calm.wire();
        Views.Persona rowan = chatty.persona();
        Views.Persona sage = calm.persona();
        for (int i = 0; i < 3; i++) {
            alice.send(new ClientMessage.Say(alice.nextId(), rowan.id(), channel, "line " + i));
            alice.expect(ServerMessage.Sent.class);
        }
        bob.drain();
        alice.send(new ClientMessage.Pose(alice.nextId(), rowan.id(), channel, "one too many"));
        ServerMessage.Error refused = alice.expectError("rate_limited");
        assertThat(refused.retryAfterMs()).isPositive();
        bob.expectNothing(QUIET);

        bob.send(new ClientMessage.Say(bob.nextId(), sage.id(), channel, "I am not slowed"));
        bob.expect(ServerMessage.Sent.class);
        bob.send(new ClientMessage.HistoryFetch(bob.nextId(), sage.id(), channel, null, null));
        assertThat(bob.expect(ServerMessage.History.class).messages()).extracting(Views.Message::text)
                .containsExactly("line 0", "line 1", "line 2", "I am not slowed");
    }

    @Test
    void invitationsOverTheAccountsLimitAreRefusedAndNeverDelivered() {
        Wire alice = server.connect(server.register("inviter"));
        Wire bob = server.connect(server.register("invitee"));
        Wire carol = server.connect(server.register("other"));
        Views.Persona inviter = TestServer.persona(alice, "Inviter");
        Views.Persona invitee = TestServer.persona(bob, "Invitee");
        Views.Persona other = TestServer.persona(carol, "Other");
        for (int i = 0; i < 2; i++) {
            invite(alice, inviter, scene(alice, inviter), invitee);
            bob.expect(ServerMessage.InvitationReceived.class);
        }
        String third = scene(alice, inviter);
        alice.send(new ClientMessage.SceneInvite(alice.nextId(), third, inviter.id(), invitee.id(), null));
        ServerMessage.Error refused = alice.expectError("rate_limited");
        assertThat(refused.retryAfterMs()).isPositive();
        bob.expectNothing(QUIET);
        alice.send(new ClientMessage.InvitationList(alice.nextId()));
        assertThat(alice.expect(ServerMessage.Invitations.class).sent()).extracting(Views.Invitation::scene).doesNotContain(third);

        // Someone else invites as usual.
        invite(carol, other, scene(carol, other), invitee);
        bob.expect(ServerMessage.InvitationReceived.class);
    }

    @Test
    void reportsOverTheAccountsLimitAreRefusedAndNothingIsFiledWhileOthersReportOn() {
        Speaker reported = Speaker.of("Reported");
        Speaker reporting = Speaker.of("Reporter");
        Speaker witnessing = Speaker.of("Witness");
        String channel = channel(reported, reporting, witnessing);
        reported.wire().send(new ClientMessage.Say(reported.wire().nextId(), reported.persona().id(), channel, "buy followers now"));
        String line = reported.wire().expect(ServerMessage.Sent.class).message();
        Wire alice = reporting.wire();
        Wire carol = witnessing.wire();
        Views.Persona reporter = reporting.persona();
        Views.Persona witness = witnessing.persona();
        String scene = scene(alice, reporter);

        // Both kinds of report count against the same limit of two.
        alice.send(channelReport(alice, reporter, channel, line));
        alice.expect(ServerMessage.ReportFiled.class);
        alice.send(sceneReport(alice, reporter, scene));
        alice.expect(ServerMessage.ReportFiled.class);
        alice.send(channelReport(alice, reporter, channel, line));
        assertThat(alice.expectError("rate_limited").retryAfterMs()).isPositive();
        alice.send(sceneReport(alice, reporter, scene));
        assertThat(alice.expectError("rate_limited").retryAfterMs()).isPositive();
        alice.send(new ClientMessage.ReportList(alice.nextId()));
        assertThat(alice.expect(ServerMessage.Reports.class).reports()).extracting(Views.Report::kind)
                .containsExactlyInAnyOrder("channel", "scene");

        // Someone else reports the same line as usual.
        carol.send(channelReport(carol, witness, channel, line));
        assertThat(carol.expect(ServerMessage.ReportFiled.class).report().text()).isEqualTo("buy followers now");
    }

    private static ClientMessage channelReport(Wire wire, Views.Persona from, String channel, String line) {
        return new ClientMessage.ReportChannel(wire.nextId(), from.id(), channel, line, "spam", null);
    }

    /** A report of a scene message nobody sent: admitted, it would be filed as rejected. */
    private static ClientMessage sceneReport(Wire wire, Views.Persona from, String scene) {
        String zeros = Base64.getEncoder().encodeToString(new byte[32]);
        return new ClientMessage.ReportScene(wire.nextId(), from.id(), scene, null, "NoSuchPersona", 0L, 0L, 0, zeros, zeros, zeros,
                Base64.getEncoder().encodeToString("made up".getBytes(StandardCharsets.UTF_8)), "harassment", null);
    }

    /** Someone on a raw socket, speaking as one persona. */
    private record Speaker(Wire wire, Views.Persona persona) {
        static Speaker of(String base) {
            Wire wire = server.connect(server.register(base.toLowerCase()));
            return new Speaker(wire, TestServer.persona(wire, base));
        }
    }

    /** A new channel made by the first speaker, with the others in it. */
    private static String channel(Speaker creator, Speaker... others) {
        String channel = "rl" + creator.persona().id().substring(0, 6).toLowerCase().replaceAll("[^a-z0-9]", "x");
        creator.wire().send(new ClientMessage.ChannelCreate(creator.wire().nextId(), creator.persona().id(), channel, null));
        creator.wire().expect(ServerMessage.ChannelJoined.class);
        for (Speaker other : others) {
            other.wire().send(new ClientMessage.ChannelJoin(other.wire().nextId(), other.persona().id(), channel));
            other.wire().expect(ServerMessage.ChannelJoined.class);
        }
        return channel;
    }

    /** A scene created over a raw socket: a device with a made-up key is enough to hold invitations. */
    private static String scene(Wire wire, Views.Persona persona) {
        if (DEVICES.add(wire)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            wire.send(new ClientMessage.DeviceRegister(wire.nextId(), Base64.getEncoder().encodeToString(key)));
            String device = wire.expect(ServerMessage.DeviceRegistered.class).device().id();
            wire.send(new ClientMessage.DeviceAttach(wire.nextId(), device));
            wire.expect(ServerMessage.DeviceAttached.class);
        }
        wire.send(new ClientMessage.SceneCreate(wire.nextId(), persona.id()));
        return wire.expect(ServerMessage.SceneInfo.class).scene().id();
    }

    private static void invite(Wire wire, Views.Persona from, String scene, Views.Persona to) {
        wire.send(new ClientMessage.SceneInvite(wire.nextId(), scene, from.id(), to.id(), null));
        wire.expect(ServerMessage.InvitationInfo.class);
    }

    @Test
    void registrationsOverTheAddressLimitGet429AndOtherAddressesRegisterOn() throws Exception {
        TestServer limited = TestServer.sqlite().with("TRYST_ACCOUNTS_REGISTRATIONS_PER_ADDRESS", "2");
        limited.beforeAll(null);
        try {
            limited.register("first");
            limited.register("second");
            String username = TestServer.uniqueName("third");
            HttpResponse<String> refused = limited.post("/api/register",
                    Map.of("username", username, "password", TestServer.PASSWORD, "adult", true), null);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("retry-after")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
            ServerMessage.Error error = TestServer.read(refused.body(), ServerMessage.Error.class);
            assertThat(error.code()).isEqualTo("rate_limited");
            assertThat(error.retryAfterMs()).isPositive();

            // From another address the same name registers: the refused one created nothing, and nobody else is slowed.
            HttpClient elsewhere = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
            HttpResponse<String> other = elsewhere.send(HttpRequest.newBuilder(URI.create(limited.origin() + "/api/register"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Codec.mapper().writeValueAsBytes(
                            Map.of("username", username, "password", TestServer.PASSWORD, "adult", true))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(201);
        } finally {
            limited.afterAll(null);
        }
    }

    @Test
    void registrationsRefusedForATakenUsernameDoNotCountAgainstTheAddress() throws Exception {
        TestServer limited = TestServer.sqlite().with("TRYST_ACCOUNTS_REGISTRATIONS_PER_ADDRESS", "2");
        limited.beforeAll(null);
        try {
            TestServer.User first = limited.register("first");
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> taken = limited.post("/api/register",
                        Map.of("username", first.username(), "password", TestServer.PASSWORD, "adult", true), null);
                assertThat(taken.statusCode()).isEqualTo(409);
                assertThat(TestServer.read(taken.body(), ServerMessage.Error.class).code()).isEqualTo("username_taken");
            }
            limited.register("second");
            HttpResponse<String> third = limited.post("/api/register",
                    Map.of("username", TestServer.uniqueName("third"), "password", TestServer.PASSWORD, "adult", true), null);
            assertThat(third.statusCode()).isEqualTo(429);
        } finally {
            limited.afterAll(null);
        }
    }
}
