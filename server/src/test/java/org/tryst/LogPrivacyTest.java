package org.tryst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/** Logs, at every level, never contain message text, passwords, tokens, tickets or descriptions. */
class LogPrivacyTest {
    @RegisterExtension
    static final CapturedLogs logs = new CapturedLogs();

    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with("TRYST_RATE_LIMITS_BURST_PER_ACCOUNT", "5");

    @Test
    void secretsAndTextNeverReachTheLog() throws InterruptedException {
        String canary = "canary" + Long.toString(System.nanoTime(), 36);
        String password = "passphrase " + canary;
        String username = TestServer.uniqueName("logged");
        var registered = SERVER.post("/api/register", Map.of("username", username, "password", password, "adult", true), null);
        TestServer.User user = new TestServer.User(username, password,
                TestServer.read(registered.body(), org.tryst.protocol.HttpApi.LoggedIn.class).token(), null);
        SERVER.post("/api/login", Map.of("username", username, "password", "wrong " + canary), null);
        String ticket = SERVER.ticket(user.token());
        Wire wire = SERVER.connect(user);
        wire.send(new ClientMessage.PersonaCreate(wire.nextId(), "Quiet" + canary.substring(6, 10), "summary " + canary,
                "description " + canary, null));
        Views.Persona persona = wire.expect(ServerMessage.PersonaInfo.class).persona();
        String channel = "quiet-" + canary.substring(6).toLowerCase();
        wire.send(new ClientMessage.ChannelCreate(wire.nextId(), persona.id(), channel, "topic " + canary));
        wire.expect(ServerMessage.ChannelJoined.class);
        wire.send(new ClientMessage.Say(wire.nextId(), persona.id(), channel, "said " + canary));
        wire.expect(ServerMessage.Sent.class);
        for (int i = 0; i < 10; i++) wire.send(new ClientMessage.Pose(wire.nextId(), persona.id(), channel, "posed " + canary));
        wire.expectError("rate_limited");
        Thread.sleep(1_000); // lets the rate limit refill, so that the malformed frame and the deletion go through
        wire.sendJson("{\"type\":\"say\",\"text\":\"malformed " + canary + "\"");
        wire.expect(ServerMessage.Error.class, error -> error.code().equals("malformed"));
        wire.send(new ClientMessage.AccountDelete(wire.nextId(), password));
        wire.expect(ServerMessage.Ok.class);

        List<String> lines = logs.lines();
        assertThat(lines).isNotEmpty();
        for (String secret : List.of(canary, user.token(), ticket)) {
            assertThat(lines).noneMatch(line -> line.contains(secret));
        }
    }
}
