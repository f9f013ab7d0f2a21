package org.tryst.client.mls.conformance;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tryst.client.mls.conformance.TestVectors.assertHex;
import static org.tryst.client.mls.conformance.TestVectors.check;
import static org.tryst.client.mls.conformance.TestVectors.secret;
import static org.tryst.client.mls.conformance.TestVectors.suite;

import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.mls.GroupKeySet;
import org.bouncycastle.mls.TreeSize;
import org.bouncycastle.mls.TreeKEM.LeafIndex;
import org.bouncycastle.mls.codec.AuthenticatedContent;
import org.bouncycastle.mls.codec.ContentType;
import org.bouncycastle.mls.codec.FramedContent;
import org.bouncycastle.mls.codec.GroupContext;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSMessage;
import org.bouncycastle.mls.codec.MLSOutputStream;
import org.bouncycastle.mls.codec.PrivateMessage;
import org.bouncycastle.mls.codec.PublicMessage;
import org.bouncycastle.mls.codec.Sender;
import org.bouncycastle.mls.codec.WireFormat;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** RFC 9420 message-protection vectors: PublicMessage and PrivateMessage framing of proposals, commits and data. */
class MessageProtectionVectorTest {

    record Vector(int cipherSuite, byte[] groupId, long epoch, byte[] treeHash, byte[] confirmedTranscriptHash,
                  byte[] signaturePriv, byte[] signaturePub, byte[] encryptionSecret, byte[] senderDataSecret,
                  byte[] membershipKey, byte[] proposal, byte[] proposalPriv, byte[] proposalPub, byte[] commit,
                  byte[] commitPriv, byte[] commitPub, byte[] application, byte[] applicationPriv) {
    }

    @TestFactory
    Stream<DynamicContainer> messageProtection() {
        return TestVectors.eachVectorAsGroup("message-protection.json", Vector.class, v -> "suite " + v.cipherSuite(),
                v -> checks(new Epoch(v)));
    }

    private static Stream<DynamicTest> checks(Epoch epoch) {
        Vector v = epoch.vector;
        return Stream.of(
                check("proposal_pub unprotects", () -> epoch.assertUnprotects(v.proposalPub(), v.proposal())),
                check("proposal_priv unprotects", () -> epoch.assertUnprotects(v.proposalPriv(), v.proposal())),
                check("commit_pub unprotects", () -> epoch.assertUnprotects(v.commitPub(), v.commit())),
                check("commit_priv unprotects", () -> epoch.assertUnprotects(v.commitPriv(), v.commit())),
                check("application_priv unprotects",
                        () -> epoch.assertUnprotects(v.applicationPriv(), v.application())),
                check("proposal round-trips as PublicMessage",
                        () -> epoch.assertRoundTrip(WireFormat.mls_public_message, ContentType.PROPOSAL, v.proposal())),
                check("proposal round-trips as PrivateMessage",
                        () -> epoch.assertRoundTrip(WireFormat.mls_private_message, ContentType.PROPOSAL,
                                v.proposal())),
                check("commit round-trips as PublicMessage",
                        () -> epoch.assertRoundTrip(WireFormat.mls_public_message, ContentType.COMMIT, v.commit())),
                check("commit round-trips as PrivateMessage",
                        () -> epoch.assertRoundTrip(WireFormat.mls_private_message, ContentType.COMMIT, v.commit())),
                check("application round-trips as PrivateMessage",
                        () -> epoch.assertRoundTrip(WireFormat.mls_private_message, ContentType.APPLICATION,
                                v.application())),
                check("application is refused as PublicMessage",
                        () -> assertThrows(Exception.class, () -> epoch.protect(WireFormat.mls_public_message,
                                ContentType.APPLICATION, v.application()))));
    }

    /** The epoch state the vectors fix: a two-member group whose messages all come from leaf 1. */
    private static final class Epoch {

        private static final TreeSize GROUP_SIZE = TreeSize.forLeaves(2);
        private static final LeafIndex SENDER = new LeafIndex(1);

        private final Vector vector;
        private final MlsCipherSuite suite;
        private final GroupContext context;
        private final byte[] contextBytes;
        /**
         * The sender keeps one ratchet across messages, as a real member would: Bouncy Castle protects with an
         * all-zero reuse guard, so restarting at generation 0 would reuse an AES-GCM key and nonce, which its GCM
         * refuses.
         */
        private GroupKeySet senderTree;

        Epoch(Vector v) {
            vector = v;
            suite = suite(v.cipherSuite());
            context = new GroupContext(suite, v.groupId(), v.epoch(), v.treeHash(), v.confirmedTranscriptHash(),
                    List.of());
            try {
                contextBytes = MLSOutputStream.encode(context);
            } catch (Exception e) {
                throw new IllegalStateException("cannot encode the GroupContext", e);
            }
        }

        void assertUnprotects(byte[] message, byte[] expectedContent) throws Exception {
            assertHex(expectedContent, unprotect(message), "unprotected content");
        }

        /** Goes through the wire encoding both ways, as a real sender and receiver would. */
        void assertRoundTrip(WireFormat wireFormat, ContentType type, byte[] content) throws Exception {
            assertHex(content, unprotect(protect(wireFormat, type, content)), "content after protect and unprotect");
        }

        byte[] protect(WireFormat wireFormat, ContentType type, byte[] content) throws Exception {
            FramedContent framed = FramedContent.rawContent(vector.groupId(), vector.epoch(), Sender.forMember(SENDER),
                    new byte[0], type, content);
            AuthenticatedContent signed =
                    AuthenticatedContent.sign(wireFormat, framed, suite, vector.signaturePriv(), contextBytes);
            if (type == ContentType.COMMIT) {
                // A commit cannot be framed without a confirmation tag; unprotecting does not check it, so any MAC
                // of the right length will do here.
                signed.setConfirmationTag(suite.getKDF().extract(vector.membershipKey(), content));
            }
            MLSMessage message = new MLSMessage(wireFormat);
            if (wireFormat == WireFormat.mls_public_message) {
                message.publicMessage = PublicMessage.protect(signed, suite, vector.membershipKey(), contextBytes);
            } else {
                message.privateMessage =
                        PrivateMessage.protect(signed, suite, senderTree(), vector.senderDataSecret(), 0);
            }
            return MLSOutputStream.encode(message);
        }

        private byte[] unprotect(byte[] bytes) throws Exception {
            MLSMessage message = (MLSMessage) MLSInputStream.decode(bytes, MLSMessage.class);
            AuthenticatedContent authenticated = switch (message.wireFormat) {
                case mls_public_message ->
                        message.publicMessage.unprotect(suite, secret(vector.membershipKey()), context);
                case mls_private_message ->
                        message.privateMessage.unprotect(suite, receiverTree(), vector.senderDataSecret());
                default -> throw new AssertionError("not a framed message: " + message.wireFormat);
            };
            assertNotNull(authenticated, "the sender is a member of the group");
            assertTrue(authenticated.verify(suite, vector.signaturePub(), contextBytes), "signature verifies");
            return authenticated.getContent().getContentBytes();
        }

        private GroupKeySet senderTree() throws Exception {
            if (senderTree == null) {
                senderTree = receiverTree();
            }
            return senderTree;
        }

        /** A fresh tree per message, so each check decrypts on its own whatever generation the sender used. */
        private GroupKeySet receiverTree() throws Exception {
            return new GroupKeySet(suite, GROUP_SIZE, secret(vector.encryptionSecret()));
        }
    }
}
