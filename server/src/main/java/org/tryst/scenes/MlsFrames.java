package org.tryst.scenes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.mls.codec.Commit;
import org.bouncycastle.mls.codec.ContentType;
import org.bouncycastle.mls.codec.FramedContent;
import org.bouncycastle.mls.codec.KeyPackage;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSMessage;
import org.bouncycastle.mls.codec.MLSOutputStream;
import org.bouncycastle.mls.codec.ProposalOrRef;
import org.bouncycastle.mls.codec.ProposalType;
import org.bouncycastle.mls.codec.ProtocolVersion;
import org.bouncycastle.mls.codec.SenderType;
import org.bouncycastle.mls.codec.WireFormat;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;

/**
 * What the Delivery Service reads of MLS messages without any key: the framing that RFC 9420 leaves
 * in the clear. Application data must come as PrivateMessage, whose group, epoch and authenticated
 * data are readable but whose content is not; commits come as PublicMessage, so that the server can
 * see whom they add and remove and enforce consent. Anything else is refused as {@code bad_mls}.
 */
final class MlsFrames {
    /** The only cipher suite scenes use: X25519, AES-128-GCM, SHA-256, Ed25519. */
    static final short SUITE = MlsCipherSuite.MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519;
    private static final int HEADER = 4; // protocol version and wire format, two bytes each
    private static final byte APPLICATION = 1; // RFC 9420's ContentType.application
    private static final MlsCipherSuite CIPHER_SUITE = suite();

    private MlsFrames() {}

    /** The parts of a relayed message that the server reads. */
    sealed interface Frame permits Application, Handshake {}

    /** An application message: its group, epoch and the authenticated data that carries the franking commitment. */
    record Application(byte[] groupId, long epoch, byte[] authenticatedData) implements Frame {}

    /** A commit: its group, epoch, the committer's leaf, and the proposals it carries, inline or by reference. */
    record Handshake(byte[] groupId, long epoch, int senderLeaf, List<KeyPackage> adds, List<Integer> removes,
                     List<byte[]> references) implements Frame {}

    /** Parses a relayed message: an {@link Application} or a {@link Handshake}. */
    static Frame parse(byte[] bytes) {
        synchronized (CIPHER_SUITE) {
            try {
                MLSMessage message = (MLSMessage) MLSInputStream.decode(bytes, MLSMessage.class);
                if (message.version != ProtocolVersion.mls10) throw bad("only MLS 1.0 is spoken here");
                return switch (message.wireFormat) {
                    case mls_private_message -> application(bytes);
                    case mls_public_message -> handshake(bytes);
                    default -> throw bad("a scene message must be a PrivateMessage or PublicMessage");
                };
            } catch (ProtocolException refused) {
                throw refused;
            } catch (Exception | StackOverflowError malformed) {
                throw bad("not a well-formed MLS message");
            }
        }
    }

    /** Parses a Welcome; true when it welcomes the given KeyPackage. */
    static boolean welcomes(byte[] welcome, KeyPackage keyPackage) {
        synchronized (CIPHER_SUITE) {
            try {
                MLSMessage message = (MLSMessage) MLSInputStream.decode(welcome, MLSMessage.class);
                if (message.wireFormat != WireFormat.mls_welcome) throw bad("welcome must be an MLS Welcome");
                if (message.welcome.getSuite().getSuiteID() != SUITE) throw bad("the scene's cipher suite is 1");
                return message.welcome.find(keyPackage) >= 0;
            } catch (ProtocolException refused) {
                throw refused;
            } catch (Exception | StackOverflowError malformed) {
                throw bad("welcome is not a well-formed MLS Welcome");
            }
        }
    }

