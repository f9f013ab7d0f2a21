package org.tryst.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nats-server on a free loopback port, for tests of the processes' bus: started, stopped and
 * started again on the same port, killed, or paused and resumed as an operator's mishap would.
 * Debian's package {@code nats-server} provides the binary.
 */
public final class NatsServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final Path binary;
    private final int port;
    private final List<String> options;
    private Process process;

    private NatsServer(Path binary, int port, List<String> options) {
        this.binary = binary;
        this.port = port;
        this.options = List.copyOf(options);
    }

    /** Starts a nats-server on a free port, with nats-server's own command-line options (authentication, TLS). */
    public static NatsServer start(String... options) {
        NatsServer server = new NatsServer(binary(), FreePorts.pick(), List.of(options));
        server.launch();
        return server;
    }

    /** Starts a nats-server on the given port, for a server that was told of it before it ran. */
    public static NatsServer startOn(int port) {
        NatsServer server = new NatsServer(binary(), port, List.of());
        server.launch();
        return server;
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** The address clients connect to. */
    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** Starts the server again on its port, after {@link #stop} or {@link #kill}. */
    public void startAgain() {
        launch();
    }

    private void launch() {
        try {
            List<String> command = new ArrayList<>(List.of(binary.toString(), "-a", "127.0.0.1", "-p", String.valueOf(port)));
            command.addAll(options);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!FreePorts.listening(port)) {
            if (!process.isAlive()) throw new IllegalStateException("nats-server exited at once with " + process.exitValue());
            if (System.nanoTime() > deadline) throw new IllegalStateException("nats-server did not listen within " + STARTUP);
            sleep(20);
        }
    }

    /** Stops the server as a service manager would (SIGTERM), and waits for it. */
    public void stop() {
        end(false);
    }

    /** Kills the server (SIGKILL). */
    public void kill() {
        end(true);
    }

    /** Freezes the server (SIGSTOP): its sockets stay open, and nothing answers. */
    public void pause() {
        signal("STOP");
    }

    /** Lets a frozen server go on (SIGCONT). */
    public void resume() {
        signal("CONT");
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            resume();
            kill();
        }
    }

    private void end(boolean forcibly) {
        if (forcibly) process.destroyForcibly();
        else process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signal(String name) {
        try {
            new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path binary() {
        return Executables.find("nats-server", "nats-server");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
