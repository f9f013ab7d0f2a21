package org.tryst.scenes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.mls.TreeKEM.LeafIndex;
import org.bouncycastle.mls.codec.MLSMessage;
import org.bouncycastle.mls.codec.MLSOutputStream;
import org.bouncycastle.mls.codec.Proposal;
import org.jdbi.v3.core.Handle;
import org.tryst.cluster.Stripes;
import org.tryst.config.Config;
import org.tryst.consent.Boundaries;
import org.tryst.cluster.Audience;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.cluster.Sight;
import org.tryst.cluster.Streams;
import org.tryst.personas.Persona;
import org.tryst.personas.Personas;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.ServerMessage.InvitationGone.Why;
import org.tryst.protocol.Views;
import org.tryst.safety.Blocks;
import org.tryst.scenes.SceneStore.Leaf;
import org.tryst.scenes.SceneStore.Stored;
import org.tryst.storage.GroupCommit;
import org.tryst.storage.Ids;
import org.tryst.storage.Sql;
import org.tryst.storage.TimeOrderedIds;

/**
 * Private scenes, end to end encrypted with MLS: the server creates them, holds invitations (consent
 * before anyone is added), relays and queues their opaque messages, lets a member leave at once, and
 * deletes ciphertext when the scene's disappearing timer runs out.
 */
public final class Scenes implements AutoCloseable {
    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    private final Sql sql;
    private final Personas personas;
    private final Boundaries boundaries;
    private final Devices devices;
    private final Delivery delivery;
    private final Config.Scenes config;
    private final Clock clock;
    private final ServerKeys keys;
    private final Invitations invitations;
    private final InvitationNews news;
    private final Deliveries deliveries;
    private final Stripes sceneLocks = new Stripes(256);
    private final SceneViews views;
    private final Transcripts transcripts;
    private final Relay relay;
    private final Signals signals;
    private final FrankingKeys frankingKeys;
    private final TimeOrderedIds ids;
    private final Blocks blocks;
    private final GroupCommit<Ack> acks;
    private final java.util.function.Predicate<String> excludedAccount;

    public Scenes(Sql sql, Personas personas, Boundaries boundaries, Devices devices, Delivery delivery, Streams streams, Blocks blocks,
                  java.util.function.Predicate<String> excludedAccount, Config.Scenes config, Config.Moderation moderation, Clock clock) {
        this.excludedAccount = excludedAccount;
        this.blocks = blocks;
        this.sql = sql;
        this.personas = personas;
        this.boundaries = boundaries;
        this.devices = devices;
        this.delivery = delivery;
        this.config = config;
        this.clock = clock;
        this.keys = new ServerKeys(sql, clock);
        this.invitations = new Invitations(config, blocks, clock);
        this.news = new InvitationNews(personas, delivery);
        this.transcripts = new Transcripts(clock);
        this.views = new SceneViews(personas, boundaries, keys.externalSenderPublic(), transcripts);
        this.frankingKeys = new FrankingKeys(sql, moderation, clock);
        this.deliveries = new Deliveries(delivery, streams, sql, views);
        this.relay = new Relay(sql, delivery, invitations, deliveries, frankingKeys, views, sceneLocks, config, clock);
        this.signals = new Signals(sql, deliveries, clock);
        this.ids = new TimeOrderedIds(clock);
        this.acks = new GroupCommit<>("scene-acks", 256, this::writeAcks);
    }

