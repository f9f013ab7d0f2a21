package org.tryst.bench.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.tryst.bench.wire.Dialect;

/**
 * A started system: its processes (one server, or several Tryst processes with the nats-server and
 * PostgreSQL they share), read through /proc for memory and CPU, and the dialect to speak to it.
 * The first process is the one clients reach first; memory and heap are its. Stopped by their own
 * PIDs only, in order.
 */
public final class Running implements AutoCloseable {
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final String name;
    private final List<ServerProcess> processes;
    private final Dialect dialect;
    private final HeapProbe heap;
    private final Path recording;
    /** Stops the processes if the benchmark itself is stopped (Ctrl-C) before it could. */
    private final Thread stopOnExit;

    Running(String name, List<ServerProcess> processes, Dialect dialect, HeapProbe heap, Path recording) {
        this.name = name;
        this.processes = List.copyOf(processes);
        this.dialect = dialect;
        this.heap = heap;
        this.recording = recording;
        this.stopOnExit = new Thread(() -> this.processes.forEach(ServerProcess::kill));
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Where the first process's flight recording will be once it has stopped, if it records one. */
    public Optional<Path> recording() {
        return Optional.ofNullable(recording);
    }

    public String name() {
        return name;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Resident memory of the first process, from /proc/PID/status. */
    public long rssBytes() throws IOException {
        long pid = processes.getFirst().pid();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
        throw new IOException("no VmRSS for " + pid);
    }

    /** CPU time all the processes have used, user and system. */
    public long cpuNanos() throws IOException {
        return cpu().total().total();
    }

    /** CPU time each process has used so far. */
    public Usage cpu() throws IOException {
        Map<String, Cpu> byProcess = new LinkedHashMap<>();
        for (ServerProcess process : processes) byProcess.put(process.name(), process.cpu());
        return new Usage(byProcess);
    }

    /** CPU nanoseconds in user space and in the kernel. */
    public record Cpu(long user, long system) {
        /**
         * A process's CPU time from /proc/PID/stat; with {@code reapedChildren}, plus what its
         * children that have exited used (a server that forks a process per connection).
         */
        static Cpu of(long pid, boolean reapedChildren) throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long nanosPerTick = 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
            long user = Long.parseLong(fields[11]) + (reapedChildren ? Long.parseLong(fields[13]) : 0);
            long system = Long.parseLong(fields[12]) + (reapedChildren ? Long.parseLong(fields[14]) : 0);
            return new Cpu(user * nanosPerTick, system * nanosPerTick);
        }

        public long total() {
            return user + system;
        }

        Cpu plus(Cpu other) {
            return new Cpu(user + other.user, system + other.system);
        }
    }

    /** The CPU time each of a system's processes had used at one moment, by name in start order. */
    public record Usage(Map<String, Cpu> byProcess) {
        public Cpu total() {
            return byProcess.values().stream().reduce(new Cpu(0, 0), Cpu::plus);
        }

        /** CPU nanoseconds each process used since {@code before}. */
        public Map<String, Long> nanosSince(Usage before) {
            Map<String, Long> used = new LinkedHashMap<>();
            byProcess.forEach((process, cpu) -> used.put(process, cpu.total() - before.byProcess.get(process).total()));
            return used;
        }

        /**
         * The share of one core used since {@code before}, over {@code wallNanos}, as user and system,
         * and each process's when there are several.
         */
        public String since(Usage before, long wallNanos) {
            Cpu now = total();
            Cpu then = before.total();
            String all = String.format(Locale.ROOT, "server cpu %.0f%% (user %.0f%%, kernel %.0f%%)",
                    100.0 * (now.total() - then.total()) / wallNanos,
                    100.0 * (now.user - then.user) / wallNanos, 100.0 * (now.system - then.system) / wallNanos);
            if (byProcess.size() == 1) return all;
            return all + nanosSince(before).entrySet().stream()
                    .map(used -> String.format(Locale.ROOT, "%s %.0f%%", used.getKey(), 100.0 * used.getValue() / wallNanos))
                    .collect(Collectors.joining(", ", " [", "]"));
        }
    }

    /** Heap in use after a full collection in the first process, where the runtime can be asked (the JVM); empty otherwise. */
    public OptionalLong heapAfterGc() throws IOException, InterruptedException {
        return heap.afterGc(processes.getFirst().pid());
    }

    @Override
    public void close() throws InterruptedException {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        for (ServerProcess process : processes) {
            try {
                process.stop();
            } catch (InterruptedException stopped) {
                processes.forEach(ServerProcess::kill);
                throw stopped;
            }
        }
    }

    /** How to measure a server's heap after a collection. */
    @FunctionalInterface
    interface HeapProbe {
        OptionalLong afterGc(long pid) throws IOException, InterruptedException;

        HeapProbe NONE = pid -> OptionalLong.empty();
    }
}
