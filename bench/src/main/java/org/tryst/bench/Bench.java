package org.tryst.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tryst.bench.scenario.ClusterFanout;
import org.tryst.bench.scenario.Context;
import org.tryst.bench.scenario.Fanout;
import org.tryst.bench.scenario.Idle;
import org.tryst.bench.scenario.Reconnect;
import org.tryst.bench.scenario.SceneRelay;
import org.tryst.bench.scenario.Sizes;
import org.tryst.bench.scenario.Table;
import org.tryst.bench.scenario.WorldRooms;
import org.tryst.bench.servers.ProsodyTarget;
import org.tryst.bench.servers.SocketIoTarget;
import org.tryst.bench.servers.Target;
import org.tryst.bench.servers.TrystCluster;
import org.tryst.bench.servers.TrystTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs Tryst and its peers (or other builds of Tryst) under the same load in one run and prints, per
 * scenario, each system's figures and Tryst's ratio to each other. Only ratios from one run compare:
 * these machines are shared.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks Tryst side by side with Prosody and a Socket.IO chat server, its scene relay against its own channels, "
                + "two processes against one, and this build against others.")
public final class Bench implements Callable<Integer> {
    @Option(names = "--systems", split = ",", description = "Systems to run: tryst, socketio, prosody (default: all).")
    List<String> systems = List.of("tryst", "socketio", "prosody");

    @Option(names = "--scenarios", split = ",", description = "Scenarios: idle, fanout, scenes (Tryst only: its scene relay against its channels), "
            + "reconnect, cluster (Tryst only: fan-out over two processes on PostgreSQL and NATS against one), world (Tryst only: the text "
            + "world's rooms, of telnet and WebSocket players, against channels of the same size, and an idle player's memory over "
            + "each) (default: all).")
    List<String> scenarios = List.of("idle", "fanout", "scenes", "reconnect", "cluster", "world");

    @Option(names = "--idle", split = ",", description = "Idle connection counts (default: 10000; up to about 19000 where a process may open 20,000 files).")
    List<Integer> idle = List.of(10_000);

    @Option(names = "--rooms", description = "Fan-out rooms (default: 100).")
    int rooms = 100;

    @Option(names = "--members", description = "Fan-out members per room (default: 50).")
    int members = 50;

    @Option(names = "--pairs", description = "Scene relay: one-way pairs, each in its own scene and its own channel of two (default: 100).")
    int pairs = 100;

    @Option(names = "--reconnect", description = "Connections in the reconnect storm (default: 5000).")
    int reconnect = 5_000;

    @Option(names = "--telnet-share", description = "World: the share of each room's players who play over telnet, 0 to 1 (default: 0.5).")
    double telnetShare = 0.5;

    @Option(names = "--world-idle", description = "World: idle players measured over each transport (default: 1000; each telnet login "
            + "is an Argon2id hash on the server).")
    int worldIdle = 1_000;

    @Option(names = "--server-cpus", description = "taskset CPU list for servers, 'all' for no pinning (default: 0).")
    String serverCpus = "0";

    @Option(names = "--tryst-build", paramLabel = "NAME=CLASSPATH", description = "Another build of Tryst to run beside this one, as a "
            + "system NAME, from CLASSPATH (a server jar, which names its lib/ in its manifest); repeatable. bench/run --baseline REF builds one.")
    Map<String, String> builds = new LinkedHashMap<>();

    @Option(names = "--tryst-jvm", split = " ", description = "JVM options for Tryst (bench/run passes server/jvm.options, as ./tryst does).")
    List<String> trystJvm = List.of();

    @Option(names = "--peers", description = "The peers' folder (default: bench/peers).")
    Path peers = Path.of("bench/peers");

    @Option(names = "--work", description = "Where servers keep state and logs (default: bench/target/work).")
    Path work = Path.of("bench/target/work");

    @Option(names = "--out", description = "Where the report is written as Markdown (default: bench/target/report.md).")
    Path out = Path.of("bench/target/report.md");

