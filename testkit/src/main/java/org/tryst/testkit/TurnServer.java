package org.tryst.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real coturn on a free loopback port, for tests of calls relayed as an operator would run them:
 * the TURN REST scheme (use-auth-secret with a static secret, so that the server hands out
 * credentials that expire), relaying on loopback only, no TLS, no CLI. Debian's package
 * {@code coturn} provides the binary; its log is kept in memory for the test to read.
 */
public final class TurnServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(10);
    private static final String REALM = "tryst.test";

    private final int port;
    private final String secret;
    private final Path directory;
    private final Process process;
    private final List<String> log = new ArrayList<>();

    private TurnServer(int port, String secret, Path directory, Process process) {
        this.port = port;
        this.secret = secret;
        this.directory = directory;
        this.process = process;
        Thread.ofVirtual().start(this::readLog);
    }

    /** Starts coturn on a free port, accepting credentials made with this shared secret. */
    public static TurnServer start(String secret) {
        Path binary = Executables.find("turnserver", "coturn");
        int port = FreePorts.pick();
        try {
            Path directory = Files.createTempDirectory("tryst-turn");
            List<String> command = List.of(binary.toString(), "-n",
                    "--listening-ip", "127.0.0.1", "--relay-ip", "127.0.0.1", "--listening-port", String.valueOf(port),
                    "--use-auth-secret", "--static-auth-secret", secret, "--realm", REALM,
                    // Both partners of a test are on this machine: without it coturn refuses to relay to them.
                    "--allow-loopback-peers",
                    "--no-tls", "--no-dtls", "--no-cli", "--log-file", "stdout", "--simple-log",
                    "--pidfile", directory.resolve("turnserver.pid").toString(), "--userdb", directory.resolve("turndb").toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            TurnServer server = new TurnServer(port, secret, directory, process);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
    }

    /** The URL Tryst hands to browsers, over UDP. */
    public String url() {
        return "turn:127.0.0.1:" + port + "?transport=udp";
    }

    public String secret() {
        return secret;
    }

    /** What coturn logged so far, one line each. */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readLog() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                synchronized (this) {
                    log.add(line);
                }
            }
        } catch (IOException closed) {
            // The process ended; what it said is kept.
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!FreePorts.listening(port)) {
            if (!process.isAlive()) throw new IllegalStateException("turnserver exited at once with " + process.exitValue() + ": " + log());
            if (System.nanoTime() > deadline) throw new IllegalStateException("turnserver did not listen within " + STARTUP + ": " + log());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
