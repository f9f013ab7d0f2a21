package org.tryst;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.accounts.Sessions;
import org.tryst.config.Config;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.safety.BucketStore;
import org.tryst.storage.Database;
import org.tryst.testkit.Wire;

/**
 * Two server processes on one PostgreSQL database, as behind a load balancer that sends each request
 * to either: a socket ticket fetched from one opens a socket on the other, once and within its life,
 * and a person's limits hold once across both, not once per process. The table of tickets holds
 * only their hashes, and nothing of a ticket once it is used or has expired.
 */
class SeveralProcessesTest {
    private static final MutableClock CLOCK = new MutableClock();
    private static final EmbeddedPostgres.Database DATABASE = EmbeddedPostgres.freshDatabase();
    private static final int LINES_PER_MINUTE = 4;
    private static final int TICKETS_PER_MINUTE = 3;
    private static final int LOGIN_FAILURES = 3;

    @RegisterExtension
    @Order(1)
    static final TestServer FIRST = process();
    @RegisterExtension
    @Order(2)
    static final TestServer SECOND = process();

    private static TestServer process() {
        return TestServer.postgresql(DATABASE).with(CLOCK)
                .with("TRYST_RATE_LIMITS_CHANNEL_MESSAGES_PER_MINUTE_PER_ACCOUNT", String.valueOf(LINES_PER_MINUTE))
                .with("TRYST_RATE_LIMITS_TICKETS_PER_MINUTE_PER_SESSION", String.valueOf(TICKETS_PER_MINUTE))
                .with("TRYST_ACCOUNTS_LOGIN_FAILURES_PER_ACCOUNT", String.valueOf(LOGIN_FAILURES));
    }

    @Test
    void aTicketFetchedFromOneProcessOpensASocketOnTheOtherOnlyOnce() throws SQLException {
        TestServer.User user = FIRST.register("roamer");
        String ticket = FIRST.ticket(user.token());
        assertThat(storedTickets(ticket)).as("only the ticket's hash is stored").isEqualTo(new Stored(1, 0));

        hello(SECOND, ticket).expect(ServerMessage.Welcome.class);
        assertThat(storedTickets(ticket)).isEqualTo(new Stored(0, 0));
        hello(SECOND, ticket).expectError("ticket_invalid");
        hello(FIRST, ticket).expectError("ticket_invalid");
    }

    @Test
    void ofTwoHellosWithOneTicketAtOnceOnTwoProcessesExactlyOneIsWelcomed() {
        TestServer.User user = FIRST.register("twice");
        String ticket = SECOND.ticket(user.token());
        Wire first = Wire.connect(FIRST.ws(), FIRST.origin());
        Wire second = Wire.connect(SECOND.ws(), SECOND.origin());
        first.send(new ClientMessage.Hello(first.nextId(), Codec.VERSION, ticket));
        second.send(new ClientMessage.Hello(second.nextId(), Codec.VERSION, ticket));

        List<ServerMessage> answers = List.of(first.expect(ServerMessage.class), second.expect(ServerMessage.class));
        assertThat(answers).filteredOn(ServerMessage.Welcome.class::isInstance).hasSize(1);
        assertThat(answers).filteredOn(ServerMessage.Error.class::isInstance).singleElement()
                .satisfies(error -> assertThat(((ServerMessage.Error) error).code()).isEqualTo("ticket_invalid"));
    }

    @Test
    void anExpiredTicketIsRefusedOnEitherProcess() {
        TestServer.User user = SECOND.register("late");
        String forFirst = SECOND.ticket(user.token());
        String forSecond = SECOND.ticket(user.token());
        CLOCK.advance(Duration.ofSeconds(61));

        hello(FIRST, forFirst).expectError("ticket_invalid");
        hello(SECOND, forSecond).expectError("ticket_invalid");
    }

    @Test
    void expiredTicketsThatNobodyRedeemedAreSwept() throws SQLException {
        TestServer.User user = FIRST.register("forgetful");
        String ticket = FIRST.ticket(user.token());
        CLOCK.advance(Duration.ofSeconds(61));
        Config config = SECOND.config();
        try (Database database = SECOND.openDatabase()) {
            new Sessions(database.sql(), config.accounts(), config.gateway(), config.rateLimits(), BucketStore.of(database, CLOCK), CLOCK)
                    .sweep();
        }
        assertThat(storedTickets(ticket)).isEqualTo(new Stored(0, 0));
    }

