package org.tryst.client.mls.conformance;

import static org.tryst.client.mls.conformance.TestVectors.assertHex;
import static org.tryst.client.mls.conformance.TestVectors.suite;

import java.util.stream.Stream;
import org.bouncycastle.mls.TranscriptHash;
import org.bouncycastle.mls.codec.AuthenticatedContent;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RFC 9420 transcript-hashes vectors: folding a commit into the confirmed and interim transcript hashes. */
class TranscriptHashesVectorTest {

    record Vector(int cipherSuite, byte[] confirmationKey, byte[] authenticatedContent,
                  byte[] interimTranscriptHashBefore, byte[] confirmedTranscriptHashAfter,
                  byte[] interimTranscriptHashAfter) {
    }

    @TestFactory
    Stream<DynamicTest> transcriptHashes() {
        return TestVectors.eachVector("transcript-hashes.json", Vector.class, v -> "suite " + v.cipherSuite(),
                TranscriptHashesVectorTest::verify);
    }

    private static void verify(Vector v) throws Exception {
        MlsCipherSuite suite = suite(v.cipherSuite());
        AuthenticatedContent commit =
                (AuthenticatedContent) MLSInputStream.decode(v.authenticatedContent(), AuthenticatedContent.class);

        TranscriptHash transcript = new TranscriptHash(suite);
        transcript.setInterim(v.interimTranscriptHashBefore());
        transcript.update(commit);

        assertHex(v.confirmedTranscriptHashAfter(), transcript.getConfirmed(), "confirmed_transcript_hash_after");
        assertHex(v.interimTranscriptHashAfter(), transcript.getInterim(), "interim_transcript_hash_after");
        // The MLS MAC is HMAC, which is what the HKDF-based KDF's Extract computes with the key as salt.
        byte[] expectedTag = suite.getKDF().extract(v.confirmationKey(), v.confirmedTranscriptHashAfter());
        assertHex(expectedTag, commit.getConfirmationTag(), "confirmation_tag");
    }
}
