package org.tryst.client.mls;

import java.util.List;

/**
 * Everything Tryst needs from MLS (RFC 9420, cipher suite 1), in our own terms, so that the library
 * underneath can be swapped. One instance is one device: its signature key, its unused KeyPackages'
 * secrets and its groups. Not thread-safe: callers confine it to one thread.
 */
public interface Mls {
    /** The device's Ed25519 signature public key (raw 32 bytes). */
    byte[] signatureKey();

    /** A fresh KeyPackage for a persona, as an MLSMessage; its private keys stay here until a Welcome uses them. */
    byte[] newKeyPackage(String personaId);

    /** How many KeyPackages made here for a persona still wait for a Welcome. */
    int unusedKeyPackages(String personaId);

    /** Creates a group alone at epoch 0, listing the server as external sender so that it may propose removals. */
    Group create(String groupId, String personaId, byte[] externalSenderKey);

    /** Joins a group from a Welcome addressed to one of this device's KeyPackages. */
    Group join(byte[] welcome);

    /** The group with this id, if this device is in it. */
    Group group(String groupId);

    /** Forgets a group and its keys. */
    void forget(String groupId);

    /** The whole state, to be written to disk; see {@link BcMls#restore}. */
    byte[] save();

    /** A member's place in a group: its leaf, the persona its credential names, and its signature key. */
    record Member(int leaf, String personaId, byte[] signatureKey) {}

    /** A commit made but not yet accepted by the server: its message, and a Welcome when it adds members. */
    record Commit(byte[] message, byte[] welcome) {}

    /** What handling an incoming handshake or application message did. */
    sealed interface Handled {}

    /** An application message: who sent it, its authenticated data and plaintext. */
    record Application(Member sender, byte[] authenticatedData, byte[] plaintext) implements Handled {}

    /** A proposal was stored; the next commit carries it. */
    record ProposalStored() implements Handled {}

    /** A commit moved the group to a new epoch. */
    record NewEpoch(long epoch) implements Handled {}

    /** A commit removed this device: the group is gone. */
    record Removed() implements Handled {}

    /** One device's view of one group at its current epoch. */
    interface Group {
        String id();

        long epoch();

        /** Equal for every member at the same epoch: what members compare to know they agree. */
        byte[] epochAuthenticator();

        int ownLeaf();

        List<Member> members();

        /** True when proposals wait for a commit (for example the server's removal of a member who left). */
        boolean hasPendingProposals();

        /** The leaves that stored proposals remove: members on their way out, who stay in the tree until the next commit. */
        java.util.Set<Integer> pendingRemovals();

        /** Encrypts application data for the group at the current epoch. */
        byte[] protect(byte[] authenticatedData, byte[] plaintext);

        /**
         * Commits the pending proposals plus adds and removes, as a PublicMessage; the group stays at
         * its epoch until {@link #confirm} (the server accepted it) or {@link #discard} (it did not).
         */
        Commit commit(List<byte[]> addKeyPackages, List<Integer> removeLeaves);

        void confirm();

        void discard();

        /** Handles a message from another member or the server, in the order the server relays them. */
        Handled handle(byte[] message);
    }
}
