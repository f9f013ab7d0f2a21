package org.tryst.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tryst.bench.servers.ProsodyTarget;
import org.tryst.bench.servers.SocketIoTarget;
import picocli.CommandLine;

/**
 * The benchmark in smoke mode: every scenario runs end to end against real servers with tiny sizes,
 * so that it cannot rot. It checks that the load arrived and the report has every figure; it
 * asserts no timing (that is what the real run is for).
 */
class BenchSmokeTest {
    private static final Path PEERS = Path.of("peers").toAbsolutePath();
    /**
     * Under target/, not a private temporary folder: Prosody runs as its own user, which must be
     * able to reach its data folder.
     */
    private static final Path WORK = Path.of("target", "smoke").toAbsolutePath();

    @Test
    void everyScenarioRunsAgainstTryst() throws IOException {
        String report = run(WORK.resolve("tryst"), "tryst");
        assertThat(row(report, "connections held")).containsExactly("60");
        assertThat(row(report, "failed connections")).containsExactly("0");
        assertThat(row(report, "connections back")).containsExactly("40");
        assertThat(row(report, "errors while reconnecting")).containsExactly("0");
        assertThat(row(report, "deliveries/s at saturation").getFirst()).isNotEqualTo("–").isNotEqualTo("0");
        assertThat(row(report, "heap per connection after GC, KiB").getFirst()).isNotEqualTo("–");
        assertThat(row(report, "p99 ms at 50%").getFirst()).isNotEqualTo("–");
        assertScenesRelayed(report);
        assertClusterCompared(report);
        assertWorldCompared(report);
    }

    /**
     * The world's rooms of telnet and WebSocket players and the same shape of channels each carried
     * lines in one run (a step keeps up only when every player of both kinds heard every line), and
     * idle players over each transport were held and measured.
     */
    private static void assertWorldCompared(String report) {
        String world = section(report, "The text world:");
        assertThat(world).contains("5 of them over telnet and 5 over the WebSocket", "| metric | world | channels | world ÷ channels |");
        assertThat(row(world, "deliveries/s at saturation")).hasSize(3).doesNotContain("–", "0");
        assertThat(row(world, "connections dropped by the server")).startsWith("0", "0");
        String idle = section(report, "The text world, idle");
        assertThat(idle).contains("| metric | telnet | WebSocket | telnet ÷ WebSocket |");
        assertThat(row(idle, "connections held")).startsWith("20", "20");
        assertThat(row(idle, "failed connections")).startsWith("0", "0");
        assertThat(row(idle, "resident memory per connection, KiB").subList(0, 2)).doesNotContain("–");
        assertThat(row(idle, "heap per connection after GC, KiB").subList(0, 2)).doesNotContain("–");
    }

    @Test
    void anotherBuildOfTrystRunsBesideThisOneInTheSameRun() throws IOException {
        String report = run(WORK.resolve("builds"), "tryst", "--scenarios", "fanout,scenes",
                "--tryst-build", "Tryst@again=" + System.getProperty("java.class.path"));
        for (String title : List.of("Channel fan-out", "Scene relay, a scene's", "Scene relay, a channel of two")) {
            String table = section(report, title);
            assertThat(table).contains("| metric | Tryst | Tryst@again | Tryst ÷ Tryst@again |");
            assertThat(row(table, "deliveries/s at saturation")).hasSize(3).doesNotContain("–", "0");
        }
        assertScenesRelayed(report);
    }

    @Test
    void everyScenarioRunsAgainstThePeersInTheSameRun() throws IOException {
        assumeTrue(new SocketIoTarget(PEERS).available() && new ProsodyTarget(PEERS).available(),
                "the peers are not installed: bench/peers/install.sh (run by .ci/run) installs them");
        String report = run(WORK.resolve("all"), "tryst,socketio,prosody");
        assertThat(row(report, "connections held")).containsExactly("60", "60", "60", "1.00×", "1.00×");
        assertThat(row(report, "connections back")).startsWith("40", "40", "40");
        assertThat(row(report, "deliveries/s at saturation")).doesNotContain("–", "0");
        assertThat(row(report, "p99 ms at 50%").subList(0, 3)).doesNotContain("–");
        assertScenesRelayed(report);
    }

    /** The scene relay table has both of Tryst's paths, each of which kept up at some rate, and their ratio. */
    private static void assertScenesRelayed(String report) {
        String scenes = section(report, "Scene relay");
        assertThat(scenes).contains("| metric | scene | channel | scene ÷ channel |");
        assertThat(row(scenes, "deliveries/s at saturation").subList(0, 2)).doesNotContain("–", "0");
        assertThat(row(scenes, "p99 ms at 50%")).hasSize(3).doesNotContain("–");
        assertThat(row(scenes, "connections dropped by the server")).startsWith("0", "0");
    }

    private static String run(Path work, String systems, String... more) throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path out = work.resolve("report.md");
        List<String> arguments = new ArrayList<>(List.of("--smoke", "--systems", systems, "--server-cpus", "all",
                "--peers", PEERS.toString(), "--work", work.resolve("servers").toString(), "--out", out.toString()));
        arguments.addAll(List.of(more));
        int exit = new CommandLine(new Bench(new PrintStream(console, true, StandardCharsets.UTF_8))).execute(arguments.toArray(String[]::new));
        assertThat(exit).as(console.toString(StandardCharsets.UTF_8)).isZero();
        return Files.readString(out);
    }

    /** The report's table whose title starts with {@code title}. */
    private static String section(String report, String title) {
        int start = report.indexOf("### " + title);
        assertThat(start).as("a table '" + title + "' in\n" + report).isNotNegative();
        int end = report.indexOf("### ", start + 4);
        return report.substring(start, end < 0 ? report.length() : end);
    }

    /**
     * The cross-process table has two processes against one, both of which kept up at some rate,
     * with a CPU row for each process, nats-server and PostgreSQL; the second process and NATS are
     * the first column's only.
     */
    private static void assertClusterCompared(String report) {
        String cluster = section(report, "Cross-process fan-out");
        assertThat(cluster).contains("| metric | 2 processes | 1 process | 2 processes ÷ 1 process |");
        assertThat(row(cluster, "deliveries/s at saturation")).hasSize(3).doesNotContain("–", "0");
        assertThat(row(cluster, "p99 ms at 50%").subList(0, 2)).doesNotContain("–");
        for (String process : List.of("Tryst 1", "PostgreSQL")) {
            assertThat(row(cluster, process + " CPU µs per delivery at 50%").subList(0, 2)).doesNotContain("–");
        }
        for (String process : List.of("Tryst 2", "nats-server")) {
            assertThat(row(cluster, process + " CPU µs per delivery at 50%")).hasSize(2).first().isNotEqualTo("–");
            assertThat(row(cluster, process + " CPU µs per delivery at 50%")).last().isEqualTo("–");
        }
        assertThat(row(cluster, "connections dropped by the server")).startsWith("0", "0");
    }

    /** The cells of the first report row whose metric is {@code metric}. */
    private static List<String> row(String report, String metric) {
        return report.lines().filter(line -> line.startsWith("| " + metric + " |")).findFirst()
                .map(line -> List.of(line.substring(line.indexOf('|', 2) + 1).split("\\|")).stream()
                        .map(String::strip).filter(cell -> !cell.isEmpty()).toList())
                .orElseThrow(() -> new AssertionError("no row '" + metric + "' in\n" + report));
    }
}
