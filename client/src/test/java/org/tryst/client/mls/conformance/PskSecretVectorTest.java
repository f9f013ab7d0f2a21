package org.tryst.client.mls.conformance;

import static org.tryst.client.mls.conformance.TestVectors.assertHex;
import static org.tryst.client.mls.conformance.TestVectors.secret;
import static org.tryst.client.mls.conformance.TestVectors.suite;

import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.mls.KeyScheduleEpoch;
import org.bouncycastle.mls.codec.PreSharedKeyID;
import org.bouncycastle.mls.crypto.Secret;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RFC 9420 psk_secret vectors: chaining external pre-shared keys into the psk_secret of the key schedule. */
class PskSecretVectorTest {

    record Vector(int cipherSuite, List<Psk> psks, byte[] pskSecret) {
    }

    record Psk(byte[] pskId, byte[] psk, byte[] pskNonce) {
    }

    @TestFactory
    Stream<DynamicTest> pskSecret() {
        return TestVectors.eachVector("psk_secret.json", Vector.class, v -> v.psks().size() + " PSKs",
                PskSecretVectorTest::verify);
    }

    private static void verify(Vector v) throws Exception {
        List<KeyScheduleEpoch.PSKWithSecret> psks = v.psks().stream()
                .map(p -> new KeyScheduleEpoch.PSKWithSecret(PreSharedKeyID.external(p.pskId(), p.pskNonce()),
                        secret(p.psk())))
                .toList();
        Secret pskSecret = KeyScheduleEpoch.JoinSecrets.pskSecret(suite(v.cipherSuite()), psks);
        assertHex(v.pskSecret(), pskSecret.value(), "psk_secret");
    }
}
