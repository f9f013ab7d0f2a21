package org.tryst.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.tryst.Main;
import org.tryst.config.ConfigException;
import picocli.CommandLine;

/**
 * Upgrades as an operator meets them, on SQLite: every migration is announced in the log with its
 * version and description, and an older Tryst refuses, in one line naming both schema versions, a
 * database that a newer one has migrated, leaving it as it was.
 */
class SchemaVersionTest {
    @TempDir
    Path data;

    @Test
    void eachMigrationIsAnnouncedWithItsVersionAndDescription() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        Logger log = (Logger) LoggerFactory.getLogger(Database.class);
        lines.start();
        log.addAppender(lines);
        try {
            Database.sqlite(data.resolve("tryst.db")).close();
        } finally {
            log.detachAppender(lines);
        }
        List<String> said = lines.list.stream().map(SchemaVersionTest::line).toList();
        assertThat(said.get(0)).isEqualTo("applying migration version=1 description=accounts");
        assertThat(said.get(1)).matches("applied migration version=1 description=accounts ms=\\d+");
        assertThat(said.get(2)).isEqualTo("applying migration version=2 description=personas");
        assertThat(said.getLast()).matches("migrated from=none to=\\d+ migrations=\\d+ ms=\\d+");

        lines.list.clear();
        log.addAppender(lines);
        try {
            Database.sqlite(data.resolve("tryst.db")).close();
        } finally {
            log.detachAppender(lines);
        }
        assertThat(lines.list).as("a database already up to date is opened without a word").isEmpty();
    }

    @Test
    void aDatabaseMigratedByANewerTrystIsRefusedInOneLineNamingBothVersions() throws Exception {
        Path file = data.resolve("tryst.db");
        Database.sqlite(file).close();
        int known;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            known = number(connection, "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history");
            // What a newer Tryst leaves behind: one more migration in the history, and its table.
            update(connection, "CREATE TABLE gifts (id TEXT PRIMARY KEY)");
            update(connection, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, installed_on, execution_time, success) SELECT MAX(installed_rank) + 1, '" + (known + 1)
                    + "', 'gifts', 'SQL', 'V" + (known + 1) + "__gifts.sql', 0, '', CURRENT_TIMESTAMP, 1, 1 FROM flyway_schema_history");
        }
        String refusal = "the database was migrated by a newer Tryst: its schema is at version " + (known + 1)
                + " (gifts), and this Tryst knows versions up to " + known
                + "; run the newer Tryst again, or restore the backup taken before the upgrade";

        assertThatThrownBy(() -> Database.sqlite(file)).isInstanceOf(ConfigException.class).hasMessage(refusal);

        // The command line says it in one line, with the exit status of a configuration that cannot be used.
        StringWriter err = new StringWriter();
        CommandLine tryst = Main.commandLine();
        tryst.setErr(new PrintWriter(err, true));
        assertThat(tryst.execute("admin", "reports", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tryst: " + refusal + System.lineSeparator());

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(number(connection, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '" + (known + 1) + "'"))
                    .as("the newer Tryst's migration stays recorded").isEqualTo(1);
            assertThat(number(connection, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")).isZero();
        }
    }

    /** A log event as the text format writes it, without the time and level: message, then key=value pairs. */
    private static String line(ILoggingEvent event) {
        Map<String, Object> pairs = event.getKeyValuePairs() == null ? Map.of() : event.getKeyValuePairs().stream()
                .collect(Collectors.toMap(pair -> pair.key, pair -> pair.value, (a, b) -> a, LinkedHashMap::new));
        return (event.getFormattedMessage() + " " + pairs.entrySet().stream().map(pair -> pair.getKey() + "=" + pair.getValue())
                .collect(Collectors.joining(" "))).strip();
    }

    private static int number(Connection connection, String query) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static void update(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
