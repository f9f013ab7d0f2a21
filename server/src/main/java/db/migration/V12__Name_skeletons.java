package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.protocol.Names;

/**
 * Gives usernames, persona names and channel names a unique skeleton column, so that no new name
 * can look like one already held. Written in Java because the skeletons of existing rows come from
 * the same {@link Names#skeleton} the server uses. Where existing rows already look alike, the oldest
 * keeps the skeleton and the later ones keep none: nothing is renamed behind their owners' backs.
 */
public class V12__Name_skeletons extends BaseJavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(V12__Name_skeletons.class);

    /** One table whose names must not look alike: its key, its name and the new column. */
    private record Scope(String table, String key, String name, String skeleton) {}

    private static final List<Scope> SCOPES = List.of(
            new Scope("accounts", "id", "username", "username_skeleton"),
            new Scope("personas", "id", "name", "name_skeleton"),
            new Scope("channels", "name", "name", "name_skeleton"));

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (Scope scope : SCOPES) {
            execute(connection, "ALTER TABLE " + scope.table() + " ADD COLUMN " + scope.skeleton() + " TEXT");
            fill(connection, scope);
            execute(connection, "CREATE UNIQUE INDEX " + scope.table() + "_by_skeleton ON " + scope.table()
                    + " (" + scope.skeleton() + ")");
        }
    }

    private static void fill(Connection connection, Scope scope) throws SQLException {
        Map<String, String> skeletons = new LinkedHashMap<>();
        Set<String> held = new HashSet<>();
        int lookAlikes = 0;
        try (Statement read = connection.createStatement();
             ResultSet rows = read.executeQuery("SELECT " + scope.key() + ", " + scope.name() + " FROM " + scope.table()
                     + " ORDER BY created_at, " + scope.key())) {
            while (rows.next()) {
                String skeleton = Names.skeleton(rows.getString(2));
                if (held.add(skeleton)) skeletons.put(rows.getString(1), skeleton);
                else lookAlikes++;
            }
        }
        try (PreparedStatement write = connection.prepareStatement(
                "UPDATE " + scope.table() + " SET " + scope.skeleton() + " = ? WHERE " + scope.key() + " = ?")) {
            for (Map.Entry<String, String> row : skeletons.entrySet()) {
                write.setString(1, row.getValue());
                write.setString(2, row.getKey());
                write.addBatch();
            }
            write.executeBatch();
        }
        if (lookAlikes > 0) {
            LOG.warn("{} rows of {} have a name that looks like an older one's; they keep it", lookAlikes, scope.table());
        }
    }

    private static void execute(Connection connection, String statement) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
