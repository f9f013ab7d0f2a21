package org.tryst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tryst.storage.Database;

/**
 * A database made before names had skeletons gets one for every existing name when the server
 * opens it: the oldest of look-alike names keeps its skeleton, later ones keep none, and no new
 * name can look like a held one. On SQLite and on PostgreSQL.
 */
class NameSkeletonMigrationTest {
    @TempDir
    Path directory;

    @Test
    void existingNamesGetTheirSkeletonsOnSqlite() throws SQLException {
        Path file = directory.resolve("tryst.db");
        String url = "jdbc:sqlite:" + file;
        migrateBeforeSkeletons(url, null, null, "BLOB");
        try (Connection connection = DriverManager.getConnection(url)) {
            insertNamesOfOldServer(connection);
        }
        Database.sqlite(file).close();
        try (Connection connection = DriverManager.getConnection(url)) {
            assertSkeletons(connection);
        }
    }

    @Test
    void existingNamesGetTheirSkeletonsOnPostgresql() throws SQLException {
        EmbeddedPostgres.Database database = EmbeddedPostgres.freshDatabase();
        migrateBeforeSkeletons(database.url(), database.user(), database.password(), "BYTEA");
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            insertNamesOfOldServer(connection);
        }
        Database.postgresql(database.url(), database.user(), database.password(), 10).close();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            assertSkeletons(connection);
        }
    }

    /** The schema as the server before skeletons left it; the audit log's triggers play no part here. */
    private static void migrateBeforeSkeletons(String url, String user, String password, String binary) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("10")
                .placeholders(Map.of("binary", binary, "audit_append_only", "")).load().migrate();
    }

    private static void insertNamesOfOldServer(Connection connection) throws SQLException {
        long at = 1_700_000_000_000L;
        for (String[] account : new String[][] {{"a1", "rowan"}, {"a2", "r0wan"}, {"a3", "sage"}}) {
            update(connection, "INSERT INTO accounts (id, username, password_hash, adult_attested_at, adult_attestation, created_at)"
                    + " VALUES (?, ?, 'hash', 0, 'self-declared', ?)", account[0], account[1], at++);
        }
        for (String[] persona : new String[][] {{"p1", "a1", "Rowan"}, {"p2", "a2", "R\u043Ewan"}, {"p3", "a3", "Sage  Moon"}}) {
            update(connection, "INSERT INTO personas (id, account_id, name, name_key, created_at) VALUES (?, ?, ?, ?, ?)",
                    persona[0], persona[1], persona[2], persona[2].toLowerCase(), at++);
        }
        update(connection, "INSERT INTO channels (name, created_at) VALUES (?, ?)", "lobby", at++);
        update(connection, "INSERT INTO channels (name, created_at) VALUES (?, ?)", "l0bby", at);
    }

    private static void assertSkeletons(Connection connection) throws SQLException {
        assertThat(skeletons(connection, "SELECT username, username_skeleton FROM accounts"))
                .containsEntry("rowan", "rowan").containsEntry("r0wan", null).containsEntry("sage", "sage");
        assertThat(skeletons(connection, "SELECT name, name_skeleton FROM personas"))
                .containsEntry("Rowan", "rowan").containsEntry("R\u043Ewan", null).containsEntry("Sage  Moon", "sage rnoon");
        assertThat(skeletons(connection, "SELECT name, name_skeleton FROM channels"))
                .containsEntry("lobby", "lobby").containsEntry("l0bby", null);
        assertThatThrownBy(() -> update(connection,
                "INSERT INTO personas (id, account_id, name, name_key, name_skeleton, created_at) VALUES (?, ?, ?, ?, ?, 0)",
                "p4", "a3", "SAGE MOON", "sage moon!", "sage rnoon"))
                .as("a new name may not share a held skeleton").isInstanceOf(SQLException.class);
    }

    private static Map<String, String> skeletons(Connection connection, String query) throws SQLException {
        Map<String, String> byName = new HashMap<>();
        try (ResultSet rows = connection.createStatement().executeQuery(query)) {
            while (rows.next()) byName.put(rows.getString(1), rows.getString(2));
        }
        return byName;
    }

    private static void update(Connection connection, String statement, Object... values) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) update.setObject(i + 1, values[i]);
            update.executeUpdate();
        }
    }
}
