package org.tryst.bench.servers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Starting server processes: pinned with taskset, output to a log file, ready when a line or a probe says so. */
final class Launch {
    private Launch() {}

    /** The command, prefixed with {@code taskset -c cpus} when cpus is given. */
    static List<String> pinned(String cpus, List<String> command) {
        List<String> full = new ArrayList<>();
        if (cpus != null) full.addAll(List.of("taskset", "-c", cpus));
        full.addAll(command);
        return full;
    }

    /** Starts the command with its output appended to {@code log}. */
    static Process start(List<String> command, Path directory, Map<String, String> env, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Starts the command and waits for a line of its output that matches, echoing all of it to {@code log}. */
    static Process startAndAwaitLine(List<String> command, Path directory, Map<String, String> env, Path log,
                                     Predicate<String> readyLine, CompletableFuture<String> matched) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        Thread.ofVirtual().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (!matched.isDone() && readyLine.test(line)) matched.complete(line);
                }
            } catch (IOException ignored) {
                // The process ended; whoever waits times out or sees it dead.
            }
            matched.completeExceptionally(new IOException("exited before it was ready; see " + log));
        });
        return process;
    }

    /** Waits until {@code probe} passes, failing when the process dies or time runs out. */
    static void await(Process process, Path log, long seconds, Probe probe) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("exited with " + process.exitValue() + "; see " + log);
            if (probe.passes()) return;
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IOException("not ready after " + seconds + " s; see " + log);
    }

    /** Whether something listens on the loopback port: a readiness check for servers that print nothing. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** A readiness check. */
    @FunctionalInterface
    interface Probe {
        boolean passes() throws InterruptedException;
    }
}
