package org.tryst.bench.servers;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * A fresh PostgreSQL from the embedded binaries the server's tests use, with PostgreSQL's own
 * durability settings (the library turns {@code fsync} and {@code synchronous_commit} off, for
 * tests), and one database for Tryst. Its postmaster runs detached from this JVM; it and every
 * process it has forked are moved to the servers' CPUs, so every backend it forks later is there
 * too. Its CPU time is the postmaster's, its children's, and what its exited children used.
 */
final class Postgresql implements ServerProcess {
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    private static final String DATABASE = "tryst";

    static {
        // Its library logs each unpacking, initdb and start at INFO, between the benchmark's own lines.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
    }

    private final EmbeddedPostgres cluster;
    private final long postmaster;

    private Postgresql(EmbeddedPostgres cluster, long postmaster) {
        this.cluster = cluster;
        this.postmaster = postmaster;
    }

    /** Starts it with its binaries unpacked under {@code work} (once) and its cluster in a fresh folder there, on {@code cpus}. */
    static Postgresql start(Path work, String cpus) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory(Files.createDirectories(work), "postgresql-");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        EmbeddedPostgres cluster = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(Files.createDirectories(work.resolve("postgresql-binaries")).toFile())
                .setDataDirectory(data).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        try (Connection connection = cluster.getPostgresDatabase().getConnection()) {
            Postgresql started = new Postgresql(cluster, Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip()));
            connection.createStatement().execute("CREATE DATABASE " + DATABASE);
            if (cpus != null) started.pin(cpus);
            return started;
        } catch (SQLException | IOException failed) {
            cluster.close();
            throw new IOException("PostgreSQL did not start: " + failed.getMessage() + "; see " + log, failed);
        }
    }

    /** The JDBC URL of Tryst's database. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + cluster.getPort() + "/" + DATABASE;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public long pid() {
        return postmaster;
    }

    @Override
    public Running.Cpu cpu() throws IOException {
        Running.Cpu used = Running.Cpu.of(postmaster, true);
        for (ProcessHandle child : ProcessHandle.of(postmaster).map(handle -> handle.children().toList()).orElse(List.of())) {
            try {
                used = used.plus(Running.Cpu.of(child.pid(), false));
            } catch (NoSuchFileException exited) {
                // Gone since it was listed: its time is in the postmaster's share of its exited children from the next reading on.
            }
        }
        return used;
    }

    /**
     * Stops it with {@code pg_ctl stop}; the library then deletes its folder. The library also makes
     * its default folder for binaries in the temporary folder even when told to use another: that is
     * removed when nothing else keeps binaries in it.
     */
    @Override
    public void stop() {
        try {
            cluster.close();
        } catch (IOException failed) {
            kill();
        }
        try {
            Files.deleteIfExists(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"));
        } catch (IOException inUse) {
            // Another run's binaries are in it.
        }
    }

    @Override
    public void kill() {
        ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** Moves the postmaster and the processes it has forked so far onto {@code cpus}; later backends inherit it. */
    private void pin(String cpus) throws IOException, InterruptedException {
        ProcessHandle root = ProcessHandle.of(postmaster).orElseThrow(() -> new IOException("the postmaster is gone"));
        for (ProcessHandle process : Stream.concat(Stream.of(root), root.children()).toList()) {
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (taskset.waitFor() != 0) throw new IOException("taskset could not move PostgreSQL's process " + process.pid() + " to CPUs " + cpus);
        }
    }
}
