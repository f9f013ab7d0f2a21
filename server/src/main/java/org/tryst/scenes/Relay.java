package org.tryst.scenes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.bouncycastle.mls.codec.KeyPackage;
import org.jdbi.v3.core.Handle;
import org.tryst.cluster.Stripes;
import org.tryst.config.Config;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Delivery;
import org.tryst.protocol.ClientMessage.SceneSend;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.scenes.MlsFrames.Application;
import org.tryst.scenes.MlsFrames.Handshake;
import org.tryst.scenes.SceneStore.Leaf;
import org.tryst.scenes.SceneStore.Stored;
import org.tryst.storage.GroupCommit;
import org.tryst.storage.Sql;
import org.tryst.storage.TimeOrderedIds;

/**
 * The Delivery Service's relay: stores each scene message durably, in the scene's order, queued for
 * every member device but the sender's, and only then delivers it and acknowledges it; application
 * messages from every device are stored together, many in one transaction (group commit). Commits are
 * ordered by epoch (the first for an epoch wins; the rest get {@code stale_epoch}) and checked for
 * consent: an Add must use a KeyPackage claimed for an accepted invitation, with a Welcome for it.
 */
final class Relay implements AutoCloseable {
    static final String APPLICATION = "application";
    static final String COMMIT = "commit";
    static final String PROPOSAL = "proposal";
    static final String WELCOME = "welcome";

    private final Sql sql;
    private final Invitations invitations;
    private final Deliveries deliveries;
    private final Delivery delivery;
    private final FrankingKeys franking;
    private final SceneViews views;
    private final Stripes sceneLocks;
    private final Config.Scenes config;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final GroupCommit<Waiting> applications;

    Relay(Sql sql, Delivery delivery, Invitations invitations, Deliveries deliveries, FrankingKeys franking, SceneViews views, Stripes sceneLocks,
          Config.Scenes config, Clock clock) {
        this.sql = sql;
        this.invitations = invitations;
        this.deliveries = deliveries;
        this.delivery = delivery;
        this.franking = franking;
        this.views = views;
        this.sceneLocks = sceneLocks;
        this.config = config;
        this.clock = clock;
        this.ids = new TimeOrderedIds(clock);
        this.applications = new GroupCommit<>("scene-relay", 256, this::storeTogether);
    }

    /** A stored message and the devices it goes to. */
    record Push(Stored message, List<String> recipients) {}

    /**
     * What a send did: the message to acknowledge, what to deliver, whether the membership changed,
     * and the invitations that served, their personas added.
     */
    record Outcome(Stored acknowledged, List<Push> pushes, boolean membershipChanged, List<Invitations.Invitation> fulfilled) {
        Outcome(Stored acknowledged, List<Push> pushes) {
            this(acknowledged, pushes, false, List.of());
        }
    }

    /** What a relayed message changed beyond the scene's traffic: its members, and the invitations that served. */
    record Relayed(boolean membershipChanged, List<Invitations.Invitation> fulfilled) {}

    /** Relays one message from the caller's device; answers {@code scene.sent} itself. */
    Relayed send(Caller caller, SceneSend request) {
        String device = caller.device();
        if (device == null) throw new ProtocolException(ErrorCode.NO_DEVICE, "send device.attach on this socket first");
        byte[] data = java.util.Base64.getDecoder().decode(request.data());
        byte[] welcome = request.welcome() == null ? null : java.util.Base64.getDecoder().decode(request.welcome());
        MlsFrames.Frame frame = MlsFrames.parse(data);
        if (frame instanceof Application) {
            acknowledge(caller, request, relayTogether(new Waiting(caller, request, frame, data, new CompletableFuture<>())));
            return new Relayed(false, List.of());
        }
        return sceneLocks.locked(request.scene(), () -> {
            Outcome outcome = sql.inTransaction(handle -> store(handle, caller, request, frame, data, welcome));
            deliver(outcome);
            acknowledge(caller, request, outcome.acknowledged());
            return new Relayed(outcome.membershipChanged(), outcome.fulfilled());
        });
    }

    /** An application message waiting for the next batch, and what became of it. */
    private record Waiting(Caller caller, SceneSend request, MlsFrames.Frame frame, byte[] data, CompletableFuture<Stored> stored) {}