    @Test
    void aSessionsTicketsPerMinuteAreCountedOnceAcrossProcesses() {
        TestServer.User user = FIRST.register("fetcher");
        FIRST.ticket(user.token());
        SECOND.ticket(user.token());
        FIRST.ticket(user.token());

        for (TestServer process : List.of(SECOND, FIRST)) {
            HttpResponse<String> refused = process.post("/api/tickets", Map.of(), user.token());
            assertThat(refused.statusCode()).isEqualTo(429);
            ServerMessage.Error error = TestServer.read(refused.body(), ServerMessage.Error.class);
            assertThat(error.code()).isEqualTo("rate_limited");
            assertThat(error.retryAfterMs()).isPositive();
        }
    }

    @Test
    void anAccountsChannelLinesPerMinuteAreCountedOnceAcrossProcesses() {
        TestServer.User user = FIRST.register("talker");
        Wire onFirst = FIRST.connect(user);
        Views.Persona persona = TestServer.persona(onFirst, "Talker");
        String channel = "both" + persona.id().substring(0, 6).toLowerCase().replaceAll("[^a-z0-9]", "x");
        onFirst.send(new ClientMessage.ChannelCreate(onFirst.nextId(), persona.id(), channel, null));
        onFirst.expect(ServerMessage.ChannelJoined.class);
        Wire onSecond = SECOND.connect(user);

        // Three lines through the first process and one through the second spend the account's four.
        for (int i = 0; i < LINES_PER_MINUTE - 1; i++) say(onFirst, persona, channel, "line " + i).expect(ServerMessage.Sent.class);
        say(onSecond, persona, channel, "line on the second").expect(ServerMessage.Sent.class);

        for (Wire wire : List.of(onSecond, onFirst)) {
            ServerMessage.Error refused = say(wire, persona, channel, "one too many").expectError("rate_limited");
            assertThat(refused.retryAfterMs()).isPositive();
        }

        // Someone else speaks on as usual, through either process.
        TestServer.User other = SECOND.register("bystander");
        Wire bystander = SECOND.connect(other);
        Views.Persona calm = TestServer.persona(bystander, "Calm");
        bystander.send(new ClientMessage.ChannelJoin(bystander.nextId(), calm.id(), channel));
        bystander.expect(ServerMessage.ChannelJoined.class);
        say(bystander, calm, channel, "I am not slowed").expect(ServerMessage.Sent.class);
    }

    @Test
    void failedLoginsForOneNameAreCountedOnceAcrossProcesses() {
        TestServer.User user = FIRST.register("guessed");
        assertThat(login(FIRST, user.username(), "wrong guess 1").statusCode()).isEqualTo(401);
        assertThat(login(SECOND, user.username(), "wrong guess 2").statusCode()).isEqualTo(401);
        assertThat(login(FIRST, user.username(), "wrong guess 3").statusCode()).isEqualTo(401);

        for (TestServer process : List.of(SECOND, FIRST)) {
            HttpResponse<String> throttled = login(process, user.username(), user.password());
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(TestServer.read(throttled.body(), ServerMessage.Error.class).code()).isEqualTo("too_many_attempts");
        }
    }

    /** Rows of the ticket table that hold the ticket's SHA-256, and that hold the ticket itself. */
    private record Stored(int byHash, int inClear) {}

    private static Stored storedTickets(String ticket) throws SQLException {
        try (var connection = FIRST.database();
             var statement = connection.prepareStatement("SELECT ticket_hash FROM socket_tickets WHERE ticket_hash IN (?, ?)")) {
            statement.setString(1, sha256(ticket));
            statement.setString(2, ticket);
            int byHash = 0;
            int inClear = 0;
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1).equals(ticket)) inClear++;
                    else byHash++;
                }
            }
            return new Stored(byHash, inClear);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Wire hello(TestServer process, String ticket) {
        Wire wire = Wire.connect(process.ws(), process.origin());
        wire.send(new ClientMessage.Hello(wire.nextId(), Codec.VERSION, ticket));
        return wire;
    }

    private static Wire say(Wire wire, Views.Persona persona, String channel, String text) {
        wire.send(new ClientMessage.Say(wire.nextId(), persona.id(), channel, text));
        return wire;
    }

    private static HttpResponse<String> login(TestServer process, String username, String password) {
        return process.post("/api/login", Map.of("username", username, "password", password), null);
    }
}