    /** Binds the socket to one of its account's devices and delivers the device's queue, oldest first. */
    public void attach(Caller caller, String requestId, String deviceId) {
        devices.requireOwned(caller.accountId(), deviceId);
        if (caller.device() != null && !caller.device().equals(deviceId)) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "this socket already speaks for another device");
        }
        deliveries.attach(caller, deviceId, queued -> new ServerMessage.DeviceAttached(requestId, deviceId, queued),
                () -> sql.withHandle(handle -> SceneStore.queue(handle, deviceId)).stream()
                        .<ServerMessage>map(message -> new ServerMessage.SceneDelivery(views.message(message))).toList());
    }

    /** Stores KeyPackages for the socket's device; answers how many it has. */
    public ServerMessage upload(Caller caller, ClientMessage.KeyPackagesUpload request, Persona persona) {
        String device = requireDevice(caller);
        List<byte[]> packages = request.keyPackages().stream().map(BASE64::decode).toList();
        byte[] lastResort = request.lastResort() == null ? null : BASE64.decode(request.lastResort());
        int available = devices.upload(caller.accountId(), device, persona, packages, lastResort);
        return new ServerMessage.KeyPackagesStored(request.id(), persona.id(), available);
    }

    /** Creates a scene with the persona, on the caller's device, as its first member at leaf 0, set where {@code setting} says. */
    public Views.Scene create(Caller caller, Persona persona, Optional<Views.Setting> setting) {
        String device = requireDevice(caller);
        String sceneId = Ids.random();
        long now = clock.millis();
        return sql.inTransaction(handle -> {
            SceneStore.insertScene(handle, sceneId, config.defaultTimerSeconds(), now, setting);
            SceneStore.insertMember(handle, sceneId, persona.id(), now);
            SceneStore.insertLeaf(handle, sceneId, new Leaf(device, persona.id(), 0));
            return views.scene(handle, SceneStore.scene(handle, sceneId).orElseThrow());
        });
    }

    /** The scenes of the account's personas. */
    public List<Views.Scene> list(String accountId) {
        List<String> mine = personaIds(accountId);
        return sql.withHandle(handle -> SceneStore.scenesOf(handle, mine).stream()
                .map(id -> views.scene(handle, SceneStore.scene(handle, id).orElseThrow())).toList());
    }

    /**
     * A member invites a persona, proposing topics and a safeword word (absent: the default word, or
     * the scene's agreement once it has one, which a later invitation may only repeat); the invitee's
     * sockets hear of it at once, unless the invitee has blocked or muted the inviter, or a block
     * stands between it and a member: then the invitation is swallowed as a decline is, and neither
     * side learns anything.
     */
    public Views.Invitation invite(Persona inviter, ClientMessage.SceneInvite request) {
        String sceneId = request.scene();
        String inviteeId = request.invitee();
        Persona invitee = personas.byId(inviteeId).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no such persona"));
        Invitations.Invited invited = sql.inTransaction(handle -> {
            requireMember(handle, sceneId, inviter.id());
            requireNoCoolingOff(handle, inviteeId, inviter.id());
            if (SceneStore.isMember(handle, sceneId, inviteeId)) throw new ProtocolException(ErrorCode.ALREADY_MEMBER, "already a member of that scene");
            Agreements.Terms terms = Agreements.proposal(handle, request, boundaries);
            return invitations.invite(handle, sceneId, inviter.id(), inviteeId, request.note(), terms,
                    SceneStore.memberIds(handle, sceneId).size(),
                    // An account that excluded itself hears of nothing: its invitations are swallowed as a decline is.
                    blocks.concerning(new Blocks.Viewer(invitee.accountId(), List.of(invitee.id()))).silences(inviter.id())
                            || excludedAccount.test(invitee.accountId()));
        });
        Invitations.Invitation invitation = invited.invitation();
        news.ended(invited.ended());
        // Do not disturb holds the news until the invitee chooses another status.
        if (invited.created() && invitee.chosen().status() != Presence.DND) {
            tellAccount(invitee.accountId(), new ServerMessage.InvitationReceived(invitationView(invitation, Invitations.PENDING)));
        }
        return sql.withHandle(handle -> sentView(handle, inviter.accountId(), invitation));
    }

    /**
     * The invitee accepts exactly what the invitation proposes, which becomes (or joins) the scene's
     * agreement; anything else is refused and nothing changes. The members hear of it, and may now
     * add the persona; the invitee's other sockets drop it from their list.
     */
    public Views.Invitation accept(String accountId, ClientMessage.InvitationAccept request) {
        List<String> mine = personaIds(accountId);
        Invitations.Invitation invitation = sql.inTransaction(handle -> {
            Invitations.Invitation open = invitations.addressedTo(handle, request.invitation(), mine);
            if (invitations.separatedFromMembers(handle, open.scene(), open.invitee())) {
                throw new ProtocolException(ErrorCode.NOT_FOUND, "no such invitation");
            }
            Agreements.agree(handle, open, request, clock.millis());
            invitations.answer(handle, open.id(), Invitations.ACCEPTED);
            return open;
        });
        Views.Invitation accepted = invitationView(invitation, Invitations.ACCEPTED);
        news.answered(accountId, invitation.id(), Why.ACCEPTED);
        tellMembers(invitation.scene(), new ServerMessage.InvitationAccepted(accepted));
        return accepted;
    }

    /** The invitee declines; nobody else is told, and the invitee's other sockets drop it from their list. */
    public void decline(String accountId, String invitationId) {
        List<String> mine = personaIds(accountId);
        sql.useTransaction(handle -> {
            invitations.addressedTo(handle, invitationId, mine);
            invitations.answer(handle, invitationId, Invitations.DECLINED);
        });
        news.answered(accountId, invitationId, Why.DECLINED);
    }

    /**
     * A persona left do not disturb: each invitation to it still waiting for its answer is news to
     * its account now, as it would have been when it came.
     */
    public void statusChanged(Persona before, Persona now) {
        if (before.chosen().status() != Presence.DND || now.chosen().status() == Presence.DND) return;
        Blocks.Concerning concerning = blocks.concerning(new Blocks.Viewer(now.accountId(), List.of(now.id())));
        List<Invitations.Invitation> held = sql.withHandle(handle -> invitations.received(handle, List.of(now.id())));
        held.stream().filter(invitation -> !concerning.silences(invitation.inviter())).forEach(invitation ->
                tellAccount(now.accountId(), new ServerMessage.InvitationReceived(invitationView(invitation, Invitations.PENDING))));
    }

    /** The invitations to and from the account's personas. */
    public ServerMessage invitations(String requestId, String accountId) {
        List<String> mine = personaIds(accountId);
        Blocks.Concerning concerning = blocks.concerning(new Blocks.Viewer(accountId, mine));
        return sql.withHandle(handle -> new ServerMessage.Invitations(requestId,
                invitations.received(handle, mine).stream()
                        .filter(i -> !concerning.silences(i.inviter()))
                        .map(i -> views.invitation(handle, i, Invitations.PENDING)).toList(),
                invitations.sent(handle, mine).stream().map(i -> sentView(handle, accountId, i)).toList()));
    }

    /** An invitation as its inviter sees it: an invitee whose account blocks the inviter keeps its boundaries to itself. */
    private Views.Invitation sentView(Handle handle, String inviterAccount, Invitations.Invitation invitation) {
        boolean blocked = blocks.blockedBy(new Blocks.Viewer(inviterAccount, List.of(invitation.inviter())), invitation.invitee());
        return views.invitation(handle, invitation, invitation.shownToInviter(), !blocked);
    }

    /** Hands out one KeyPackage per device of a persona that accepted an invitation into the scene. */
    public ServerMessage claim(Caller caller, String requestId, String sceneId, String personaId) {
        List<String> mine = personaIds(caller.accountId());
        Devices.Claimed claimed = sql.inTransaction(handle -> {
            if (mine.stream().noneMatch(persona -> SceneStore.isMember(handle, sceneId, persona))) {
                throw new ProtocolException(ErrorCode.NOT_MEMBER, "none of your personas is in that scene");
            }
            if (!invitations.accepted(handle, sceneId, personaId)) {
                throw new ProtocolException(ErrorCode.NOT_INVITED, "that persona has not accepted an invitation into the scene");
            }
            return devices.claim(handle, sceneId, personaId);
        });
        claimed.low().forEach(low -> deliveries.tell(List.of(low.device()), low.event()));
        return new ServerMessage.KeyPackages(requestId, sceneId, personaId, claimed.keyPackages());
    }

    /** Relays a scene message from the caller's device; the reply comes from the relay once it is stored. */
    public void send(Caller caller, ClientMessage.SceneSend request) {
        Relay.Relayed relayed = relay.send(caller, request);
        if (relayed.membershipChanged()) tellMembers(request.scene(), changed(request.scene(), "members"));
        news.added(relayed.fulfilled());
    }

    /** Relays a call signal to the scene's other devices online now; nothing of it is stored. */
    public void signal(Caller caller, ClientMessage.SceneSignal request) {
        signals.relay(caller, request);
    }

    /** Refuses unless one of the account's personas is a member of the scene: NOT_FOUND for no such scene, NOT_MEMBER otherwise. */
    public void requireMember(String accountId, String sceneId) {
        sql.useHandle(handle -> {
            if (SceneStore.scene(handle, sceneId).isEmpty()) throw new ProtocolException(ErrorCode.NOT_FOUND, "no such scene");
            if (!SceneStore.hasAccountMember(handle, sceneId, accountId)) {
                throw new ProtocolException(ErrorCode.NOT_MEMBER, "none of this account's personas is in that scene");
            }
        });
    }

    /** Acknowledged messages of one device, and until when their ids stay for idempotent resends. */
    private record Ack(String device, List<String> messageIds, long keepIdsUntil) {}

    /**
     * The device has processed these messages; each is wiped once every device it was queued for has
     * them. Acknowledgements from every device are written together, many in one transaction, and the
     * socket's next requests do not wait for it; the future completes once this one is written.
     */
    public CompletableFuture<Void> ack(Caller caller, List<String> messageIds) {
        String device = requireDevice(caller);
        return acks.submit(new Ack(device, messageIds, clock.millis() + TimeUnit.HOURS.toMillis(config.resendWindowHours())));
    }

    private void writeAcks(List<Ack> batch) {
        sql.useTransaction(handle -> {
            for (Ack ack : batch) {
                handle.createUpdate("DELETE FROM scene_queue WHERE device_id = :device AND message_id IN (<ids>)")
                        .bind("device", ack.device()).bindList("ids", ack.messageIds()).execute();
                handle.createUpdate("""
                                UPDATE scene_messages SET data = :empty, tag = NULL,
                                    expires_at = CASE WHEN expires_at IS NULL OR expires_at > :until THEN :until ELSE expires_at END
                                WHERE id IN (<ids>) AND NOT EXISTS (SELECT 1 FROM scene_queue q WHERE q.message_id = scene_messages.id)""")
                        .bind("empty", new byte[0]).bind("until", ack.keepIdsUntil()).bindList("ids", ack.messageIds()).execute();
            }
        });
    }

    /**
     * The persona leaves at once: its devices get nothing more, and the server, as the group's
     * external sender, proposes removing each of their leaves; the next commit must include those.
     */
    public void leave(Persona persona, String sceneId) {
        List<Invitations.Ended> withdrawn = new ArrayList<>();
        boolean sceneGone = sceneLocks.locked(sceneId, () -> {
            Optional<List<Relay.Push>> proposals = sql.inTransaction(handle -> {
                requireMember(handle, sceneId, persona.id());
                List<Leaf> leaves = SceneStore.leaves(handle, sceneId);
                List<Leaf> leaving = leaves.stream().filter(leaf -> leaf.persona().equals(persona.id())).toList();
                List<String> staying = leaves.stream().filter(leaf -> !leaf.persona().equals(persona.id())).map(Leaf::device).toList();
                forget(handle, sceneId, persona.id());
                if (staying.isEmpty()) {
                    withdrawn.addAll(invitations.withdrawnWith(handle, sceneId));
                    handle.createUpdate("DELETE FROM scenes WHERE id = :id").bind("id", sceneId).execute();
                    return Optional.empty();
                }
                return Optional.of(leaving.stream().map(leaf -> new Relay.Push(proposeRemoval(handle, sceneId, leaf), staying)).toList());
            });
            proposals.ifPresent(pushes -> pushes.forEach(push -> deliveries.push(push.message(), push.recipients())));
            return proposals.isEmpty();
        });
        if (!sceneGone) tellMembers(sceneId, changed(sceneId, "left"));
        news.ended(withdrawn);
    }

    /**
     * A member's timer choice: shorter than the current timer applies at once; longer, or off,
     * applies when every member has chosen it, since keeping messages longer needs everyone's yes.
     */
    public void timer(Persona persona, String sceneId, long seconds) {
        sql.useTransaction(handle -> {
            requireMember(handle, sceneId, persona.id());
            long current = SceneStore.scene(handle, sceneId).orElseThrow().timerSeconds();
            boolean shorter = seconds != 0 && (current == 0 || seconds < current);
            if (seconds == current || shorter) {
                if (shorter) setTimer(handle, sceneId, seconds);
                else chooseTimer(handle, sceneId, persona.id(), null);
                return;
            }
            chooseTimer(handle, sceneId, persona.id(), seconds);
            int disagreeing = handle.createQuery("""
                            SELECT COUNT(*) FROM scene_members WHERE scene_id = :scene AND (timer_choice IS NULL OR timer_choice <> :seconds)""")
                    .bind("scene", sceneId).bind("seconds", seconds).mapTo(Integer.class).one();
            if (disagreeing == 0) setTimer(handle, sceneId, seconds);
        });
        tellMembers(sceneId, changed(sceneId, "timer"));
    }

    /**
     * The safeword: ends the scene at once for every member (the server deletes it with everything
     * queued in it, and tells every member's sockets), and keeps its other members from inviting
     * this persona again until the cooling-off has passed. A modified client cannot get round it.
     */
    public void safeword(Persona persona, String sceneId, int coolingOffHours) {
        Set<String> accounts = new HashSet<>();
        List<Invitations.Ended> withdrawn = new ArrayList<>();
        sceneLocks.locked(sceneId, () -> sql.useTransaction(handle -> {
            requireMember(handle, sceneId, persona.id());
            long until = clock.millis() + TimeUnit.HOURS.toMillis(coolingOffHours);
            for (String member : SceneStore.memberIds(handle, sceneId)) {
                personas.byId(member).ifPresent(other -> accounts.add(other.accountId()));
                if (member.equals(persona.id()) || coolingOffHours == 0) continue;
                handle.createUpdate("""
                                INSERT INTO cooling_off (protected_id, blocked_id, until) VALUES (:protected, :blocked, :until)
                                ON CONFLICT (protected_id, blocked_id) DO UPDATE
                                SET until = CASE WHEN excluded.until > cooling_off.until THEN excluded.until ELSE cooling_off.until END""")
                        .bind("protected", persona.id()).bind("blocked", member).bind("until", until).execute();
            }
            withdrawn.addAll(invitations.withdrawnWith(handle, sceneId));
            handle.createUpdate("DELETE FROM scenes WHERE id = :id").bind("id", sceneId).execute();
        }));
        accounts.forEach(account -> tellAccount(account, new ServerMessage.SceneEnded(sceneId, "safeword")));
        news.ended(withdrawn);
    }

    /** A member asks to keep the scene's transcript, agrees, refuses or withdraws; every member sees the new state. */
    public void transcript(Persona persona, String sceneId, String choice) {
        sceneLocks.locked(sceneId, () -> sql.useTransaction(handle -> {
            requireMember(handle, sceneId, persona.id());
            transcripts.choose(handle, sceneId, persona.id(), choice);
        }));
        tellMembers(sceneId, changed(sceneId, "transcript"));
    }

    /** A fresh mark for the persona's export of the scene's transcript, only while every member agrees (the text never comes here). */
    public ServerMessage.TranscriptMark export(String requestId, Persona persona, String sceneId) {
        long now = clock.millis();
        String mark = sceneLocks.locked(sceneId, () -> sql.inTransaction(handle -> {
            requireMember(handle, sceneId, persona.id());
            return transcripts.mark(handle, sceneId, persona, now);
        }));
        return new ServerMessage.TranscriptMark(requestId, sceneId, persona.id(), mark, now);
    }

    /**
     * Takes a persona out of every scene it is in, as if it left each, before the persona is deleted;
     * the invitations it sent or received go, and their lists hear of it.
     */
    public void forget(Persona persona) {
        List<String> scenes = sql.withHandle(handle -> SceneStore.scenesOf(handle, List.of(persona.id())));
        scenes.forEach(scene -> leave(persona, scene));
        news.ended(sql.inTransaction(handle -> invitations.withdrawnFor(handle, persona.id())));
    }

    /**
     * Checks a report of a scene message against the server's franking: true with how, or false with
     * why. Needs no scene state, so a message of a scene since ended still verifies.
     */
    public FrankingVerdict verify(ClientMessage.ReportScene report, String senderAccountId) {
        return frankingKeys.verify(report, senderAccountId);
    }

    /**
     * A report of a scene that still exists comes only from one of its members, so that someone
     * handed a leaked message cannot use the server to check it. A scene that has ended (safeword,
     * or everyone left) can no longer be asked.
     */
    public void requireReporter(String personaId, String sceneId) {
        boolean outsider = sql.withHandle(handle -> SceneStore.scene(handle, sceneId).isPresent()
                && !SceneStore.isMember(handle, sceneId, personaId));
        if (outsider) throw new ProtocolException(ErrorCode.NOT_MEMBER, "only a member of that scene may report its messages");
    }

    /** The outcome of checking a reported scene message. */
    public record FrankingVerdict(boolean verified, String why) {}

    /**
     * Deletes ciphertext whose timer ran out, delivered or not, expired invitations (whose lists hear
     * of it), and franking keys past the report window.
     */
    public int sweep() {
        long now = clock.millis();
        frankingKeys.sweep();
        List<Invitations.Ended> expired = new ArrayList<>();
        int deleted = sql.inTransaction(handle -> {
            expired.addAll(invitations.sweep(handle));
            return handle.createUpdate("DELETE FROM scene_messages WHERE expires_at <= :now").bind("now", now).execute();
        });
        news.ended(expired);
        return deleted;
    }

    /** Stops taking scene messages and acknowledgements once those queued are written. */
    @Override
    public void close() {
        relay.close();
        acks.close();
    }

    private Stored proposeRemoval(Handle handle, String sceneId, Leaf leaf) {
        long epoch = SceneStore.scene(handle, sceneId).orElseThrow().epoch();
        byte[] proposal;
        try {
            synchronized (MlsFrames.cipherSuite()) {
                proposal = MLSOutputStream.encode(MLSMessage.externalProposal(MlsFrames.cipherSuite(), MlsIdentity.of(sceneId), epoch,
                        Proposal.remove(new LeafIndex(leaf.leaf())), 0, keys.externalSenderPrivate()));
            }
        } catch (Exception e) {
            throw new IllegalStateException("framing a removal proposal failed", e);
        }
        handle.createUpdate("INSERT INTO scene_removals (scene_id, leaf, proposal_ref) VALUES (:scene, :leaf, :ref)")
                .bind("scene", sceneId).bind("leaf", leaf.leaf()).bind("ref", MlsFrames.externalProposalReference(proposal)).execute();
        SceneStore.Slot slot = SceneStore.nextSeq(handle, sceneId, epoch, false).orElseThrow();
        long now = clock.millis();
        Stored message = new Stored(ids.next(), sceneId, slot.seq(), epoch, Relay.PROPOSAL, null, null, proposal, null, null, now,
                slot.expiresAt(now));
        List<String> recipients = SceneStore.leaves(handle, sceneId).stream().map(Leaf::device).toList();
        SceneStore.insertMessage(handle, message, null, recipients);
        return message;
    }

    /** Takes a persona's devices out of a scene and drops what was queued for them there. */
    private static void forget(Handle handle, String sceneId, String personaId) {
        handle.createUpdate("""
                        DELETE FROM scene_queue WHERE message_id IN (SELECT id FROM scene_messages WHERE scene_id = :scene)
                        AND device_id IN (SELECT device_id FROM scene_devices WHERE scene_id = :scene AND persona_id = :persona)""")
                .bind("scene", sceneId).bind("persona", personaId).execute();
        handle.createUpdate("DELETE FROM scene_devices WHERE scene_id = :scene AND persona_id = :persona")
                .bind("scene", sceneId).bind("persona", personaId).execute();
        handle.createUpdate("DELETE FROM scene_members WHERE scene_id = :scene AND persona_id = :persona")
                .bind("scene", sceneId).bind("persona", personaId).execute();
    }

    private static void setTimer(Handle handle, String sceneId, long seconds) {
        handle.createUpdate("UPDATE scenes SET timer_seconds = :seconds WHERE id = :id").bind("seconds", seconds).bind("id", sceneId).execute();
        handle.createUpdate("UPDATE scene_members SET timer_choice = NULL WHERE scene_id = :scene").bind("scene", sceneId).execute();
    }

    private static void chooseTimer(Handle handle, String sceneId, String personaId, Long seconds) {
        handle.createUpdate("UPDATE scene_members SET timer_choice = :seconds WHERE scene_id = :scene AND persona_id = :persona")
                .bind("seconds", seconds).bind("scene", sceneId).bind("persona", personaId).execute();
    }

    private ServerMessage changed(String sceneId, String reason) {
        return sql.withHandle(handle -> SceneStore.scene(handle, sceneId)
                .map(scene -> new ServerMessage.SceneChanged(views.scene(handle, scene), reason)).orElse(null));
    }

    /** Sends a message to every socket of the accounts whose personas are in the scene. */
    private void tellMembers(String sceneId, ServerMessage message) {
        if (message == null) return;
        Set<String> accounts = new HashSet<>();
        sql.withHandle(handle -> SceneStore.memberIds(handle, sceneId)).forEach(persona ->
                personas.byId(persona).ifPresent(p -> accounts.add(p.accountId())));
        accounts.forEach(account -> tellAccount(account, message));
    }

    private void tellAccount(String accountId, ServerMessage message) {
        delivery.publish(new Event.Tell(new Audience.Account(accountId), message, Sight.ANYONE));
    }

    private List<String> personaIds(String accountId) {
        return personas.of(accountId).stream().map(Persona::id).toList();
    }

    private Views.Invitation invitationView(Invitations.Invitation invitation, String status) {
        return sql.withHandle(handle -> views.invitation(handle, invitation, status));
    }

    private void requireNoCoolingOff(Handle handle, String invitee, String inviter) {
        boolean cooling = handle.createQuery("""
                        SELECT COUNT(*) FROM cooling_off WHERE protected_id = :invitee AND blocked_id = :inviter AND until > :now""")
                .bind("invitee", invitee).bind("inviter", inviter).bind("now", clock.millis()).mapTo(Integer.class).one() > 0;
        if (cooling) throw new ProtocolException(ErrorCode.COOLING_OFF, "that persona does not want invitations from you for now");
    }

    private static void requireMember(Handle handle, String sceneId, String personaId) {
        if (!SceneStore.isMember(handle, sceneId, personaId)) {
            throw SceneStore.scene(handle, sceneId).isPresent()
                    ? new ProtocolException(ErrorCode.NOT_MEMBER, "that persona is not in the scene")
                    : new ProtocolException(ErrorCode.NOT_FOUND, "no such scene");
        }
    }

    private static String requireDevice(Caller caller) {
        if (caller.device() == null) throw new ProtocolException(ErrorCode.NO_DEVICE, "send device.attach on this socket first");
        return caller.device();
    }
}
