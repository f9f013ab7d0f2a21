package org.tryst.bench.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.tryst.testkit.FreePorts;

/** A core nats-server (Debian's package) on a free loopback port, started by the benchmark for the processes of one run. */
record Nats(StartedProcess process, int port) {
    /** Starts one on {@code cpus}, with its log under {@code work}, and waits until it accepts connections. */
    static Nats start(Path work, String cpus) throws IOException, InterruptedException {
        Path binary = binary().orElseThrow(() -> new IOException("nats-server is not installed; run bench/peers/install.sh"));
        int port = FreePorts.pick();
        Path log = Files.createDirectories(work).resolve("nats-" + port + ".log");
        Process process = Launch.start(Launch.pinned(cpus, List.of(binary.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port))),
                work, Map.of(), log);
        Launch.await(process, log, 30, () -> Launch.accepts(port));
        return new Nats(new StartedProcess("nats-server", process), port);
    }

    String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** The nats-server on the PATH, or where Debian's package puts it when /usr/sbin is not on the PATH. */
    static Optional<Path> binary() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")), Stream.of("/usr/sbin"))
                .filter(folder -> !folder.isEmpty()).map(folder -> Path.of(folder, "nats-server"))
                .filter(Files::isExecutable).findFirst();
    }
}