    @Option(names = "--profile", description = "Record Tryst with Java Flight Recorder and add its top frames to the fan-out and scene relay tables.")
    boolean profile;

    @Option(names = "--smoke", description = "Tiny sizes and short steps: checks that everything runs, measures nothing.")
    boolean smoke;

    private final PrintStream console;

    Bench(PrintStream console) {
        this.console = console;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench(System.out)).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Target> targets = targets();
        Sizes sizes = smoke ? Sizes.smoke() : Sizes.full(idle, rooms, members, pairs, reconnect, worldIdle);
        String cpus = serverCpus.equals("all") ? null : serverCpus;
        Context context = new Context(work.toAbsolutePath(), cpus, console);
        List<Table> tables = new ArrayList<>();
        for (String scenario : scenarios) {
            switch (scenario) {
                case "idle" -> tables.addAll(Idle.run(targets, sizes, context));
                case "fanout" -> tables.add(Fanout.run(targets, sizes, context));
                case "scenes" -> tables.addAll(SceneRelay.run(trystBuilds(targets), sizes, context));
                case "reconnect" -> tables.add(Reconnect.run(targets, sizes, context));
                case "cluster" -> tables.add(ClusterFanout.run(trystBuilds(targets).getFirst(), sizes, context));
                case "world" -> tables.addAll(WorldRooms.run(trystBuilds(targets).getFirst(), sizes, telnetShare, context));
                default -> throw refused("no scenario " + scenario);
            }
        }
        StringBuilder report = new StringBuilder(Machine.describe().markdown(commandLine(), cpus)).append('\n');
        tables.forEach(table -> report.append(table.markdown()));
        console.println();
        console.print(report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        return 0;
    }

    /** The systems in the order given, each other build of Tryst right after this one. */
    private List<Target> targets() {
        Path recordings = profile ? work.toAbsolutePath().resolve("recordings") : null;
        List<Target> chosen = new ArrayList<>();
        for (String system : systems) {
            switch (system) {
                case "tryst" -> {
                    chosen.add(TrystTarget.thisBuild(trystJvm, recordings));
                    builds.forEach((name, classPath) -> chosen.add(new TrystTarget(name, classPath, trystJvm, recordings)));
                }
                case "socketio" -> chosen.add(new SocketIoTarget(peers.toAbsolutePath()));
                case "prosody" -> chosen.add(new ProsodyTarget(peers.toAbsolutePath()));
                default -> throw refused("no system " + system);
            }
        }
        for (Target target : chosen) {
            if (!target.available()) throw refused(target.name() + " is not installed here; run bench/peers/install.sh first");
        }
        if (!(chosen.getFirst() instanceof TrystTarget)) throw refused("tryst comes first: ratios are Tryst's to each peer");
        if (!(telnetShare >= 0 && telnetShare <= 1)) throw refused("--telnet-share is a share from 0 to 1, not " + telnetShare);
        if (worldIdle < 1) throw refused("--world-idle needs at least one player, not " + worldIdle);
        if (!builds.isEmpty() && !systems.contains("tryst")) throw refused("--tryst-build runs beside tryst, which --systems leaves out");
        if (scenarios.contains("cluster") && !new TrystCluster(trystBuilds(chosen).getFirst(), 2).available()) {
            throw refused("the cluster scenario needs nats-server, which is not installed here; run bench/peers/install.sh first");
        }
        return chosen;
    }

    /** The builds of Tryst among the systems, this one first. */
    private static List<TrystTarget> trystBuilds(List<Target> targets) {
        return targets.stream().filter(TrystTarget.class::isInstance).map(TrystTarget.class::cast).toList();
    }

    private CommandLine.ParameterException refused(String why) {
        return new CommandLine.ParameterException(new CommandLine(this), why);
    }

    private static String commandLine() {
        var info = ProcessHandle.current().info();
        return "bench/run " + String.join(" ", info.arguments().map(List::of).orElse(List.of()).stream()
                .dropWhile(argument -> !argument.equals(Bench.class.getName()) && !argument.endsWith(".jar")).skip(1).toList());
    }
}