    /** Parses and verifies an uploaded KeyPackage (wrapped in an MLSMessage): suite 1, valid signatures. */
    static KeyPackage keyPackage(byte[] bytes) {
        synchronized (CIPHER_SUITE) {
            try {
                MLSMessage message = (MLSMessage) MLSInputStream.decode(bytes, MLSMessage.class);
                if (message.wireFormat != WireFormat.mls_key_package) throw bad("not an MLS KeyPackage");
                KeyPackage keyPackage = message.keyPackage;
                if (keyPackage.getSuite().getSuiteID() != SUITE) throw bad("KeyPackages must use cipher suite 1");
                if (!keyPackage.verify()) throw bad("the KeyPackage's signature does not verify");
                return keyPackage;
            } catch (ProtocolException refused) {
                throw refused;
            } catch (Exception | StackOverflowError malformed) {
                throw bad("not a well-formed MLS KeyPackage");
            }
        }
    }

    /** A KeyPackage's reference, as RFC 9420 defines it, by which Welcomes and the server name it. */
    static byte[] reference(KeyPackage keyPackage) {
        synchronized (CIPHER_SUITE) {
            try {
                return CIPHER_SUITE.refHash(MLSOutputStream.encode(keyPackage), "MLS 1.0 KeyPackage Reference");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The reference of a proposal the server itself framed as a PublicMessage from an external sender. */
    static byte[] externalProposalReference(byte[] mlsMessage) {
        synchronized (CIPHER_SUITE) {
            try {
                // An external sender's PublicMessage has no membership tag, so past the version it is exactly the AuthenticatedContent.
                return CIPHER_SUITE.refHash(Arrays.copyOfRange(mlsMessage, 2, mlsMessage.length), "MLS 1.0 Proposal Reference");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The suite, whose engines are shared and not thread-safe: hold its lock while using it. */
    static MlsCipherSuite cipherSuite() {
        return CIPHER_SUITE;
    }

    private static Application application(byte[] bytes) throws IOException {
        MLSInputStream in = new MLSInputStream(Arrays.copyOfRange(bytes, HEADER, bytes.length));
        byte[] groupId = in.readOpaque();
        long epoch = (long) in.read(long.class);
        byte type = (byte) in.read(byte.class);
        if (type != APPLICATION) throw bad("handshake messages must be sent as PublicMessage");
        return new Application(groupId, epoch, in.readOpaque());
    }

    private static Handshake handshake(byte[] bytes) throws IOException {
        FramedContent content = (FramedContent) new MLSInputStream(Arrays.copyOfRange(bytes, HEADER, bytes.length))
                .read(FramedContent.class);
        if (content.getContentType() != ContentType.COMMIT) throw bad("members send commits, not bare proposals");
        if (content.getSender().getSenderType() != SenderType.MEMBER) throw bad("only members commit");
        Commit commit = content.getCommit();
        List<KeyPackage> adds = new ArrayList<>();
        List<Integer> removes = new ArrayList<>();
        List<byte[]> references = new ArrayList<>();
        for (ProposalOrRef proposal : commit.getProposals()) {
            if (proposal.getProposal() == null) {
                // Neither inline nor by reference: a ProposalOrRef of the reserved type, which RFC 9420 forbids.
                if (proposal.getReference() == null) throw bad("each proposal of a commit is inline or by reference");
                references.add(proposal.getReference());
            } else if (proposal.getProposal().getProposalType() == ProposalType.ADD) {
                adds.add(proposal.getProposal().getAdd().keyPackage);
            } else if (proposal.getProposal().getProposalType() == ProposalType.REMOVE) {
                removes.add(proposal.getProposal().getRemove().removed.value());
            } else {
                // Re-initialising, external joins, PSKs or new group extensions could take the server's
                // external-sender key out of the group, or the group out of the scene.
                throw bad("scene commits carry only Add and Remove proposals");
            }
        }
        return new Handshake(content.getGroupID(), content.getEpoch(), content.getSender().getSender().value(), adds,
                removes, references);
    }

    private static MlsCipherSuite suite() {
        try {
            return MlsCipherSuite.getSuite(SUITE);
        } catch (Exception e) {
            throw new IllegalStateException("MLS cipher suite 1 is not available", e);
        }
    }

    private static ProtocolException bad(String why) {
        return new ProtocolException(ErrorCode.BAD_MLS, why);
    }
}
