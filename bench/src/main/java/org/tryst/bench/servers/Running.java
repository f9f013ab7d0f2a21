package org.tryst.bench.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.tryst.bench.wire.Dialect;

/**
 * A started server: its process, read through /proc for memory and CPU, and the dialect to speak
 * to it. Stopped by its own PID only.
 */
public final class Running implements AutoCloseable {
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final String name;
    private final long pid;
    private final Process process;
    private final Dialect dialect;
    private final HeapProbe heap;
    private final Path recording;
    /** Stops the server if the benchmark itself is stopped (Ctrl-C) before it could. */
    private final Thread stopOnExit;

    Running(String name, long pid, Process process, Dialect dialect, HeapProbe heap, Path recording) {
        this.name = name;
        this.pid = pid;
        this.process = process;
        this.dialect = dialect;
        this.heap = heap;
        this.recording = recording;
        this.stopOnExit = new Thread(() -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Where the server's flight recording will be once it has stopped, if it records one. */
    public Optional<Path> recording() {
        return Optional.ofNullable(recording);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return pid;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Resident memory of the server process, from /proc/PID/status. */
    public long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
        throw new IOException("no VmRSS for " + pid);
    }

    /** CPU time the server process has used, user and system, from /proc/PID/stat. */
    public long cpuNanos() throws IOException {
        return cpu().total();
    }

    /** CPU time the server process has used in its own code and in the kernel on its behalf. */
    public Cpu cpu() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long nanosPerTick = 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
        return new Cpu(Long.parseLong(fields[11]) * nanosPerTick, Long.parseLong(fields[12]) * nanosPerTick);
    }

    /** CPU nanoseconds in user space and in the kernel. */
    public record Cpu(long user, long system) {
        public long total() {
            return user + system;
        }

        /** The share of one core used since {@code before}, over {@code wallNanos}, as user and system. */
        public String since(Cpu before, long wallNanos) {
            return String.format(java.util.Locale.ROOT, "server cpu %.0f%% (user %.0f%%, kernel %.0f%%)",
                    100.0 * (total() - before.total()) / wallNanos,
                    100.0 * (user - before.user) / wallNanos, 100.0 * (system - before.system) / wallNanos);
        }
    }

    /** Heap in use after a full collection, where the runtime can be asked (the JVM); empty otherwise. */
    public OptionalLong heapAfterGc() throws IOException, InterruptedException {
        return heap.afterGc(pid);
    }

    @Override
    public void close() throws InterruptedException {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** How to measure a server's heap after a collection. */
    @FunctionalInterface
    interface HeapProbe {
        OptionalLong afterGc(long pid) throws IOException, InterruptedException;

        HeapProbe NONE = pid -> OptionalLong.empty();
    }
}