    /** Waits until the message's batch is stored and delivered; a refusal of this one message is thrown as it was. */
    private Stored relayTogether(Waiting waiting) {
        try {
            return applications.submit(waiting).thenCompose(written -> waiting.stored()).join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) throw cause;
            throw failed;
        }
    }

    /**
     * Stores a batch of application messages in one transaction, then delivers them in the order they
     * were stored. The scenes' locks are held throughout, so a commit relayed meanwhile in one of
     * these scenes is numbered and delivered after them, never in between.
     */
    private void storeTogether(List<Waiting> batch) {
        sceneLocks.lockedAll(batch.stream().map(waiting -> waiting.request().scene()).toList(), () -> {
            List<Runnable> results = sql.inTransaction(handle -> batch.stream().map(waiting -> storeOne(handle, waiting)).toList());
            results.forEach(Runnable::run);
        });
    }

    /** Stores one message of a batch; what to do once the batch is durable (deliver it, or refuse it). */
    private Runnable storeOne(Handle handle, Waiting waiting) {
        try {
            Outcome outcome = store(handle, waiting.caller(), waiting.request(), waiting.frame(), waiting.data(), null);
            return () -> {
                deliver(outcome);
                waiting.stored().complete(outcome.acknowledged());
            };
        } catch (ProtocolException refused) {
            return () -> waiting.stored().completeExceptionally(refused);
        }
    }

    private void deliver(Outcome outcome) {
        outcome.pushes().forEach(push -> deliveries.push(push.message(), push.recipients()));
    }

    private void acknowledge(Caller caller, SceneSend request, Stored sent) {
        delivery.reply(caller, new ServerMessage.SceneSent(request.id(), sent.scene(), sent.id(), sent.seq(), sent.epoch(), sent.at(), sent.expiresAt()));
    }

    /** Stops taking application messages once those queued are stored. */
    @Override
    public void close() {
        applications.close();
    }

    private Outcome store(Handle handle, Caller caller, SceneSend request, MlsFrames.Frame frame, byte[] data, byte[] welcome) {
        String device = caller.device();
        Optional<Stored> before = SceneStore.sentBefore(handle, device, request.message());
        if (before.isPresent()) return new Outcome(before.get(), List.of());
        List<Leaf> leaves = SceneStore.leaves(handle, request.scene());
        Leaf sender = leaves.stream().filter(leaf -> leaf.device().equals(device)).findFirst().orElseThrow(() ->
                SceneStore.scene(handle, request.scene()).isPresent()
                        ? new ProtocolException(ErrorCode.NOT_MEMBER, "this device is not in that scene")
                        : new ProtocolException(ErrorCode.NOT_FOUND, "no such scene"));
        return switch (frame) {
            case Application application -> application(handle, caller, request, application, data, leaves, sender);
            case Handshake commit -> commit(handle, request, commit, data, welcome, leaves, sender);
        };
    }

    private Outcome application(Handle handle, Caller caller, SceneSend request, Application frame, byte[] data,
                                List<Leaf> leaves, Leaf sender) {
        MlsIdentity.requireGroup(frame.groupId(), request.scene());
        byte[] commitment = Franking.commitment(frame.authenticatedData());
        long now = clock.millis();
        FrankingKeys.Current key = franking.current();
        byte[] tag = key.franking().tag(commitment, caller.accountId(), sender.persona(), frame.groupId(), frame.epoch(), now);
        // The number is taken last: a refusal in a batch must come before this message's first write.
        SceneStore.Slot slot = nextSeq(handle, request.scene(), frame.epoch(), false);
        Stored message = new Stored(ids.next(), request.scene(), slot.seq(), frame.epoch(), APPLICATION, sender.device(),
                sender.persona(), data, tag, key.kid(), now, slot.expiresAt(now));
        List<String> recipients = others(leaves, sender);
        SceneStore.insertMessage(handle, message, request.message(), recipients);
        return new Outcome(message, List.of(new Push(message, recipients)));
    }

    private Outcome commit(Handle handle, SceneSend request, Handshake frame, byte[] data, byte[] welcome, List<Leaf> leaves,
                           Leaf sender) {
        MlsIdentity.requireGroup(frame.groupId(), request.scene());
        if (frame.senderLeaf() != sender.leaf()) throw new ProtocolException(ErrorCode.FORBIDDEN, "the commit's sender is not this device's leaf");
        SceneStore.Slot slot = nextSeq(handle, request.scene(), frame.epoch(), true);
        Set<Integer> removed = removedLeaves(handle, request.scene(), frame, leaves, sender);
        List<Claim> claims = claimsFor(handle, request.scene(), frame.adds(), welcome);
        Set<String> personasAfter = new HashSet<>();
        leaves.stream().filter(leaf -> !removed.contains(leaf.leaf())).forEach(leaf -> personasAfter.add(leaf.persona()));
        claims.forEach(claim -> personasAfter.add(claim.persona()));
        if (personasAfter.size() > config.maxMembers()) throw new ProtocolException(ErrorCode.SCENE_FULL, "this scene has room for " + config.maxMembers() + " members");

        long now = clock.millis();
        Long expires = slot.expiresAt(now);
        Stored commit = new Stored(ids.next(), request.scene(), slot.seq(), frame.epoch(), COMMIT, sender.device(), sender.persona(),
                data, null, null, now, expires);
        List<String> recipients = others(leaves, sender);
        SceneStore.insertMessage(handle, commit, request.message(), recipients);
        handle.createUpdate("INSERT INTO scene_epochs (scene_id, epoch, seq) VALUES (:scene, :epoch, :seq)")
                .bind("scene", request.scene()).bind("epoch", frame.epoch()).bind("seq", slot.seq()).execute();
        List<Push> pushes = new ArrayList<>(List.of(new Push(commit, recipients)));
        applyRemovals(handle, request.scene(), leaves, removed);
        List<Invitations.Invitation> fulfilled = new ArrayList<>();
        List<String> newDevices = applyAdds(handle, request.scene(), leaves, removed, claims, now, fulfilled);
        if (!newDevices.isEmpty()) {
            long welcomeSeq = nextSeq(handle, request.scene(), frame.epoch() + 1, false).seq();
            Stored welcomeMessage = new Stored(ids.next(), request.scene(), welcomeSeq, frame.epoch() + 1, WELCOME,
                    sender.device(), sender.persona(), welcome, null, null, now, expires);
            SceneStore.insertMessage(handle, welcomeMessage, null, newDevices);
            pushes.add(new Push(welcomeMessage, newDevices));
        }
        return new Outcome(commit, pushes, !removed.isEmpty() || !claims.isEmpty(), fulfilled);
    }

    /** A KeyPackage claimed for this scene, which the commit adds. */
    private record Claim(KeyPackage keyPackage, byte[] ref, String device, String persona) {}

    /**
     * The leaves the commit removes, inline or by reference to the server's own proposals; every
     * removal the server proposed for a member who left must be among them.
     */
    private static Set<Integer> removedLeaves(Handle handle, String sceneId, Handshake frame, List<Leaf> leaves, Leaf sender) {
        Set<Integer> removed = new HashSet<>(frame.removes());
        record Removal(int leaf, byte[] ref) {}
        List<Removal> pending = handle.createQuery("SELECT leaf, proposal_ref FROM scene_removals WHERE scene_id = :scene")
                .bind("scene", sceneId).map((rs, ctx) -> new Removal(rs.getInt("leaf"), rs.getBytes("proposal_ref"))).list();
        for (byte[] reference : frame.references()) {
            Removal match = pending.stream().filter(removal -> Arrays.equals(removal.ref(), reference)).findFirst()
                    .orElseThrow(() -> new ProtocolException(ErrorCode.BAD_MLS, "the commit refers to a proposal the server did not relay"));
            removed.add(match.leaf());
        }
        for (Removal removal : pending) {
            if (!removed.contains(removal.leaf())) {
                throw new ProtocolException(ErrorCode.PROPOSALS_PENDING, "a member left: the commit must include the server's proposal to remove it");
            }
        }
        Set<Integer> occupied = new HashSet<>();
        leaves.forEach(leaf -> occupied.add(leaf.leaf()));
        pending.forEach(removal -> occupied.add(removal.leaf()));
        if (!occupied.containsAll(removed)) throw new ProtocolException(ErrorCode.BAD_MLS, "the commit removes a leaf that holds no member");
        if (removed.contains(sender.leaf())) throw new ProtocolException(ErrorCode.BAD_MLS, "a member cannot commit its own removal; send scene.leave");
        return removed;
    }

    private List<Claim> claimsFor(Handle handle, String sceneId, List<KeyPackage> adds, byte[] welcome) {
        if (adds.isEmpty() && welcome != null) throw new ProtocolException(ErrorCode.BAD_MLS, "a Welcome comes only with a commit that adds members");
        if (!adds.isEmpty() && welcome == null) throw new ProtocolException(ErrorCode.NOT_INVITED, "a commit that adds members carries their Welcome");
        List<Claim> claims = new ArrayList<>();
        for (KeyPackage keyPackage : adds) {
            byte[] ref = MlsFrames.reference(keyPackage);
            Claim claim = handle.createQuery("SELECT device_id, persona_id FROM key_package_claims WHERE scene_id = :scene AND ref = :ref")
                    .bind("scene", sceneId).bind("ref", ref)
                    .map((rs, ctx) -> new Claim(keyPackage, ref, rs.getString("device_id"), rs.getString("persona_id"))).findOne()
                    .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_INVITED, "the commit adds someone with a KeyPackage not claimed for this scene"));
            if (!invitations.accepted(handle, sceneId, claim.persona())) {
                throw new ProtocolException(ErrorCode.NOT_INVITED, "the commit adds a persona that has not accepted an invitation");
            }
            if (!MlsFrames.welcomes(welcome, keyPackage)) throw new ProtocolException(ErrorCode.NOT_INVITED, "the Welcome does not welcome everyone the commit adds");
            claims.add(claim);
        }
        return claims;
    }

    private static void applyRemovals(Handle handle, String sceneId, List<Leaf> leaves, Set<Integer> removed) {
        handle.createUpdate("DELETE FROM scene_removals WHERE scene_id = :scene").bind("scene", sceneId).execute();
        for (Leaf leaf : leaves) {
            if (!removed.contains(leaf.leaf())) continue;
            handle.createUpdate("DELETE FROM scene_devices WHERE scene_id = :scene AND leaf = :leaf")
                    .bind("scene", sceneId).bind("leaf", leaf.leaf()).execute();
            handle.createUpdate("""
                            DELETE FROM scene_members WHERE scene_id = :scene AND persona_id = :persona
                            AND NOT EXISTS (SELECT 1 FROM scene_devices d WHERE d.scene_id = :scene AND d.persona_id = :persona)""")
                    .bind("scene", sceneId).bind("persona", leaf.persona()).execute();
        }
    }

    /** Seats each added device at the leftmost free leaf, as MLS does, and makes its persona a member; its invitation goes to {@code fulfilled}. */
    private List<String> applyAdds(Handle handle, String sceneId, List<Leaf> leaves, Set<Integer> removed, List<Claim> claims, long now,
                                   List<Invitations.Invitation> fulfilled) {
        Set<Integer> occupied = new HashSet<>();
        leaves.stream().map(Leaf::leaf).filter(leaf -> !removed.contains(leaf)).forEach(occupied::add);
        List<String> added = new ArrayList<>();
        for (Claim claim : claims) {
            int leaf = 0;
            while (occupied.contains(leaf)) leaf++;
            occupied.add(leaf);
            SceneStore.insertLeaf(handle, sceneId, new Leaf(claim.device(), claim.persona(), leaf));
            SceneStore.insertMember(handle, sceneId, claim.persona(), now);
            handle.createUpdate("DELETE FROM key_package_claims WHERE scene_id = :scene AND ref = :ref")
                    .bind("scene", sceneId).bind("ref", claim.ref()).execute();
            fulfilled.addAll(invitations.fulfilled(handle, sceneId, claim.persona()));
            added.add(claim.device());
        }
        return added;
    }

    private static SceneStore.Slot nextSeq(Handle handle, String sceneId, long epoch, boolean commit) {
        return SceneStore.nextSeq(handle, sceneId, epoch, commit).orElseThrow(() -> {
            long current = SceneStore.scene(handle, sceneId).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no such scene")).epoch();
            return new ProtocolException(ErrorCode.STALE_EPOCH, "the scene is at epoch " + current + ", the message at " + epoch);
        });
    }

    private static List<String> others(List<Leaf> leaves, Leaf sender) {
        return leaves.stream().map(Leaf::device).filter(device -> !device.equals(sender.device())).toList();
    }
}
