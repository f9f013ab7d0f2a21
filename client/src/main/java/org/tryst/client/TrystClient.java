package org.tryst.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tryst.client.mls.BcMls;
import org.tryst.client.mls.Mls;
import org.tryst.client.mls.MlsException;
import org.tryst.protocol.Answer;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * A logged-in device: the socket, the device's MLS state on disk, and the scenes it is in. Scene
 * messages are handled one at a time in the server's order, on the connection's inbound thread,
 * and acknowledged once the new state is on disk. Plaintext lives in memory only and is dropped
 * when its message's disappearing timer runs out.
 */
public final class TrystClient implements AutoCloseable {
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();
    private static final int KEY_PACKAGES_PER_UPLOAD = 10;
    private static final int SEEN_KEPT = 10_000;
    private static final int ACKS_PER_REQUEST = 500;
    /** Acknowledgements wait this long, so that a burst of messages is acknowledged in one request. */
    private static final long ACK_DELAY_MS = 200;
    private static final int HELD_EVENTS = 1_000;

    private final Connection connection;
    private final DeviceStore store;
    private final Mls mls;
    private final String deviceId;
    private final Clock clock;
    private final BlockingQueue<SceneEvent> events = new LinkedBlockingQueue<>();
    /** Other events before anyone listens wait here (at most {@link #HELD_EVENTS}); touched on the inbound thread only. */
    private final List<ServerMessage> held = new ArrayList<>();
    private Consumer<ServerMessage> otherEvents = this::hold;
    private final Map<String, List<SceneEvent.Said>> history = new LinkedHashMap<>();
    /** This account's personas by id, to name this device's own lines. */
    private final Map<String, Views.Author> mine = new ConcurrentHashMap<>();
    private final Reportables reportables = new Reportables();
    private final Set<String> seen;
    private final List<String> unacknowledged = new ArrayList<>();
    private final ScheduledExecutorService ackTimer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("tryst-acks").daemon().factory());

    private TrystClient(Connection connection, DeviceStore store, Mls mls, List<String> seen, String deviceId, Clock clock) {
        this.connection = connection;
        this.store = store;
        this.mls = mls;
        this.deviceId = deviceId;
        this.clock = clock;
        this.seen = new LinkedHashSet<>(seen);
    }

    /** Connects with a session token; the device lives in {@code dataDir} and is registered on first use. */
    public static TrystClient open(URI server, String token, Path dataDir) {
        return open(server, token, dataDir, Clock.systemUTC());
    }

    /** Connects as {@link #open(URI, String, Path)} does, with a clock for disappearing messages (tests move it forward). */
    public static TrystClient open(URI server, String token, Path dataDir, Clock clock) {
        DeviceStore store = new DeviceStore(dataDir);
        Connection connection = Connection.open(server, token);
        Optional<DeviceStore.Saved> saved = store.state();
        Mls mls = saved.map(state -> (Mls) BcMls.restore(state.mls())).orElseGet(BcMls::create);
        String deviceId = store.deviceId().orElseGet(() -> {
            var registered = (ServerMessage.DeviceRegistered) await(connection.request(id -> new ClientMessage.DeviceRegister(id,
                    BASE64.encodeToString(mls.signatureKey()))));
            store.saveDevice(registered.device().id(), mls.save());
            return registered.device().id();
        });
        TrystClient client = new TrystClient(connection, store, mls, saved.map(DeviceStore.Saved::seen).orElse(List.of()), deviceId, clock);
        connection.listen(client::onEvent);
        client.request(id -> new ClientMessage.DeviceAttach(id, deviceId));
        client.ensureKeyPackages();
        return client;
    }

    public Connection connection() {
        return connection;
    }

    public String deviceId() {
        return deviceId;
    }

    /**
     * Where the server's other events go (channel messages, presence, topics, moderators' notices),
     * those that came before it first. The consumer runs on
     * the connection's inbound thread: it must return quickly and never wait for a reply, which
     * that same thread delivers; hand events over to another thread to do more.
     */
    public void onOtherEvents(Consumer<ServerMessage> consumer) {
        connection.later(() -> {
            otherEvents = consumer;
            held.forEach(consumer);
            held.clear();
        });
    }

    /** Keeps what arrives before the first consumer, such as a warning sent right after connecting, so that it is not lost. */
    private void hold(ServerMessage event) {
        if (held.size() < HELD_EVENTS) held.add(event);
    }

    /** Scene events, in order, for whoever shows them. */
    public BlockingQueue<SceneEvent> events() {
        return events;
    }

    /** Creates a persona of the account and uploads KeyPackages for it, so that others can add it to scenes. */
    public Views.Persona createPersona(String name) {
        var created = (ServerMessage.PersonaInfo) request(id -> new ClientMessage.PersonaCreate(id, name, null, null, null));
        mine.put(created.persona().id(), new Views.Author(created.persona().id(), created.persona().name()));
        uploadKeyPackages(created.persona().id());
        return created.persona();
    }

    /** Uploads KeyPackages for each persona of the account that this device has none for, so it can be added to scenes as any of them. */
    private void ensureKeyPackages() {
        var personas = (ServerMessage.Personas) request(ClientMessage.PersonaList::new);
        for (Views.Persona persona : personas.personas()) {
            mine.put(persona.id(), new Views.Author(persona.id(), persona.name()));
            boolean none = await(onInbound(() -> CompletableFuture.completedFuture(mls.unusedKeyPackages(persona.id()) == 0)));
            if (none) uploadKeyPackages(persona.id());
        }
    }

    /** Uploads fresh KeyPackages for a persona from this device. */
    public void uploadKeyPackages(String personaId) {
        await(uploadingKeyPackages(personaId));
    }

    private CompletableFuture<ServerMessage> uploadingKeyPackages(String personaId) {
        return onInbound(() -> {
            List<String> packages = new ArrayList<>();
            for (int i = 0; i < KEY_PACKAGES_PER_UPLOAD; i++) packages.add(BASE64.encodeToString(mls.newKeyPackage(personaId)));
            String lastResort = BASE64.encodeToString(mls.newKeyPackage(personaId));
            store.saveState(mls.save(), seen);
            return connection.request(id -> new ClientMessage.KeyPackagesUpload(id, personaId, packages, lastResort));
        });
    }

    /** Creates a scene with the persona as its only member, and its MLS group on this device. */
    public Views.Scene createScene(String personaId) {
        var created = (ServerMessage.SceneInfo) request(id -> new ClientMessage.SceneCreate(id, personaId));
        Views.Scene scene = created.scene();
        await(onInbound(() -> {
            mls.create(scene.id(), personaId, BASE64_DECODER.decode(scene.externalSender()));
            store.saveState(mls.save(), seen);
            return CompletableFuture.completedFuture(null);
        }));
        return scene;
    }

    /** Invites a persona into a scene, proposing what the server or the scene's agreement has; when it accepts, this device adds it. */
    public Views.Invitation invite(String sceneId, String personaId, String inviteeId, String note) {
        return invite(sceneId, personaId, inviteeId, note, null, null);
    }

    /** Invites a persona into a scene proposing these topics and safeword word (null: the default, or the scene's agreement). */
    public Views.Invitation invite(String sceneId, String personaId, String inviteeId, String note, List<String> topics, String safeword) {
        var sent = (ServerMessage.InvitationInfo) request(id ->
                new ClientMessage.SceneInvite(id, sceneId, personaId, inviteeId, note, topics, safeword));
        return sent.invitation();
    }

    /** Accepts an invitation, agreeing to exactly the topics and safeword it shows; the Welcome follows as soon as a member adds this persona. */
    public void accept(Views.Invitation invitation) {
        request(id -> ClientMessage.InvitationAccept.of(id, invitation));
    }

    /** The server's boundaries catalogue and default safeword word. */
    public ServerMessage.Catalogue catalogue() {
        return (ServerMessage.Catalogue) request(ClientMessage.CatalogueShow::new);
    }

    /** Any persona's published boundaries. */
    public Views.Boundaries boundaries(String personaId) {
        return ((ServerMessage.BoundariesInfo) request(id -> new ClientMessage.BoundariesShow(id, personaId))).boundaries();
    }

    /** Replaces the whole boundaries list of one of this account's personas. */
    public Views.Boundaries setBoundaries(String personaId, Map<String, Answer> answers, String notes) {
        return ((ServerMessage.BoundariesInfo) request(id -> new ClientMessage.BoundariesSet(id, personaId, answers, notes))).boundaries();
    }

    public void decline(String invitationId) {
        request(id -> new ClientMessage.InvitationDecline(id, invitationId));
    }

    /** Says something in a scene, end to end encrypted; answers the server's message id once it is stored. */
    public String say(String sceneId, String text) {
        return say(sceneId, MessageKind.SAY, text);
    }

    /** Says or poses in a scene, as {@link #say(String, String)} does. */
    public String say(String sceneId, MessageKind kind, String text) {
        return await(send(sceneId, kind.name().toLowerCase(Locale.ROOT), text, UUID.randomUUID().toString()));
    }

    /** Sends under a given client message id, so that a resend is recognised by the server. */
    public CompletableFuture<String> send(String sceneId, String kind, String text, String clientId) {
        return onInbound(() -> sendNow(sceneId, new Body(kind, text), clientId));
    }

    /**
     * Sends a call signal, the UTF-8 JSON of an inner call message (docs/protocol.md, "Calls"), to the
     * scene's member devices online now, end to end encrypted; the server stores none of it.
     */
    public void signal(String sceneId, String json) {
        await(onInbound(() -> {
            Mls.Group group = requireGroup(sceneId);
            byte[] ciphertext = group.protect(new byte[0], json.getBytes(StandardCharsets.UTF_8));
            store.saveState(mls.save(), seen);
            return connection.request(id -> new ClientMessage.SceneSignal(id, sceneId, BASE64.encodeToString(ciphertext)))
                    .thenApply(reply -> (Void) null);
        }));
    }

    /** Leaves a scene at once and forgets its keys. */
    public void leave(String sceneId, String personaId) {
        request(id -> new ClientMessage.SceneLeave(id, sceneId, personaId));
        await(onInbound(() -> {
            mls.forget(sceneId);
            store.saveState(mls.save(), seen);
            history.remove(sceneId);
            reportables.forgetScene(sceneId);
            events.add(new SceneEvent.Removed(sceneId));
            return CompletableFuture.completedFuture(null);
        }));
    }

    /**
     * Uses the safeword: the scene ends at once for every member, and its other members may not
     * invite this persona again for the cooling-off hours chosen (the server enforces both).
     */
    public void safeword(String sceneId, String personaId, int coolingOffHours) {
        request(id -> new ClientMessage.Safeword(id, sceneId, personaId, coolingOffHours));
    }

    /** Chooses a disappearing timer for a scene (seconds; 0 is off). */
    public void timer(String sceneId, String personaId, long seconds) {
        request(id -> new ClientMessage.SceneTimer(id, sceneId, personaId, seconds));
    }

    /**
     * Asks to keep a scene's transcript, or agrees, refuses or withdraws ({@code ask}, {@code agree},
     * {@code refuse}, {@code withdraw}); every member sees the new state in the scene.
     */
    public void transcript(String sceneId, String personaId, String choice) {
        request(id -> new ClientMessage.TranscriptConsent(id, sceneId, personaId, choice));
    }

    /**
     * The scene's transcript, built on this device from the lines it still holds, with a header
     * naming whose copy it is and a mark from the server hidden in every line. The server refuses
     * the mark, and so this, unless every member agrees; it never sees the text.
     */
    public String exportTranscript(String sceneId, String personaId) {
        var marked = (ServerMessage.TranscriptMark) request(id -> new ClientMessage.TranscriptExport(id, sceneId, personaId));
        Views.Author exporter = mine.getOrDefault(personaId, new Views.Author(personaId, ""));
        return Transcript.render(sceneId, exporter, marked.mark(), marked.at(), history(sceneId));
    }

    /** Renews this device's keys in a scene: a commit with a fresh path, so that a stolen old key opens nothing new. */
    public void renewKeys(String sceneId) {
        await(onInbound(() -> commit(sceneId, List.of(), List.of(), true)));
    }

    /** Removes a member's devices from a scene by commit. */
    public void remove(String sceneId, String personaId) {
        await(onInbound(() -> {
            Mls.Group group = requireGroup(sceneId);
            List<Integer> leaves = group.members().stream().filter(member -> member.personaId().equals(personaId))
                    .map(Mls.Member::leaf).toList();
            return commit(sceneId, List.of(), leaves);
        }));
    }

    /** The scene's messages still within their timer, oldest first. */
    public List<SceneEvent.Said> history(String sceneId) {
        return await(onInbound(() -> {
            purgeExpired();
            return CompletableFuture.completedFuture(List.copyOf(history.getOrDefault(sceneId, List.of())));
        }));
    }

    /** The MLS epoch and epoch authenticator this device sees for a scene, for checking that members agree. */
    public Epoch epoch(String sceneId) {
        return await(onInbound(() -> {
            Mls.Group group = requireGroup(sceneId);
            return CompletableFuture.completedFuture(new Epoch(group.epoch(), group.epochAuthenticator()));
        }));
    }

    /**
     * The safety number of this device's persona and another member of a scene, from the keys in
     * the scene's group; both partners see the same digits when nobody sits between them.
     */
    public String safetyNumber(String sceneId, String otherPersonaId) {
        return await(onInbound(() -> {
            Mls.Group group = requireGroup(sceneId);
            List<Mls.Member> members = group.members();
            String mine = members.stream().filter(member -> member.leaf() == group.ownLeaf()).findFirst().orElseThrow().personaId();
            return CompletableFuture.completedFuture(SafetyNumber.of(mine, keysOf(members, mine), otherPersonaId, keysOf(members, otherPersonaId)));
        }));
    }

    private static List<byte[]> keysOf(List<Mls.Member> members, String personaId) {
        List<byte[]> keys = members.stream().filter(member -> member.personaId().equals(personaId)).map(Mls.Member::signatureKey).toList();
        if (keys.isEmpty()) throw new MlsException("that persona is not in the scene", null);
        return keys;
    }

    /** Blocks a persona, or the account behind it, for every persona of this account; answers the list. */
    public List<Views.Block> block(String personaId, BlockScope scope) {
        return blocks(id -> new ClientMessage.Block(id, personaId, scope));
    }

    /** Lifts the block of a persona (or of the account behind it); answers the list. */
    public List<Views.Block> unblock(String personaId) {
        return blocks(id -> new ClientMessage.Unblock(id, personaId));
    }

    /** Hides a persona's channel lines and invitations from this account, without telling it; answers the list. */
    public List<Views.Block> mute(String personaId) {
        return blocks(id -> new ClientMessage.Mute(id, personaId));
    }

    public List<Views.Block> unmute(String personaId) {
        return blocks(id -> new ClientMessage.Unmute(id, personaId));
    }

    /** This account's own limits, a loosening waiting, a self-exclusion's end, and its use of the last 30 days. */
    public Views.Wellbeing wellbeing() {
        return ((ServerMessage.WellbeingInfo) request(ClientMessage.WellbeingShow::new)).wellbeing();
    }

    /** Asks for new limits: what tightens applies at once, what loosens 24 hours later; answers them as they now stand. */
    public Views.Wellbeing setWellbeing(Views.WellbeingLimits limits) {
        return ((ServerMessage.WellbeingInfo) request(id -> new ClientMessage.WellbeingSet(id, limits.dailyMinutes(), limits.quietFrom(),
                limits.quietUntil(), limits.timeZone(), limits.breakMinutes()))).wellbeing();
    }

    /** Excludes this account for a period (see {@link ClientMessage#EXCLUSION_PERIODS}), at once; the server then closes every socket. */
    public Views.Wellbeing exclude(String period) {
        return ((ServerMessage.WellbeingInfo) request(id -> new ClientMessage.WellbeingExclude(id, period))).wellbeing();
    }

    /** This account's blocks and mutes, newest first. */
    public List<Views.Block> blocks() {
        return blocks(ClientMessage.BlocksList::new);
    }

    private List<Views.Block> blocks(Function<String, ClientMessage> request) {
        return ((ServerMessage.Blocks) request(request)).blocks();
    }

    /** The scenes of this account's personas, as the server lists them. */
    public List<Views.Scene> scenes() {
        return ((ServerMessage.Scenes) request(ClientMessage.SceneList::new)).scenes();
    }

    /** The invitations to and from this account's personas. */
    public ServerMessage.Invitations invitations() {
        return (ServerMessage.Invitations) request(ClientMessage.InvitationList::new);
    }

    /**
     * Reports a scene message this device received, with what its franking needs, so that the
     * server can verify it; completes with the report as filed (verified or rejected, and why).
     */
    public Views.Report report(String messageId, String reason, String note) {
        Reportables.Reportable reportable = reportables.find(messageId);
        return ((ServerMessage.ReportFiled) request(id -> reportable.report(id, reason, note))).report();
    }

    /**
     * Says, poses or rolls dice ({@code text} is then the dice as written) in a channel as the persona, under the client's own id for the line: sent again
     * with the same id after a lost reply, the line is stored and shown once, and the answer is the
     * same. Answers the stored line's id.
     */
    public String post(String personaId, String channel, MessageKind kind, String text, String lineId) {
        ServerMessage.Sent sent = (ServerMessage.Sent) request(id -> switch (kind) {
            case SAY -> new ClientMessage.Say(id, personaId, channel, text, lineId);
            case POSE -> new ClientMessage.Pose(id, personaId, channel, text, lineId);
            case ROLL -> new ClientMessage.Roll(id, personaId, channel, text, lineId);
        });
        return sent.message();
    }

    /** Reports a channel message by its id: the server files its own copy. */
    public Views.Report reportChannel(String personaId, String channel, String messageId, String reason, String note) {
        return ((ServerMessage.ReportFiled) request(id -> new ClientMessage.ReportChannel(id, personaId, channel, messageId,
                reason, note))).report();
    }

    /** The reports this account filed, with their status. */
    public List<Views.Report> myReports() {
        return ((ServerMessage.Reports) request(ClientMessage.ReportList::new)).reports();
    }

    /**
     * Sends any request and waits for its reply. Like every blocking method here, it throws a
     * server's refusal as the {@link RequestFailed} itself.
     */
    public ServerMessage request(Function<String, ClientMessage> message) {
        return await(connection.request(message));
    }

    /**
     * Waits for a request or a step on the inbound thread; an unchecked failure (a refusal, bad
     * input, an MLS failure) is thrown as itself rather than wrapped, a lost connection's I/O
     * failure stays wrapped.
     */
    private static <T> T await(CompletableFuture<T> pending) {
        try {
            return pending.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /** An epoch and its authenticator. */
    public record Epoch(long epoch, byte[] authenticator) {}

    /** True when this device holds the scene's group. */
    public boolean inScene(String sceneId) {
        return await(onInbound(() -> CompletableFuture.completedFuture(mls.group(sceneId) != null)));
    }

    @Override
    public void close() {
        reportables.clear();
        ackTimer.shutdownNow();
        connection.close();
    }

    private void onEvent(ServerMessage event) {
        switch (event) {
            case ServerMessage.SceneDelivery delivery -> receive(delivery.message());
            case ServerMessage.SceneSignalled signalled -> signalled(signalled);
            case ServerMessage.InvitationReceived received -> events.add(new SceneEvent.Invited(received.invitation()));
            case ServerMessage.InvitationAccepted accepted -> addAccepted(accepted.invitation());
            case ServerMessage.SceneChanged changed -> events.add(new SceneEvent.Changed(changed.scene(), changed.reason()));
            case ServerMessage.SceneEnded ended -> endScene(ended.scene());
            case ServerMessage.KeyPackagesLow low -> uploadingKeyPackages(low.persona());
            default -> otherEvents.accept(event);
        }
    }

    /**
     * Opens a call signal; one that does not decrypt in the scene's group, or whose MLS sender is not
     * the persona the server names, is dropped unseen: only the group's current members can signal.
     */
    private void signalled(ServerMessage.SceneSignalled signal) {
        Mls.Group group = mls.group(signal.scene());
        if (group == null) return;
        try {
            if (group.handle(BASE64_DECODER.decode(signal.data())) instanceof Mls.Application application
                    && application.sender().personaId().equals(signal.from())) {
                store.saveState(mls.save(), seen);
                events.add(new SceneEvent.Signalled(signal.scene(), signal.from(), application.sender().leaf(),
                        new String(application.plaintext(), StandardCharsets.UTF_8)));
            }
        } catch (MlsException unreadable) {
            // Not from a member of this epoch: ignored, as the protocol asks.
        }
    }

    /** A member used the safeword: the scene, its keys and what was said in it leave this device at once. */
    private void endScene(String sceneId) {
        mls.forget(sceneId);
        history.remove(sceneId);
        store.saveState(mls.save(), seen);
        events.add(new SceneEvent.Ended(sceneId));
    }

    /**
     * Handles one scene message in order and keeps the new state, with the message's id, on disk;
     * the server hears of it shortly after, with the messages that follow. A message that comes
     * again (its acknowledgement was lost) is recognised by its id and only acknowledged.
     */
    private void receive(Views.SceneMessage message) {
        if (seen.add(message.id())) {
            try {
                handle(message);
            } catch (MlsException failed) {
                events.add(new SceneEvent.Dropped(message.scene(), message.id(), failed.getMessage()));
            }
            if (seen.size() > SEEN_KEPT) seen.remove(seen.iterator().next());
            store.saveState(mls.save(), seen);
        }
        unacknowledged.add(message.id());
        if (unacknowledged.size() == 1) ackTimer.schedule(() -> connection.later(this::acknowledge), ACK_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    private void acknowledge() {
        for (int from = 0; from < unacknowledged.size(); from += ACKS_PER_REQUEST) {
            List<String> batch = List.copyOf(unacknowledged.subList(from, Math.min(unacknowledged.size(), from + ACKS_PER_REQUEST)));
            connection.request(id -> new ClientMessage.SceneAck(id, batch));
        }
        unacknowledged.clear();
    }

    private void handle(Views.SceneMessage message) {
        byte[] data = BASE64_DECODER.decode(message.data());
        if (message.kind().equals("welcome")) {
            mls.join(data);
            events.add(new SceneEvent.Joined(message.scene()));
            return;
        }
        Mls.Group group = mls.group(message.scene());
        if (group == null) return;
        switch (group.handle(data)) {
            case Mls.Application application -> opened(message, group, application);
            case Mls.NewEpoch epoch -> events.add(new SceneEvent.NewEpoch(message.scene(), epoch.epoch()));
            case Mls.Removed removed -> {
                mls.forget(message.scene());
                history.remove(message.scene());
                reportables.forgetScene(message.scene());
                events.add(new SceneEvent.Removed(message.scene()));
            }
            case Mls.ProposalStored stored -> connection.later(() -> commitIfFirst(group));
        }
    }

    /** Checks the franking commitment, then keeps and announces the text. */
    private void opened(Views.SceneMessage message, Mls.Group group, Mls.Application application) {
        if (message.from() == null || !application.sender().personaId().equals(message.from().id())) {
            events.add(new SceneEvent.Dropped(message.scene(), message.id(), "the MLS sender is not the persona the server names"));
            return;
        }
        byte[] plaintext = application.plaintext();
        if (plaintext.length < Franking.KEY_BYTES) throw new MlsException("the message has no franking key", null);
        byte[] key = java.util.Arrays.copyOf(plaintext, Franking.KEY_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(plaintext, Franking.KEY_BYTES, plaintext.length);
        if (!Franking.matches(application.authenticatedData(), key, group.id().getBytes(StandardCharsets.UTF_8), message.epoch(), body)) {
            events.add(new SceneEvent.Dropped(message.scene(), message.id(), "the franking commitment does not match the message"));
            return;
        }
        Body parsed = Body.parse(body);
        String receiver = group.members().stream().filter(member -> member.leaf() == group.ownLeaf()).findFirst().orElseThrow().personaId();
        reportables.keep(new Reportables.Reportable(message.scene(), message.id(), receiver, message.from().id(), message.epoch(),
                message.at(), message.kid(), message.tag(), java.util.Arrays.copyOfRange(application.authenticatedData(), 1,
                application.authenticatedData().length), key, body, message.expiresAt()));
        SceneEvent.Said said = new SceneEvent.Said(message.scene(), message.id(), message.from(), parsed.kind(), parsed.text(),
                message.at(), message.expiresAt());
        history.computeIfAbsent(message.scene(), scene -> new ArrayList<>()).add(said);
        events.add(said);
    }

    /**
     * The staying member at the lowest leaf commits the proposals the server made (a member left),
     * so that they take effect at once. A member left alone waits: the removal then rides on the
     * commit that next adds someone, and until then nobody else is there to read anything.
     */
    private void commitIfFirst(Mls.Group group) {
        if (mls.group(group.id()) != group || !group.hasPendingProposals()) return;
        List<Integer> staying = group.members().stream().map(Mls.Member::leaf).filter(leaf -> !group.pendingRemovals().contains(leaf)).toList();
        if (staying.size() < 2 || staying.stream().mapToInt(Integer::intValue).min().orElse(-1) != group.ownLeaf()) return;
        try {
            commit(group.id(), List.of(), List.of());
        } catch (MlsException failed) {
            events.add(new SceneEvent.Trouble(group.id(), "committing a member's departure failed: " + failed.getMessage()));
        }
    }

    /** Claims the accepted persona's KeyPackages and commits their Add, if this account sent the invitation. */
    private void addAccepted(Views.Invitation invitation) {
        if (mls.group(invitation.scene()) == null || !invitedByMe(invitation)) return;
        connection.request(id -> new ClientMessage.KeyPackagesClaim(id, invitation.scene(), invitation.to().id()))
                .thenCompose(reply -> commit(invitation.scene(), ((ServerMessage.KeyPackages) reply).keyPackages().stream()
                        .map(kp -> BASE64_DECODER.decode(kp.keyPackage())).toList(), List.of()));
    }

    private boolean invitedByMe(Views.Invitation invitation) {
        Mls.Group group = mls.group(invitation.scene());
        return group.members().stream().anyMatch(member -> member.leaf() == group.ownLeaf()
                && member.personaId().equals(invitation.from().id()));
    }

    /** Commits; on {@code stale_epoch} or {@code proposals_pending} re-bases on what arrived meanwhile and tries again. */
    private CompletableFuture<Void> commit(String sceneId, List<byte[]> adds, List<Integer> removes) {
        return commit(sceneId, adds, removes, false);
    }

    /** Commits; {@code insist} retries even a commit that carries nothing but a fresh path (renewing keys). */
    private CompletableFuture<Void> commit(String sceneId, List<byte[]> adds, List<Integer> removes, boolean insist) {
        Mls.Group group = mls.group(sceneId);
        if (group == null) return CompletableFuture.completedFuture(null);
        Mls.Commit commit = group.commit(adds, removes);
        String clientId = UUID.randomUUID().toString();
        return connection.request(id -> new ClientMessage.SceneSend(id, sceneId, clientId, BASE64.encodeToString(commit.message()),
                        commit.welcome() == null ? null : BASE64.encodeToString(commit.welcome())))
                .handle((reply, failure) -> {
                    if (failure == null) {
                        group.confirm();
                        store.saveState(mls.save(), seen);
                        events.add(new SceneEvent.NewEpoch(sceneId, group.epoch()));
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    group.discard();
                    if (retryable(failure) && (insist || !adds.isEmpty() || !removes.isEmpty() || group.hasPendingProposals())) {
                        return commit(sceneId, adds, removes, insist);
                    }
                    return CompletableFuture.<Void>completedFuture(null);
                }).thenCompose(next -> next);
    }

    private CompletableFuture<String> sendNow(String sceneId, Body body, String clientId) {
        Mls.Group group = requireGroup(sceneId);
        byte[] ciphertext = Franking.seal(group, envelope(body.kind(), body.text()));
        store.saveState(mls.save(), seen);
        return connection.request(id -> new ClientMessage.SceneSend(id, sceneId, clientId, BASE64.encodeToString(ciphertext), null))
                .handle((reply, failure) -> {
                    if (failure == null) return CompletableFuture.completedFuture(keepOwn(group, body, (ServerMessage.SceneSent) reply));
                    if (retryable(failure)) return sendNow(sceneId, body, clientId);
                    return CompletableFuture.<String>failedFuture(failure);
                }).thenCompose(next -> next);
    }

    /** Keeps this device's own line beside the others' until its timer runs out, so that the scene's transcript has both sides. */
    private String keepOwn(Mls.Group group, Body body, ServerMessage.SceneSent sent) {
        String persona = group.members().stream().filter(member -> member.leaf() == group.ownLeaf()).findFirst().orElseThrow().personaId();
        history.computeIfAbsent(sent.scene(), scene -> new ArrayList<>()).add(new SceneEvent.Said(sent.scene(), sent.message(),
                mine.getOrDefault(persona, new Views.Author(persona, "")), body.kind(), body.text(), sent.at(), sent.expiresAt()));
        return sent.message();
    }

    private static boolean retryable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
        return cause instanceof RequestFailed refused && (refused.code().equals("stale_epoch") || refused.code().equals("proposals_pending"));
    }

    private void purgeExpired() {
        long now = clock.millis();
        reportables.purge(now);
        history.values().forEach(said -> said.removeIf(message -> message.expiresAt() != null && message.expiresAt() <= now));
    }

    private Mls.Group requireGroup(String sceneId) {
        Mls.Group group = mls.group(sceneId);
        if (group == null) throw new MlsException("this device is not in scene " + sceneId, null);
        return group;
    }

    /** Runs work on the inbound thread, where all MLS state is touched, and flattens its future. */
    private <T> CompletableFuture<T> onInbound(java.util.function.Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        connection.later(() -> {
            try {
                work.get().whenComplete((value, failure) -> {
                    if (failure == null) result.complete(value);
                    else result.completeExceptionally(failure);
                });
            } catch (RuntimeException failure) {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    private static byte[] envelope(String kind, String text) {
        try {
            return Codec.mapper().writeValueAsBytes(new Body(kind, text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of a scene message inside the encryption: what kind of line it is, and its text. */
    record Body(String kind, String text) {
        static Body parse(byte[] json) {
            try {
                return Codec.mapper().readValue(json, Body.class);
            } catch (java.io.IOException e) {
                throw new MlsException("the message body is not readable", e);
            }
        }
    }
}
