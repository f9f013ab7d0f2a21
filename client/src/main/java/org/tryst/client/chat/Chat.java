package org.tryst.client.chat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.tryst.client.Connection;
import org.tryst.client.TrystClient;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code tryst chat}: talk from a terminal, in public channels and in private scenes encrypted end to end. */
@CommandLine.Command(name = "tryst chat", mixinStandardHelpOptions = true, version = "Tryst chat 0.1.0",
        description = {"Chat from a terminal as one of your personas: public channels, and private scenes encrypted end to end.",
                "Logs in (or registers) with a username and password; type /help inside for the commands."})
public final class Chat implements Callable<Integer> {

    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "The Tryst server. Default: ${DEFAULT-VALUE}")
    URI server;

    @Option(names = "--data", paramLabel = "DIR", description = "Where this device keeps its keys and scene state. Default: ~/.tryst/USERNAME")
    Path data;

    @Option(names = "--user", paramLabel = "NAME", description = "Username; asked for when absent.")
    String user;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Chat()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().name("tryst").system(true).dumb(true).build()) {
            Optional<Login.Account> account = new Login(terminal, server).run(user);
            if (account.isEmpty()) return 1;
            Path dir = data != null ? data : Path.of(System.getProperty("user.home"), ".tryst", account.get().username());
            try (TrystClient client = TrystClient.open(server, account.get().token(), dir)) {
                talk(terminal, client, dir);
            } finally {
                endSession(account.get().token());
            }
            return 0;
        } catch (UserInterruptException | EndOfFileException gaveUp) {
            return 1;
        } catch (RuntimeException failure) {
            System.err.println(Errors.explain(failure));
            return 1;
        }
    }

    /** The session lives only as long as the chat: leaving it logs out, unless the server is gone already. */
    private void endSession(String token) {
        try {
            Connection.logout(server, token);
        } catch (RuntimeException unreachable) {
            // The server is down or the session already ended; it expires on its own.
        }
    }

    /**
     * Reads lines until /quit or Ctrl-D, while scene events and channel messages print above the
     * prompt; the device keeps its history of commands in {@code dir}. Public for tests that drive
     * the chat on a terminal in memory.
     */
    public static void talk(Terminal terminal, TrystClient client, Path dir) throws Exception {
        // Saying that the person types waits on the server: it runs on a thread of its own, which also keeps time.
        ScheduledExecutorService typing = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("tryst-typing").daemon().factory());
        AtomicReference<Shell> started = new AtomicReference<>();
        LineReaderImpl reader = new EditingReader(terminal, Map.of(LineReader.HISTORY_FILE, dir.resolve("history")),
                line -> later(typing, () -> {
                    Shell shell = started.get();
                    if (shell != null) shell.edited(line);
                }));
        reader.setParser(new DefaultParser().escapeChars(null));
        reader.setCompleter(Chat::complete);
        reader.setHistory(new CommandHistory());
        reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        TerminalScreen screen = new TerminalScreen(reader);
        Shell shell = Shell.create(new ClientBackend(client), screen, Clock.systemDefaultZone());
        Feeds feeds = Feeds.start(client, shell, () -> screen.refresh(shell.prompt(), shell.whoIsTyping()));
        try {
            shell.start();
            started.set(shell);
            typing.scheduleAtFixedRate(() -> {
                try {
                    shell.tick();
                    screen.refresh(shell.prompt(), shell.whoIsTyping());
                } catch (RuntimeException failed) {
                    // a failure that would stop the clock; the next second tries again
                }
            }, 1, 1, TimeUnit.SECONDS);
            readLines(screen, shell, typing);
        } finally {
            typing.shutdownNow();
            feeds.close();
            reader.getHistory().save();
        }
    }

    private static void readLines(TerminalScreen screen, Shell shell, ScheduledExecutorService typing) {
        while (true) {
            String line;
            try {
                line = screen.read(shell.prompt());
            } catch (UserInterruptException interrupted) {
                later(typing, shell::sent);
                continue; // Ctrl-C drops the line being typed, as in a shell
            } catch (EndOfFileException endOfInput) {
                return;
            }
            later(typing, shell::sent);
            if (line.isBlank()) continue;
            Command command = Commands.parse(line);
            shell.run(command);
            if (command instanceof Command.Quit) return;
        }
    }

    /** Hands work to the typing thread; once the chat is over, nobody types any more. */
    private static void later(ScheduledExecutorService typing, Runnable work) {
        try {
            typing.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException over) {
            // the chat is ending
        }
    }

    /** Completes command names; what follows them is free text or names only the server knows. */
    private static void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0) Commands.names().forEach(name -> candidates.add(new Candidate(name)));
    }
}
