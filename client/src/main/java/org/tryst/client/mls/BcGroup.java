package org.tryst.client.mls;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.mls.TreeKEM.LeafIndex;
import org.bouncycastle.mls.TreeKEM.LeafNode;
import org.bouncycastle.mls.codec.AuthenticatedContent;
import org.bouncycastle.mls.codec.ContentType;
import org.bouncycastle.mls.codec.FramedContent;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSMessage;
import org.bouncycastle.mls.codec.MLSOutputStream;
import org.bouncycastle.mls.codec.Proposal;
import org.bouncycastle.mls.codec.ProposalOrRef;
import org.bouncycastle.mls.codec.ProposalType;
import org.bouncycastle.mls.codec.WireFormat;
import org.bouncycastle.mls.crypto.Secret;
import org.bouncycastle.mls.protocol.Group;

/**
 * One group over Bouncy Castle. Handshake messages go out as PublicMessage, so that the server can
 * check whom a commit adds against the invitations; application data goes out encrypted.
 */
final class BcGroup implements Mls.Group {
    private static final Group.MessageOptions PUBLIC = new Group.MessageOptions(false, new byte[0], 0);
    private static final MethodHandle UNPROTECT = privateMethod("unprotectToContentAuth", MLSMessage.class);
    private static final MethodHandle VERIFY = privateMethod("verifyAuth", AuthenticatedContent.class);

    private final String id;
    private Group group;
    private Group pending;
    private int pendingProposals;
    private final Set<Integer> pendingRemovals = new HashSet<>();

    BcGroup(String id, Group group) {
        this.id = id;
        this.group = group;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public long epoch() {
        return group.getEpoch();
    }

    @Override
    public byte[] epochAuthenticator() {
        return group.getEpochAuthenticator();
    }

    @Override
    public int ownLeaf() {
        return group.getIndex().value();
    }

    @Override
    public List<Mls.Member> members() {
        List<Mls.Member> members = new ArrayList<>();
        for (int i = 0; i < group.getTree().getSize().leafCount(); i++) {
            LeafNode leaf = group.getTree().getLeafNode(new LeafIndex(i));
            if (leaf == null) continue;
            members.add(new Mls.Member(i, new String(leaf.getCredential().getIdentity(), StandardCharsets.UTF_8), leaf.getSignatureKey()));
        }
        return members;
    }

    @Override
    public boolean hasPendingProposals() {
        return pendingProposals > 0;
    }

    @Override
    public Set<Integer> pendingRemovals() {
        return Set.copyOf(pendingRemovals);
    }

    @Override
    public byte[] protect(byte[] authenticatedData, byte[] plaintext) {
        synchronized (BcMls.SUITE) {
            try {
                return MLSOutputStream.encode(group.protect(authenticatedData, plaintext, 0));
            } catch (Exception e) {
                throw new MlsException("encrypting failed", e);
            }
        }
    }

    @Override
    public Mls.Commit commit(List<byte[]> addKeyPackages, List<Integer> removeLeaves) {
        synchronized (BcMls.SUITE) {
            try {
                List<Proposal> proposals = new ArrayList<>();
                for (byte[] keyPackage : addKeyPackages) proposals.add(Proposal.add(BcMls.decode(keyPackage).keyPackage));
                for (int leaf : removeLeaves) proposals.add(Proposal.remove(new LeafIndex(leaf)));
                Group.GroupWithMessage made = group.commit(new Secret(BcMls.random(32)),
                        new Group.CommitOptions(proposals, true, false, null), PUBLIC,
                        new Group.CommitParameters(Group.NORMAL_COMMIT_PARAMS));
                byte[] commit = MLSOutputStream.encode(made.message);
                byte[] welcome = null;
                if (!addKeyPackages.isEmpty()) {
                    made.message.wireFormat = WireFormat.mls_welcome;
                    welcome = MLSOutputStream.encode(made.message);
                }
                pending = group.handle(commit, made.group);
                return new Mls.Commit(commit, welcome);
            } catch (MlsException e) {
                throw e;
            } catch (Exception e) {
                throw new MlsException("committing failed", e);
            }
        }
    }

    @Override
    public void confirm() {
        if (pending == null) throw new MlsException("no commit is pending", null);
        group = pending;
        pending = null;
        pendingProposals = 0;
        pendingRemovals.clear();
    }

    @Override
    public void discard() {
        pending = null;
    }

    @Override
    public Mls.Handled handle(byte[] bytes) {
        synchronized (BcMls.SUITE) {
            MLSMessage message = BcMls.decode(bytes);
            try {
                if (message.wireFormat == WireFormat.mls_private_message) return open(message);
                FramedContent content = (FramedContent) new MLSInputStream(Arrays.copyOfRange(bytes, 4, bytes.length)).read(FramedContent.class);
                if (content.getContentType() == ContentType.PROPOSAL) return storeProposal(bytes, content);
                if (removesMe(content)) return new Mls.Removed();
                Group next = group.handle(bytes, null);
                if (next == null) throw new MlsException("the commit did not produce a new epoch", null);
                group = next;
                pending = null;
                pendingProposals = 0;
                return new Mls.NewEpoch(group.getEpoch());
            } catch (MlsException e) {
                throw e;
            } catch (Throwable e) {
                throw new MlsException("the message does not open in this group", e instanceof Exception cause ? cause : null);
            }
        }
    }

    private Mls.Handled storeProposal(byte[] bytes, FramedContent content) throws Exception {
        group.handle(bytes, null);
        pendingProposals++;
        Proposal proposal = content.getProposal();
        if (proposal.getProposalType() == ProposalType.REMOVE) pendingRemovals.add(proposal.getRemove().removed.value());
        return new Mls.ProposalStored();
    }

    private boolean removesMe(FramedContent commit) {
        for (ProposalOrRef entry : commit.getCommit().getProposals()) {
            if (entry.getProposal() == null && pendingRemovals.contains(ownLeaf())) return true;
            if (entry.getProposal() != null && entry.getProposal().getProposalType() == ProposalType.REMOVE
                    && entry.getProposal().getRemove().removed.value() == ownLeaf()) return true;
        }
        return false;
    }

    /**
     * Decrypts and verifies an application message, as {@code Group.unprotect} does, but keeping the
     * sender's leaf, which that method drops; the two steps it is made of are private, hence the handles.
     */
    private Mls.Application open(MLSMessage message) throws Throwable {
        AuthenticatedContent content = (AuthenticatedContent) UNPROTECT.invoke(group, message);
        if (!(boolean) VERIFY.invoke(group, content)) throw new MlsException("the message's signature does not verify", null);
        if (content.getContent().getContentType() != ContentType.APPLICATION || content.getWireFormat() != WireFormat.mls_private_message) {
            throw new MlsException("application data must come encrypted", null);
        }
        int leaf = content.getContent().getSender().getSender().value();
        Mls.Member sender = members().stream().filter(member -> member.leaf() == leaf).findFirst()
                .orElseThrow(() -> new MlsException("the sender is not a member", null));
        return new Mls.Application(sender, content.getContent().getAuthenticated_data(), content.getContent().getContentBytes());
    }

    private static MethodHandle privateMethod(String name, Class<?>... parameters) {
        try {
            return MethodHandles.privateLookupIn(Group.class, MethodHandles.lookup())
                    .findVirtual(Group.class, name, MethodType.methodType(
                            name.equals("verifyAuth") ? boolean.class : AuthenticatedContent.class, parameters));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
