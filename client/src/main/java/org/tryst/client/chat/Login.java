package org.tryst.client.chat;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.tryst.client.Connection;
import org.tryst.protocol.HttpApi;

/**
 * Asks who the person is and logs in, or registers a new account once they confirm being an
 * adult. The session token is kept in memory only; nothing typed here enters any history.
 */
final class Login {
    /** Typed passwords show nothing at all, not a star a character that tells an onlooker their length. */
    private static final char HIDDEN = LineReaderImpl.NULL_MASK;
    private static final Set<String> PASSWORD_RULES = Set.of("password_common", "password_length");

    /** A logged-in account: its username (as the server folds it) and session token. */
    record Account(String username, String token) {}

    private final LineReader reader;
    private final Terminal terminal;
    private final URI server;

    Login(Terminal terminal, URI server) {
        this.terminal = terminal;
        this.server = server;
        this.reader = LineReaderBuilder.builder().terminal(terminal).variable(LineReader.DISABLE_HISTORY, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
    }

    /** Logs in as the given username, or asks for one; empty when the person gives up or cannot get in. */
    Optional<Account> run(String given) {
        String username = (given != null ? given : ask("Username: ")).toLowerCase(Locale.ROOT);
        while (true) {
            String password = reader.readLine("Password: ", HIDDEN);
            Connection.LoginStep step;
            try {
                step = Connection.login(server, username, password);
            } catch (RuntimeException failure) {
                if (!Errors.code(failure).equals("invalid_credentials")) return failed(failure);
                step = null;
            }
            switch (step) {
                case Connection.LoginStep.In in -> {
                    return Optional.of(new Account(username, in.token()));
                }
                case Connection.LoginStep.CodeNeeded waiting -> {
                    return withCode(username, waiting.pending());
                }
                case null -> { }
            }
            say("Wrong username or password, or no account of that name.");
            if (yes("Register a new account named " + username + "? [y/N] ")) return register(username, password);
        }
    }

    /** The second step: a code from the app, or a recovery code; a wrong one may be typed again while the log-in waits. */
    private Optional<Account> withCode(String username, String pending) {
        while (true) {
            String code = ask("Code from your authenticator app (or a recovery code): ");
            try {
                return Optional.of(new Account(username, Connection.loginWithCode(server, pending, code)));
            } catch (RuntimeException failure) {
                if (!Errors.code(failure).equals("wrong_code")) return failed(failure);
                say(Errors.explain(failure));
            }
        }
    }

    private Optional<Account> register(String username, String password) {
        if (!yes("Tryst is for adults only. Are you 18 or older? [y/N] ")) {
            say("Then Tryst is not for you yet.");
            return Optional.empty();
        }
        String chosen = password;
        while (true) {
            if (reader.readLine("Password again: ", HIDDEN).equals(chosen)) {
                try {
                    HttpApi.LoggedIn registered = Connection.register(server, username, chosen);
                    showRecoveryCodes(registered.recoveryCodes());
                    return Optional.of(new Account(username, registered.token()));
                } catch (RuntimeException failure) {
                    if (!PASSWORD_RULES.contains(Errors.code(failure))) return failed(failure);
                    say(Errors.explain(failure));
                }
            } else {
                say("The two passwords differ.");
            }
            chosen = reader.readLine("Choose a password (8 to 1,024 characters): ", HIDDEN);
        }
    }

    /** The codes are shown this once: the person writes them down before going on. */
    private void showRecoveryCodes(java.util.List<String> codes) {
        if (codes == null || codes.isEmpty()) return;
        say("Your recovery codes. Each one, once, sets a new password if you forget yours, or stands in for");
        say("your authenticator app. Write them down or keep them in a password manager; they are not shown again:");
        for (int i = 0; i < codes.size(); i += 2) say("  " + String.join("    ", codes.subList(i, Math.min(codes.size(), i + 2))));
        reader.readLine("Press Enter once they are kept safe. ");
    }

    private Optional<Account> failed(RuntimeException failure) {
        say(Errors.explain(failure));
        return Optional.empty();
    }

    private String ask(String prompt) {
        String answer = "";
        while (answer.isBlank()) answer = reader.readLine(prompt).strip();
        return answer;
    }

    private boolean yes(String prompt) {
        return reader.readLine(prompt).strip().toLowerCase(Locale.ROOT).startsWith("y");
    }

    private void say(String line) {
        terminal.writer().println(TerminalText.printable(line));
        terminal.flush();
    }
}
