package org.tryst.bench.servers;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tryst.bench.wire.TrystDialect;
import org.tryst.protocol.Codec;
import org.tryst.protocol.HttpApi;
import org.tryst.testkit.FreePorts;

/**
 * A build of Tryst, each process in its own JVM: this benchmark's own, from its class path, or
 * another named by {@code --tryst-build} (an older commit's server jar, say), so that two builds
 * compare in one run. {@link #start} runs one process with SQLite under the work directory. Rate
 * limits meant for people are lifted (the peers have none; telnet's connections per address and
 * login deadline too, since every load connection comes from loopback at once), and an account may have
 * {@link #PERSONAS_PER_ACCOUNT} personas, so that setting up thousands of connections takes
 * hundreds of Argon2id hashes rather than thousands (each costs a tenth of a second or more of
 * one core); everything else is the shipped default. Options are set as environment variables
 * whose names every build so far shares; a build that does not know one says so at start, and
 * is refused rather than measured with another configuration. With {@code recordings} set, each
 * process runs Java Flight Recorder and leaves its recording there when it stops.
 */
public record TrystTarget(String name, String classPath, List<String> jvmOptions, Path recordings) implements Target {
    static final int PERSONAS_PER_ACCOUNT = 100;
    private static final String UNLIMITED = "100000000";
    /** The most {@code telnet.connections_per_address} may be. */
    private static final String MOST_TELNET_CONNECTIONS_PER_ADDRESS = "10000";
    /**
     * The longest {@code telnet.login_timeout_seconds}: hundreds of telnet players logging in at
     * once queue for their Argon2id hashes for longer than a person takes to type a password.
     */
    private static final String LONGEST_TELNET_LOGIN = "3600";
    private static final Pattern HEAP_USED = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\".*} (\\S+)$", Pattern.MULTILINE);
    /** How many times a server is started on freshly picked ports when one of them was taken meanwhile. */
    private static final int PORT_ATTEMPTS = 3;
    /** What the server's log says when it could not bind a port. */
    private static final String ADDRESS_IN_USE = "Address already in use";
    /** How a server says at start that an environment variable names no option of its own. */
    private static final String UNKNOWN_OPTION = "is not an option and is ignored";

    /** The build this benchmark was built with, from its own class path. */
    public static TrystTarget thisBuild(List<String> jvmOptions, Path recordings) {
        return new TrystTarget("Tryst", ownClassPath(), jvmOptions, recordings);
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Running start(Path work, String cpus) throws IOException, InterruptedException {
        Instance tryst = launch(work, cpus, name(), Map.of());
        return new Running(name(), List.of(tryst.process()),
                new TrystDialect(List.of(tryst.port()), List.of(tryst.telnetPort()), PERSONAS_PER_ACCOUNT), tryst.heap(), tryst.recording());
    }

    /** One started server process: its HTTP and telnet ports, how to read its heap, and its flight recording if it makes one. */
    record Instance(StartedProcess process, int port, int telnetPort, Running.HeapProbe heap, Path recording) {}

    /**
     * Starts one process of this build, named {@code processName} in the report, with the
     * benchmark's options and then {@code options}, its data directory fresh under {@code work},
     * and waits until {@code /readyz} says it is ready (its database takes writes; in a cluster,
     * the bus is up).
     */
    Instance launch(Path work, String cpus, String processName, Map<String, String> options) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return launchOnce(work, cpus, processName, options);
            } catch (PortTaken taken) {
                if (attempt == PORT_ATTEMPTS) throw new IOException(taken.getMessage(), taken);
            }
        }
    }

    /**
     * A port picked free was taken by another program before the server bound it (other builds
     * and tests on the machine pick ports too): the server exited, and a fresh pick is tried.
     */
    private static final class PortTaken extends IOException {
        PortTaken(String message) {
            super(message);
        }
    }

    private Instance launchOnce(Path work, String cpus, String processName, Map<String, String> options) throws IOException, InterruptedException {
        int port = FreePorts.pick();
        int telnetPort = FreePorts.pick();
        int metricsPort = FreePorts.pick();
        Path data = Files.createTempDirectory(Files.createDirectories(work), "tryst-");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(jvmOptions);
        Path recording = recordings == null ? null : Files.createDirectories(recordings).resolve("tryst-" + port + ".jfr");
        if (recording != null) {
            command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
        }
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", classPath,
                "org.tryst.Main", "serve", "--http-port", Integer.toString(port), "--telnet-port", Integer.toString(telnetPort), "--data", data.toString()));
        Map<String, String> env = new HashMap<>(benchmarkOptions());
        env.put("TRYST_METRICS_LISTEN", "127.0.0.1:" + metricsPort);
        env.putAll(options);
        Path log = data.resolve("server.log");
        Process process = Launch.start(Launch.pinned(cpus, command), work, env, log);
        StartedProcess started = new StartedProcess(processName, process);
        HttpClient http = HttpClient.newHttpClient();
        try {
            Launch.await(process, log, 90, () -> ready(http, port));
        } catch (IOException failed) {
            if (!process.isAlive() && Files.readString(log).contains(ADDRESS_IN_USE)) throw new PortTaken(failed.getMessage());
            throw failed;
        }
        List<String> unknown = Files.readAllLines(log).stream().filter(line -> line.contains(UNKNOWN_OPTION)).toList();
        if (!unknown.isEmpty()) {
            started.stop();
            throw new IOException(name() + " does not know an option the benchmark sets: " + String.join("; ", unknown));
        }
        return new Instance(started, port, telnetPort, pid -> heapAfterGc(http, metricsPort, pid), recording);
    }

    private static Map<String, String> benchmarkOptions() {
        Map<String, String> env = new HashMap<>(Map.of(
                "TRYST_LOG_LEVEL", "warn",
                "TRYST_PERSONAS_MAX_PER_ACCOUNT", Integer.toString(PERSONAS_PER_ACCOUNT),
                "TRYST_ACCOUNTS_REGISTRATIONS_PER_ADDRESS", UNLIMITED,
                "TRYST_RATE_LIMITS_MESSAGES_PER_SECOND_PER_ACCOUNT", UNLIMITED,
                "TRYST_RATE_LIMITS_BURST_PER_ACCOUNT", UNLIMITED,
                "TRYST_RATE_LIMITS_MESSAGES_PER_SECOND_PER_ADDRESS", UNLIMITED,
                "TRYST_RATE_LIMITS_BURST_PER_ADDRESS", UNLIMITED,
                "TRYST_RATE_LIMITS_TICKETS_PER_MINUTE_PER_SESSION", UNLIMITED,
                "TRYST_TELNET_CONNECTIONS_PER_ADDRESS", MOST_TELNET_CONNECTIONS_PER_ADDRESS,
                "TRYST_TELNET_LOGIN_TIMEOUT_SECONDS", LONGEST_TELNET_LOGIN));
        for (String action : List.of("INVITATIONS_PER_HOUR", "CHANNEL_MESSAGES_PER_MINUTE", "REPORTS_PER_HOUR")) {
            env.put("TRYST_RATE_LIMITS_" + action + "_PER_ACCOUNT", UNLIMITED);
            env.put("TRYST_RATE_LIMITS_" + action + "_PER_ADDRESS", UNLIMITED);
        }
        return env;
    }

    /** This JVM's class path, made absolute because the server runs in another directory. */
    private static String ownClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean ready(HttpClient http, int port) throws InterruptedException {
        String answer = get(http, port, "/readyz");
        try {
            return !answer.isEmpty() && Codec.mapper().readValue(answer, HttpApi.Readiness.class).ready();
        } catch (IOException notYetAnAnswer) {
            return false;
        }
    }

    /** Asks the JVM for a full collection, then reads the heap in use from the server's own metrics listener. */
    private static OptionalLong heapAfterGc(HttpClient http, int metricsPort, long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (gc.waitFor() != 0) return OptionalLong.empty();
        Matcher used = HEAP_USED.matcher(get(http, metricsPort, "/metrics"));
        long total = 0;
        while (used.find()) total += (long) Double.parseDouble(used.group(1));
        return OptionalLong.of(total);
    }

    private static String get(HttpClient http, int port, String path) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body().strip();
        } catch (IOException notYet) {
            return "";
        }
    }
}
