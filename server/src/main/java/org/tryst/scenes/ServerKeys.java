package org.tryst.scenes;

import java.time.Clock;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.tryst.storage.Sql;

/**
 * The server's own secrets for scenes, made on first start and kept in the database so that every
 * server process of a deployment shares them: the Ed25519 key with which the server, as the groups'
 * MLS external sender, proposes removals (the franking keys, which rotate, are {@link FrankingKeys}).
 */
final class ServerKeys {
    private static final int EXTERNAL_SENDER_KID = 1;

    private final byte[] externalSenderPrivate;
    private final byte[] externalSenderPublic;

    ServerKeys(Sql sql, Clock clock) {
        MlsCipherSuite suite = MlsFrames.cipherSuite();
        synchronized (suite) {
            AsymmetricCipherKeyPair generated = suite.generateSignatureKeyPair();
            this.externalSenderPrivate = stored(sql, "external-sender", EXTERNAL_SENDER_KID,
                    suite.serializeSignaturePrivateKey(generated.getPrivate()), clock);
            this.externalSenderPublic = suite.serializeSignaturePublicKey(suite.deserializeSignaturePrivateKey(externalSenderPrivate).getPublic());
        }
    }

    byte[] externalSenderPrivate() {
        return externalSenderPrivate;
    }

    byte[] externalSenderPublic() {
        return externalSenderPublic;
    }

    /** The stored secret for a purpose, storing {@code candidate} first if there is none (the first process to start wins). */
    static byte[] stored(Sql sql, String purpose, int kid, byte[] candidate, Clock clock) {
        return sql.inTransaction(handle -> {
            handle.createUpdate("""
                            INSERT INTO server_keys (purpose, kid, secret, created_at) VALUES (:purpose, :kid, :secret, :now)
                            ON CONFLICT (purpose, kid) DO NOTHING""")
                    .bind("purpose", purpose).bind("kid", kid).bind("secret", candidate).bind("now", clock.millis())
                    .execute();
            return handle.createQuery("SELECT secret FROM server_keys WHERE purpose = :purpose AND kid = :kid")
                    .bind("purpose", purpose).bind("kid", kid).mapTo(byte[].class).one();
        });
    }
}
