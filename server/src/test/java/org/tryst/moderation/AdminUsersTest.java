package org.tryst.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.CloseCodes;
import org.tryst.protocol.HttpApi;
import org.tryst.protocol.ServerMessage;
import org.tryst.testkit.Wire;

/**
 * {@code ./tryst admin users} as an operator runs it beside a running server: accounts listed and
 * shown without what their people keep private, an account made and a password reset by a one-time
 * code the person uses themselves, sessions ended, an account deleted by the running server, and
 * each change in the audit log.
 */
class AdminUsersTest {
    private static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final TestServer server = TestServer.sqlite().with(CLOCK).with("TRYST_MODERATION_SWEEP_SECONDS", "1");

    private static final Pattern CODE = Pattern.compile("\\n {4}([0-9a-z]{4}(?:-[0-9a-z]{4}){3})\\n");
    private static final String CHOSEN = "a passphrase the person chose";

    /** What a command printed, and its exit code. */
    record Ran(int exit, String out) {
        String code() {
            Matcher code = CODE.matcher(out);
            assertThat(code.find()).as(out).isTrue();
            return code.group(1);
        }
    }

    static synchronized Ran admin(String... args) {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = server.admin(args);
            return new Ran(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(before);
        }
    }

    @Test
    void anAccountMadeByTheOperatorGetsItsPasswordFromItsPersonThroughAOneTimeCode() {
        String username = TestServer.uniqueName("made");
        Ran made = admin("users", "create", username);
        assertThat(made.exit()).as(made.out()).isZero();
        String code = made.code();
        assertThat(login(username, CHOSEN).statusCode()).as("no password until the person sets one").isEqualTo(401);

        HttpResponse<String> set = recover(username, code, CHOSEN);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(login(username, CHOSEN).statusCode()).isEqualTo(200);
        assertThat(recover(username, code, "yet another passphrase").statusCode()).as("the code works once").isEqualTo(401);
        assertThat(admin("users", "create", username).exit()).as("taken").isEqualTo(1);

        Ran shown = admin("users", "show", username);
        assertThat(shown.out()).contains("username:        " + username).contains("adult:           operator: command line")
                .contains("second factor:   none").doesNotContain(CHOSEN);
        assertThat(admin("audit").out()).contains("create account  account " + username);
    }

    @Test
    void aResetEndsEverySessionAndItsCodeEndsAfterADay() {
        TestServer.User user = server.register("resetting");
        Wire open = server.connect(user);
        Ran reset = admin("users", "reset-password", user.username(), "--reason", "asked by mail from the address on file");
        assertThat(reset.exit()).isZero();
        assertThat(reset.out()).doesNotContain(user.password());
        assertThat(server.post("/api/tickets", Map.of(), user.token()).statusCode()).as("the session is over at once").isEqualTo(401);
        assertThat(open.closeCode(Duration.ofSeconds(45))).as("its socket closes at the next sweep").isEqualTo(CloseCodes.SESSION_ENDED);
        assertThat(admin("audit").out()).contains("reset password  account " + user.username() + "  asked by mail");

        assertThat(recover(user.username(), reset.code(), CHOSEN).statusCode()).isEqualTo(200);
        String late = admin("users", "reset-password", user.username()).code();
        CLOCK.advance(Duration.ofHours(25));
        assertThat(recover(user.username(), late, "a later passphrase of theirs").statusCode()).as("a day later").isEqualTo(401);
        assertThat(login(user.username(), CHOSEN).statusCode()).isEqualTo(200);
    }

    @Test
    void sessionsAreListedAndEnded() {
        TestServer.User user = server.register("sessioned");
        Ran listed = admin("users", "sessions", user.username());
        assertThat(listed.out()).contains(user.session()).contains("since");
        Ran ended = admin("users", "sessions", user.username(), "--end");
        assertThat(ended.out()).contains("ended 1 sessions of " + user.username());
        assertThat(admin("users", "sessions", user.username()).out()).contains("has no sessions");
        assertThat(admin("users", "list", "--search", user.username()).out()).contains(user.username()).contains("member");
        assertThat(admin("users", "sessions", "nobody-at-all").exit()).isEqualTo(1);
    }

    @Test
    void aDeletedAccountGoesWithItsPersonasOnTheRunningServer() {
        TestServer.User user = server.register("deleted");
        Wire wire = server.connect(user);
        String persona = TestServer.persona(wire, "Gone").name();
        TestServer.User other = server.register("watcher");
        Wire watcher = server.connect(other);

        assertThat(admin("users", "delete", user.username()).exit()).as("--yes is required").isEqualTo(2);
        assertThat(admin("users", "delete", user.username(), "--yes", "--reason", "the person asked").exit()).isZero();
        assertThat(wire.closeCode(Duration.ofSeconds(45))).isEqualTo(CloseCodes.SESSION_ENDED);
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (admin("users", "show", user.username()).exit() == 0 && System.nanoTime() < until) Thread.onSpinWait();
        assertThat(admin("users", "show", user.username()).out()).contains("no account named");
        assertThat(login(user.username(), user.password()).statusCode()).isEqualTo(401);
        watcher.send(new ClientMessage.PersonaShow(watcher.nextId(), persona));
        assertThat(watcher.expect(ServerMessage.Error.class).code()).isEqualTo("not_found");
        assertThat(admin("audit").out()).contains("delete account  account " + user.username() + "  the person asked");
    }

    private static HttpResponse<String> login(String username, String password) {
        return server.post("/api/login", new HttpApi.Login(username, password), null);
    }

    private static HttpResponse<String> recover(String username, String code, String password) {
        return server.post("/api/recover", Map.of("username", username, "code", code, "password", password), null);
    }
}
