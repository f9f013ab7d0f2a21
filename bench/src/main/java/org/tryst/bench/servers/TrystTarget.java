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
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tryst.bench.wire.TrystDialect;
import org.tryst.testkit.FreePorts;

/**
 * Tryst, started from this class path in its own JVM with SQLite under the work directory. Rate
 * limits meant for people are lifted (the peers have none), and an account may have
 * {@link #PERSONAS_PER_ACCOUNT} personas, so that setting up thousands of connections takes
 * hundreds of Argon2id hashes rather than thousands (each costs a tenth of a second or more of
 * one core); everything else is the shipped default. With {@code recordings} set, each
 * instance runs Java Flight Recorder and leaves its recording there when it stops.
 */
public record TrystTarget(List<String> jvmOptions, Path recordings) implements Target {
    static final int PERSONAS_PER_ACCOUNT = 100;
    private static final String UNLIMITED = "100000000";
    private static final Pattern HEAP_USED = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\".*} (\\S+)$", Pattern.MULTILINE);

    @Override
    public String name() {
        return "Tryst";
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Running start(Path work, String cpus) throws IOException, InterruptedException {
        int port = FreePorts.pick();
        int metricsPort = FreePorts.pick();
        Path data = Files.createTempDirectory(Files.createDirectories(work), "tryst-");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(jvmOptions);
        Path recording = recordings == null ? null : Files.createDirectories(recordings).resolve("tryst-" + port + ".jfr");
        if (recording != null) {
            command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
        }
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", classPath(),
                "org.tryst.Main", "serve", "--http-port", Integer.toString(port), "--data", data.toString()));
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "TRYST_LOG_LEVEL", "warn",
                "TRYST_METRICS_LISTEN", "127.0.0.1:" + metricsPort,
                "TRYST_PERSONAS_MAX_PER_ACCOUNT", Integer.toString(PERSONAS_PER_ACCOUNT),
                "TRYST_ACCOUNTS_REGISTRATIONS_PER_ADDRESS", UNLIMITED,
                "TRYST_RATE_LIMITS_MESSAGES_PER_SECOND_PER_ACCOUNT", UNLIMITED,
                "TRYST_RATE_LIMITS_BURST_PER_ACCOUNT", UNLIMITED,
                "TRYST_RATE_LIMITS_MESSAGES_PER_SECOND_PER_ADDRESS", UNLIMITED,
                "TRYST_RATE_LIMITS_BURST_PER_ADDRESS", UNLIMITED,
                "TRYST_RATE_LIMITS_TICKETS_PER_MINUTE_PER_SESSION", UNLIMITED));
        for (String action : List.of("INVITATIONS_PER_HOUR", "CHANNEL_MESSAGES_PER_MINUTE", "REPORTS_PER_HOUR")) {
            env.put("TRYST_RATE_LIMITS_" + action + "_PER_ACCOUNT", UNLIMITED);
            env.put("TRYST_RATE_LIMITS_" + action + "_PER_ADDRESS", UNLIMITED);
        }
        Path log = data.resolve("server.log");
        Process process = Launch.start(Launch.pinned(cpus, command), work, env, log);
        HttpClient http = HttpClient.newHttpClient();
        Launch.await(process, log, 60, () -> get(http, port, "/healthz").equals("ok"));
        return new Running(name(), process.pid(), process, new TrystDialect(port, PERSONAS_PER_ACCOUNT),
                pid -> heapAfterGc(http, metricsPort, pid), recording);
    }

    /** This JVM's class path, made absolute because the server runs in another directory. */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
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
