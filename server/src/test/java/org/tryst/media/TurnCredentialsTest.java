package org.tryst.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * TURN credentials over the raw protocol: minted in coturn's shared-secret scheme for members of a
 * scene only, expiring after the configured lifetime, limited per account, and an empty answer
 * where the operator configured no TURN. (That coturn itself accepts them, and refuses them once
 * expired, is shown by a real browser against a real coturn in CallInBrowserTest.)
 */
class TurnCredentialsTest {
    private static final String SECRET = "a shared secret for coturn, long enough";
    private static final MutableClock CLOCK = new MutableClock();
    private static final java.security.SecureRandom SIGNATURE_KEYS = new java.security.SecureRandom();

    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with(CLOCK)
            .with("TRYST_MEDIA_TURN_URLS", "turn:127.0.0.1:3478?transport=udp, turns:turn.example:5349")
            .with("TRYST_MEDIA_TURN_SECRET", SECRET)
            .with("TRYST_MEDIA_TURN_TTL_SECONDS", "600")
            .with("TRYST_RATE_LIMITS_TURN_CREDENTIALS_PER_HOUR_PER_ACCOUNT", "3");

    @RegisterExtension
    static final TestServer WITHOUT_TURN = TestServer.sqlite();

    @Test
    void aMemberOfASceneGetsCredentialsThatCoturnCanCheckWithTheSharedSecret() throws Exception {
        Wire alice = SERVER.connect(SERVER.register("turn-alice"));
        String scene = sceneOf(alice, "TurnAlice");
        long asked = CLOCK.millis();
        ServerMessage.MediaServers servers = turn(alice, scene);
        long answered = CLOCK.millis();
        assertThat(servers.relay()).isTrue();
        assertThat(servers.expiresAt()).isBetween(asked + 600_000, answered + 600_000);
        Views.IceServer server = servers.iceServers().getFirst();
        assertThat(server.urls()).containsExactly("turn:127.0.0.1:3478?transport=udp", "turns:turn.example:5349");
        String[] username = server.username().split(":");
        assertThat(Long.parseLong(username[0])).isEqualTo(servers.expiresAt() / 1000);
        assertThat(username[1]).matches("[0-9a-f]{24}").doesNotContain("turn-alice");
        assertThat(server.credential()).isEqualTo(hmacSha1(server.username()));
    }

    @Test
    void theSameAccountHasTheSameOpaqueNameAndAnotherAccountAnother() {
        Wire alice = SERVER.connect(SERVER.register("turn-same"));
        Wire bob = SERVER.connect(SERVER.register("turn-other"));
        String scene = sceneOf(alice, "TurnSame");
        String first = turn(alice, scene).iceServers().getFirst().username().split(":")[1];
        CLOCK.advance(Duration.ofMinutes(1));
        String again = turn(alice, scene).iceServers().getFirst().username().split(":")[1];
        String other = turn(bob, sceneOf(bob, "TurnOther")).iceServers().getFirst().username().split(":")[1];
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void outsidersUnknownScenesAndMalformedRequestsAreRefused() {
        Wire alice = SERVER.connect(SERVER.register("turn-owner"));
        Wire eve = SERVER.connect(SERVER.register("turn-eve"));
        TestServer.persona(eve, "TurnEve");
        String scene = sceneOf(alice, "TurnOwner");
        eve.send(new ClientMessage.MediaTurn(eve.nextId(), scene));
        eve.expectError("not_member");
        eve.send(new ClientMessage.MediaTurn(eve.nextId(), "no-such-scene"));
        eve.expectError("not_found");
        eve.sendJson("{\"type\":\"media.turn\",\"id\":\"m1\",\"scene\":\"../etc\"}");
        eve.expectError("invalid_message");
        eve.sendJson("{\"type\":\"media.turn\",\"id\":\"m2\"}");
        eve.expectError("invalid_message");
        turn(alice, scene);
    }

    @Test
    void credentialsAreLimitedPerAccountWithATimeToRetry() {
        Wire alice = SERVER.connect(SERVER.register("turn-many"));
        Wire calm = SERVER.connect(SERVER.register("turn-calm"));
        String scene = sceneOf(alice, "TurnMany");
        for (int i = 0; i < 3; i++) turn(alice, scene);
        alice.send(new ClientMessage.MediaTurn(alice.nextId(), scene));
        assertThat(alice.expectError("rate_limited").retryAfterMs()).isPositive();
        turn(calm, sceneOf(calm, "TurnCalm"));
        CLOCK.advance(Duration.ofHours(1));
        turn(alice, scene);
    }

    @Test
    void withoutTurnConfiguredTheAnswerSaysCallsGoDirect() {
        Wire alice = WITHOUT_TURN.connect(WITHOUT_TURN.register("direct"));
        String scene = sceneOf(alice, "Direct");
        ServerMessage.MediaServers servers = turn(alice, scene);
        assertThat(servers.relay()).isFalse();
        assertThat(servers.iceServers()).isEmpty();
    }

    private static String sceneOf(Wire wire, String name) {
        Views.Persona persona = TestServer.persona(wire, name);
        wire.send(new ClientMessage.DeviceRegister(wire.nextId(), Base64.getEncoder().encodeToString(SIGNATURE_KEYS.generateSeed(32))));
        String device = wire.expect(ServerMessage.DeviceRegistered.class).device().id();
        wire.send(new ClientMessage.DeviceAttach(wire.nextId(), device));
        wire.expect(ServerMessage.DeviceAttached.class);
        wire.send(new ClientMessage.SceneCreate(wire.nextId(), persona.id()));
        return wire.expect(ServerMessage.SceneInfo.class).scene().id();
    }

    private static ServerMessage.MediaServers turn(Wire wire, String scene) {
        wire.send(new ClientMessage.MediaTurn(wire.nextId(), scene));
        return wire.expect(ServerMessage.MediaServers.class);
    }

    private static String hmacSha1(String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }
}
