package org.tryst.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** When the operator raises the Argon2id cost, each password is rehashed at its next login. */
class RehashTest {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Test
    void aStrongerConfigurationRehashesOnLogin() throws Exception {
        TestServer.User user = SERVER.register("rehash");
        assertThat(storedHash(user.username())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");

        SERVER.stop();
        SERVER.with("TRYST_ACCOUNTS_ARGON2_MEMORY_KIB", "24576").with("TRYST_ACCOUNTS_ARGON2_ITERATIONS", "3");
        SERVER.start();
        assertThat(SERVER.post("/api/login", Map.of("username", user.username(), "password", user.password()), null)
                .statusCode()).isEqualTo(200);
        assertThat(storedHash(user.username())).startsWith("$argon2id$v=19$m=24576,t=3,p=1$");
        assertThat(SERVER.post("/api/login", Map.of("username", user.username(), "password", user.password()), null)
                .statusCode()).isEqualTo(200);
    }

    private static String storedHash(String username) throws Exception {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + SERVER.data().resolve("tryst.db"));
             var rows = sql.createStatement().executeQuery(
                     "SELECT password_hash FROM accounts WHERE username = '" + username + "'")) {
            return rows.getString(1);
        }
    }
}
