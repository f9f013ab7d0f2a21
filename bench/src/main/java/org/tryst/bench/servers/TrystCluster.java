package org.tryst.bench.servers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tryst.bench.wire.TrystDialect;

/**
 * A build of Tryst as {@code processes} server processes on one fresh PostgreSQL, with a fresh
 * nats-server between them when there are two or more, as operating.md's "Scale out" runs them.
 * Everything runs on the servers' CPUs, so that the processes, NATS and the database together get
 * what one process gets elsewhere in the benchmark. The processes are started one after another,
 * so that only the first migrates the database.
 */
public record TrystCluster(TrystTarget build, int processes) implements Target {
    public TrystCluster {
        if (processes < 1) throw new IllegalArgumentException("a cluster has at least one process");
    }

    @Override
    public String name() {
        return processes == 1 ? "1 process" : processes + " processes";
    }

    @Override
    public boolean available() {
        return processes == 1 || Nats.binary().isPresent();
    }

    /** Starts PostgreSQL, NATS when needed, then the processes; whatever started is stopped again if a later step fails. */
    @Override
    public Running start(Path work, String cpus) throws IOException, InterruptedException {
        List<ServerProcess> shared = new ArrayList<>();
        List<ServerProcess> servers = new ArrayList<>();
        try {
            Postgresql database = Postgresql.start(work, cpus);
            shared.add(database);
            Map<String, String> options = new HashMap<>(Map.of(
                    "TRYST_STORAGE_KIND", "postgresql",
                    "TRYST_STORAGE_POSTGRESQL_URL", database.url(),
                    "TRYST_STORAGE_POSTGRESQL_USER", Postgresql.USER,
                    "TRYST_STORAGE_POSTGRESQL_PASSWORD", Postgresql.PASSWORD));
            if (processes > 1) {
                Nats nats = Nats.start(work, cpus);
                shared.addFirst(nats.process());
                options.put("TRYST_CLUSTER_NATS_URL", nats.url());
            }
            List<TrystTarget.Instance> instances = new ArrayList<>();
            for (int process = 1; process <= processes; process++) {
                Map<String, String> own = new HashMap<>(options);
                if (processes > 1) own.put("TRYST_CLUSTER_NODE", "bench-" + process);
                TrystTarget.Instance instance = build.launch(work, cpus, "Tryst " + process, own);
                instances.add(instance);
                servers.add(instance.process());
            }
            List<ServerProcess> all = new ArrayList<>(servers);
            all.addAll(shared);
            TrystTarget.Instance first = instances.getFirst();
            return new Running(name(), all, new TrystDialect(instances.stream().map(TrystTarget.Instance::port).toList(),
                    instances.stream().map(TrystTarget.Instance::telnetPort).toList(), TrystTarget.PERSONAS_PER_ACCOUNT),
                    first.heap(), first.recording());
        } catch (IOException | InterruptedException | RuntimeException failed) {
            for (ServerProcess started : servers) started.kill();
            for (ServerProcess started : shared) started.stop();
            throw failed;
        }
    }
}
