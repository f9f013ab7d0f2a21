package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tryst.MutableClock;
import org.tryst.config.Config;
import org.tryst.protocol.ClientMessage;
import org.tryst.storage.Database;

/**
 * Franking keys rotate by period and are shared through the database: two server processes tag
 * with the same key, either verifies what the other tagged, an older key verifies until the report
 * window has passed, and the sweep then deletes it.
 */
class FrankingKeysTest {
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private final MutableClock clock = new MutableClock();
    private final Config.Moderation config = new Config.Moderation(2, 6, 10);

    @Test
    void twoProcessesShareEachPeriodsKeyAndOldKeysLastTheReportWindow(@TempDir Path dir) throws Exception {
        try (Database database = Database.sqlite(dir.resolve("tryst.db"))) {
            FrankingKeys one = new FrankingKeys(database.sql(), config, clock);
            FrankingKeys other = new FrankingKeys(database.sql(), config, clock);
            ClientMessage.ReportScene tagged = tagged(one, "hello");
            assertThat(other.current().kid()).isEqualTo(tagged.kid());
            assertThat(other.verify(tagged, "account-1").verified()).isTrue();

            clock.advance(Duration.ofHours(6));
            assertThat(one.current().kid()).isGreaterThan(tagged.kid());
            ClientMessage.ReportScene newer = tagged(other, "later");
            assertThat(one.verify(newer, "account-1").verified()).isTrue();
            assertThat(other.verify(tagged, "account-1").verified()).isTrue();

            clock.advance(Duration.ofDays(2));
            assertThat(one.sweep()).isGreaterThanOrEqualTo(1);
            assertThat(other.verify(tagged, "account-1").why()).contains("expired");
        }
    }

    /** A report of a message as the relay would have tagged it now with this process's current key. */
    private ClientMessage.ReportScene tagged(FrankingKeys keys, String text) {
        byte[] frankingKey = new byte[32];
        frankingKey[0] = 7;
        byte[] body = ("{\"kind\":\"say\",\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] group = MlsIdentity.of("scene-1");
        byte[] commitment = Franking.commitment(frankingKey, group, 3, body);
        FrankingKeys.Current current = keys.current();
        long at = clock.millis();
        byte[] tag = current.franking().tag(commitment, "account-1", "persona-1", group, 3, at);
        return new ClientMessage.ReportScene(null, "persona-2", "scene-1", null, "persona-1", 3L, at, current.kid(), BASE64.encodeToString(tag),
                BASE64.encodeToString(commitment), BASE64.encodeToString(frankingKey), BASE64.encodeToString(body), "other", null);
    }
}
