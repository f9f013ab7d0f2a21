package org.tryst.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.config.Config;
import org.tryst.config.ConfigException;

/**
 * The one database of a server: an SQLite file under the data directory, or PostgreSQL. Both run
 * the same migrations and the same SQL; every capability reaches its tables through {@link #sql()}.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private final HikariDataSource dataSource;
    private final Sql sql;
    private final boolean shared;

    private Database(HikariDataSource dataSource, boolean shared) {
        this.dataSource = dataSource;
        this.shared = shared;
        Jdbi jdbi = Jdbi.create(dataSource);
        // Statement arguments are message texts, descriptions and hashes: a failed statement's
        // exception, which reaches the log, must not carry them.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        this.sql = new Sql(jdbi, dataSource.getMaximumPoolSize());
    }

    /** Opens (creating and migrating when needed) the database the configuration names. */
    public static Database open(Config.Storage storage, Path dataDir) {
        return switch (storage.kind()) {
            case "postgresql" -> postgresql(storage.postgresqlUrl(), storage.postgresqlUser(),
                    storage.postgresqlPassword(), storage.poolSize());
            default -> sqlite(dataDir.resolve(storage.sqliteFile()));
        };
    }

    /**
     * An SQLite file in WAL mode with full sync, so that what the server acknowledged survives a crash.
     * It has one connection: SQLite lets one writer in at a time anyway, and a request waiting for
     * the pool parks its virtual thread, where one waiting on SQLite's lock would sleep inside the
     * driver holding a carrier thread, and enough of those starve the writer they wait for.
     */
    public static Database sqlite(Path file) {
        createPrivateDirectory(file.toAbsolutePath().getParent());
        // Flyway holds a connection for its lock while it migrates on another.
        try (HikariDataSource migrating = new HikariDataSource(sqliteConfig(file, 2))) {
            migrate(migrating, "BLOB", "", SQLITE_APPEND_ONLY, SQLITE_NUMBER_FLOOR);
        }
        return new Database(new HikariDataSource(sqliteConfig(file, 1)), false);
    }

    private static HikariConfig sqliteConfig(Path file, int connections) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sqlite");
        config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
        config.setMaximumPoolSize(connections);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "FULL");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", "10000");
        // Deleted rows are overwritten, not just unlinked: deleting an account leaves no readable trace in the file.
        config.addDataSourceProperty("secure_delete", "true");
        // Writers take the lock when a transaction begins, so two writers queue instead of failing on upgrade.
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        return config;
    }

    /** How long a request waits for a connection to PostgreSQL before it fails. */
    static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

    /** A PostgreSQL database, shared by every server process of a scaled-out deployment. */
    public static Database postgresql(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("postgresql");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        // While PostgreSQL is away a request fails with internal in seconds, not Hikari's default half a minute.
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        // The server's error detail quotes the offending values (a duplicate key, say); keep them out of logs.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        HikariDataSource dataSource = new HikariDataSource(config);
        // Unlogged tables hold what may be lost in a crash (socket tickets, rate-limit buckets): their
        // writes skip the write-ahead log, so they never wait for a disk sync.
        migrate(dataSource, "BYTEA", "UNLOGGED", POSTGRESQL_APPEND_ONLY, "");
        return new Database(dataSource, true);
    }

    /** SQLite's triggers that make the audit log append-only. */
    private static final String SQLITE_APPEND_ONLY = """
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;""";
    /** SQLite's trigger that keeps, in a channel's row, the highest number among its lines as they are deleted. */
    private static final String SQLITE_NUMBER_FLOOR = """
            CREATE TRIGGER channel_messages_number_floor BEFORE DELETE ON channel_messages WHEN OLD.seq IS NOT NULL
            BEGIN UPDATE channels SET last_seq = MAX(last_seq, OLD.seq) WHERE name = OLD.channel; END;""";
    /** PostgreSQL's: the same refusal, for rows and for TRUNCATE. */
    private static final String POSTGRESQL_APPEND_ONLY = """
            CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
            CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();
            CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse();""";

    /**
     * Runs the migrations; {@code binary} is the dialect's type for byte strings, {@code unlogged} the
     * word that spares a table of short-lived state the write-ahead log (none on SQLite), and
     * {@code appendOnly} its triggers that guard the audit log, and {@code numberFloor} what keeps a
     * channel's highest line number when lines are deleted (only SQLite's processes need it): the
     * places where the two dialects disagree. Each migration is announced in the log, and a database
     * that a newer Tryst has migrated is refused before anything is changed.
     */
    private static void migrate(DataSource dataSource, String binary, String unlogged, String appendOnly, String numberFloor) {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(Map.of("binary", binary, "unlogged", unlogged, "audit_append_only", appendOnly,
                        "channel_number_floor", numberFloor))
                // Flyway ignores applied migrations it does not know (a newer Tryst's) unless told otherwise.
                .ignoreMigrationPatterns(new ValidatePattern[0])
                .callbacks(new MigrationLog()).load();
        refuseNewerSchema(flyway.info());
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            log.atInfo().addKeyValue("from", result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion)
                    .addKeyValue("to", result.targetSchemaVersion).addKeyValue("migrations", result.migrationsExecuted)
                    .addKeyValue("ms", result.getTotalMigrationTime()).log("migrated");
        }
    }

    /**
     * Refuses a database whose schema history holds migrations this Tryst does not have: a newer
     * Tryst migrated it, and this one would misread its tables. The message names both schema versions.
     */
    private static void refuseNewerSchema(MigrationInfoService info) {
        Optional<MigrationInfo> newest = Arrays.stream(info.applied())
                .filter(migration -> migration.getState() == MigrationState.FUTURE_SUCCESS
                        || migration.getState() == MigrationState.FUTURE_FAILED)
                .max(Comparator.comparing(MigrationInfo::getVersion));
        if (newest.isEmpty()) return;
        String known = Arrays.stream(info.all()).filter(migration -> migration.getState().isResolved() && migration.getVersion() != null)
                .map(MigrationInfo::getVersion).max(Comparator.naturalOrder()).map(Object::toString).orElse("none");
        throw new ConfigException("the database was migrated by a newer Tryst: its schema is at version "
                + newest.get().getVersion() + " (" + newest.get().getDescription() + "), and this Tryst knows versions up to "
                + known + "; run the newer Tryst again, or restore the backup taken before the upgrade");
    }

    /** Announces each migration in the log as it starts and when it is done, with its version and description. */
    private static final class MigrationLog implements Callback {
        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                    || event == Event.AFTER_EACH_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        /** When the migration being applied started, for the time it took. */
        private long started;

        @Override
        public void handle(Event event, Context context) {
            MigrationInfo migration = context.getMigrationInfo();
            var line = switch (event) {
                case BEFORE_EACH_MIGRATE -> {
                    started = System.nanoTime();
                    yield log.atInfo().setMessage("applying migration");
                }
                case AFTER_EACH_MIGRATE -> log.atInfo().setMessage("applied migration");
                default -> log.atError().setMessage("migration failed");
            };
            line = line.addKeyValue("version", migration.getVersion().getVersion()).addKeyValue("description", migration.getDescription());
            if (event != Event.BEFORE_EACH_MIGRATE) line = line.addKeyValue("ms", (System.nanoTime() - started) / 1_000_000);
            line.log();
        }

        @Override
        public String getCallbackName() {
            return "tryst-migration-log";
        }
    }

    public Sql sql() {
        return sql;
    }

    /**
     * Whether other server processes may use this database at the same time (PostgreSQL), so that
     * state they must agree on, such as rate limits, belongs in it rather than in one process's memory.
     */
    public boolean shared() {
        return shared;
    }

    /** The pool, for a library that takes its own connections; run its calls through {@link Sql#onDatabaseThread}. */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        sql.close();
        dataSource.close();
    }

    /**
     * Creates the data directory when it is missing (private to the server's user), and makes sure
     * the server can write there: a directory that is not usable is refused in one line naming it.
     */
    private static void createPrivateDirectory(Path dir) {
        try {
            if (Files.notExists(dir)) {
                Files.createDirectories(dir);
                if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                }
            }
        } catch (IOException e) {
            throw new ConfigException("cannot create the data directory " + dir + ": " + reason(e), e);
        }
        try {
            Files.delete(Files.createTempFile(dir, ".write-check", ""));
        } catch (IOException e) {
            throw new ConfigException("cannot write to the data directory " + dir + ": " + reason(e), e);
        }
    }

    /** What the operating system said, without repeating the path. */
    private static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException _ -> "permission denied";
            case FileAlreadyExistsException exists -> exists.getFile() + " is a file, not a directory";
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> e.getMessage();
        };
    }
}
