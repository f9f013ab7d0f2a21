package org.tryst;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.tryst.testkit.Scratch;

/**
 * One embedded PostgreSQL for the whole test run, started on first use; each caller gets a fresh
 * database. Its cluster and the binaries it unpacks are deleted when the run ends.
 */
final class EmbeddedPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres instance;
    private static Path dataDirectory;

    private EmbeddedPostgres() {}

    /** Where the cluster keeps its files, for tests that scan what the server stored. */
    static synchronized Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * The library's builder makes its default working folder even when told to use another; it is
     * left alone when another run keeps unpacked binaries in it.
     */
    private static void deleteIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (IOException inUse) {
            // Not empty: another run's cache.
        }
    }

    /** How to reach one database. */
    record Database(String url, String user, String password) {}

    static synchronized Database freshDatabase() {
        try {
            if (instance == null) {
                dataDirectory = Files.createTempDirectory("tryst-postgresql");
                Path binaries = Files.createTempDirectory("tryst-postgresql-binaries");
                instance = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setOverrideWorkingDirectory(binaries.toFile())
                        .setDataDirectory(dataDirectory).setCleanDataDirectory(true).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        instance.close();
                    } catch (IOException ignored) {
                        // The run is ending; what is left of the cluster is deleted below.
                    }
                    // After the server has stopped, never while it runs from these files.
                    Scratch.delete(dataDirectory);
                    Scratch.delete(binaries);
                    deleteIfEmpty(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"));
                }));
            }
            String name = "tryst" + DATABASES.incrementAndGet();
            try (Connection connection = instance.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("CREATE DATABASE " + name);
            }
            return new Database(instance.getJdbcUrl("postgres", name), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A cluster of the caller's own, which it may stop to see the server without its database. */
    record Own(io.zonky.test.db.postgres.embedded.EmbeddedPostgres cluster, Database database) implements AutoCloseable {
        /** Stops the cluster and removes its files; again is harmless. */
        @Override
        public void close() {
            try {
                cluster.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Own ownCluster() {
        try {
            var cluster = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("tryst-postgresql-own")).setCleanDataDirectory(true).start();
            return new Own(cluster, new Database(cluster.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
