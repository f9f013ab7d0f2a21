package org.tryst.client.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tryst.client.RequestFailed;
import org.tryst.protocol.Answer;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/** A server in memory for the shell's tests: it keeps what it is told, answers from that, and refuses on request. */
final class FakeBackend implements Backend {
    final List<Views.Persona> personas = new ArrayList<>();
    final Map<String, Views.Persona> everyone = new HashMap<>();
    final Map<String, List<Views.Message>> channels = new HashMap<>();
    final Map<String, List<String>> members = new HashMap<>();
    final List<Views.Scene> scenes = new ArrayList<>();
    final List<Views.Invitation> received = new ArrayList<>();
    final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Views.Block> blocks = new ArrayList<>();
    final Map<String, RequestFailed> refusals = new HashMap<>();
    final Map<String, Views.Boundaries> boundaries = new HashMap<>();
    /** How many lines each channel holds unread for the personas in it, as persona.use would say. */
    final Map<String, Integer> unread = new HashMap<>();
    private int ids;

    Views.Persona someone(String name) {
        Views.Persona persona = new Views.Persona("p-" + name.toLowerCase(), name, "", "", "");
        everyone.put(name.toLowerCase(), persona);
        return persona;
    }

    void refuse(String call, String code, String message) {
        refusals.put(call, new RequestFailed(code, message));
    }

    private void called(String call) {
        calls.add(call);
        RequestFailed refusal = refusals.remove(call);
        if (refusal != null) throw refusal;
    }

    @Override
    public List<Views.Persona> personas() {
        return List.copyOf(personas);
    }

    @Override
    public Views.Persona createPersona(String name) {
        called("createPersona " + name);
        Views.Persona persona = someone(name);
        personas.add(persona);
        return persona;
    }

    @Override
    public List<Views.Joined> use(String personaId) {
        called("use " + personaId);
        return members.entrySet().stream().filter(channel -> channel.getValue().contains(personaId)).map(Map.Entry::getKey).sorted()
                .map(channel -> new Views.Joined(channel, "Welcome", personaId, List.of(), List.copyOf(channels.get(channel)), null,
                        unread.getOrDefault(channel, 0)))
                .toList();
    }

    @Override
    public Views.Persona findPersona(String name) {
        called("findPersona " + name);
        Views.Persona persona = everyone.get(name.toLowerCase());
        if (persona == null) throw new RequestFailed("not_found", "no persona of that name");
        return persona;
    }

    @Override
    public List<Views.Channel> channels() {
        return channels.keySet().stream().sorted().map(name -> new Views.Channel(name, null, members.get(name).size())).toList();
    }

    @Override
    public Views.Joined joinChannel(String personaId, String channel) {
        called("joinChannel " + channel);
        if (!channels.containsKey(channel)) throw new RequestFailed("not_found", "no such channel");
        if (members.get(channel).contains(personaId)) throw new RequestFailed("already_member", "already a member of that channel");
        members.get(channel).add(personaId);
        return new Views.Joined(channel, "Welcome", personaId, List.of(), List.copyOf(channels.get(channel)));
    }

    @Override
    public Views.Joined createChannel(String personaId, String channel) {
        called("createChannel " + channel);
        channels.put(channel, new ArrayList<>());
        members.put(channel, new ArrayList<>(List.of(personaId)));
        return new Views.Joined(channel, null, personaId, List.of(), List.of());
    }

    @Override
    public void leaveChannel(String personaId, String channel) {
        called("leaveChannel " + channel);
        members.get(channel).remove(personaId);
    }

    @Override
    public void markRead(String personaId, String channel, String messageId) {
        called("markRead " + channel + " " + messageId);
    }

    @Override
    public List<Views.Member> members(String channel) {
        return List.of();
    }

    @Override
    public List<Views.Message> channelHistory(String personaId, String channel) {
        called("channelHistory " + channel);
        return List.copyOf(channels.get(channel));
    }

    @Override
    public void sayInChannel(String personaId, String channel, MessageKind kind, String text) {
        called("sayInChannel " + channel + " " + kind + " " + text);
        String name = personas.stream().filter(persona -> persona.id().equals(personaId)).findFirst().orElseThrow().name();
        channels.get(channel).add(message(channel, name, kind, text));
    }

    /** A message in a channel, with the next time-ordered id. */
    Views.Message message(String channel, String name, MessageKind kind, String text) {
        return new Views.Message("m" + String.format("%04d", ++ids), channel, kind, new Views.Author("p-" + name.toLowerCase(), name), text, 0);
    }

    @Override
    public List<Views.Scene> scenes() {
        return List.copyOf(scenes);
    }

    @Override
    public Views.Scene createScene(String personaId) {
        called("createScene");
        Views.Persona me = personas.stream().filter(persona -> persona.id().equals(personaId)).findFirst().orElseThrow();
        Views.Scene scene = new Views.Scene("s" + ++ids, List.of(new Views.Author(me.id(), me.name())), 0, 86_400, List.of(), "key", 0, null, null);
        scenes.add(scene);
        return scene;
    }

    @Override
    public void invite(String sceneId, String personaId, String inviteeId, String note, List<String> topics, String safeword) {
        called("invite " + sceneId + " " + inviteeId + " " + note + (topics.isEmpty() ? "" : " topics=" + topics)
                + (safeword == null ? "" : " safeword=" + safeword));
    }

    @Override
    public ServerMessage.Catalogue catalogue() {
        return new ServerMessage.Catalogue(null, List.of(new Views.Topic("romance", "Romance", "Tone", ""),
                new Views.Topic("praise", "Praise", "Words", ""), new Views.Topic("degradation", "Degradation", "Words", ""),
                new Views.Topic("pain", "Pain", "Power", "")), "red");
    }

    @Override
    public Views.Boundaries boundaries(String personaId) {
        Views.Persona persona = everyone.values().stream().filter(p -> p.id().equals(personaId)).findFirst().orElseThrow();
        return boundaries.getOrDefault(personaId, new Views.Boundaries(new Views.Author(persona.id(), persona.name()), Map.of(), "", 0));
    }

    @Override
    public Views.Boundaries setBoundaries(String personaId, Map<String, Answer> answers, String notes) {
        called("setBoundaries " + personaId + " " + new java.util.TreeMap<>(answers) + " " + notes);
        Views.Boundaries set = new Views.Boundaries(boundaries(personaId).persona(), Map.copyOf(answers), notes, 1);
        boundaries.put(personaId, set);
        return set;
    }

    @Override
    public ServerMessage.Invitations invitations() {
        return new ServerMessage.Invitations(null, List.copyOf(received), List.of());
    }

    @Override
    public void accept(Views.Invitation invitation) {
        called("accept " + invitation.id());
    }

    @Override
    public void decline(String invitationId) {
        called("decline " + invitationId);
    }

    @Override
    public void sayInScene(String sceneId, MessageKind kind, String text) {
        called("sayInScene " + sceneId + " " + kind + " " + text);
    }

    @Override
    public void signal(String sceneId, String json) {
        called("signal " + sceneId + " " + json);
    }

    @Override
    public void leaveScene(String sceneId, String personaId) {
        called("leaveScene " + sceneId);
        scenes.removeIf(scene -> scene.id().equals(sceneId));
    }

    @Override
    public void safeword(String sceneId, String personaId, int coolingOffHours) {
        called("safeword " + sceneId + " " + coolingOffHours);
    }

    @Override
    public List<Views.Block> block(String personaId, BlockScope scope) {
        called("block " + personaId + " " + scope);
        return put(personaId, "block", scope);
    }

    @Override
    public List<Views.Block> unblock(String personaId) {
        called("unblock " + personaId);
        blocks.removeIf(b -> b.kind().equals("block") && b.persona().id().equals(personaId));
        return blocks();
    }

    @Override
    public List<Views.Block> mute(String personaId) {
        called("mute " + personaId);
        return put(personaId, "mute", null);
    }

    @Override
    public List<Views.Block> unmute(String personaId) {
        called("unmute " + personaId);
        blocks.removeIf(b -> b.kind().equals("mute") && b.persona().id().equals(personaId));
        return blocks();
    }

    @Override
    public List<Views.Block> blocks() {
        return List.copyOf(blocks);
    }

    /** The account's limits; a bigger budget, or none, waits as the server makes it wait, until {@link #PENDING_FROM}. */
    Views.Wellbeing wellbeing = new Views.Wellbeing(new Views.WellbeingLimits(null, null, null, "UTC", null), null, null, null, 0, List.of());
    static final long PENDING_FROM = java.time.Instant.parse("2026-01-16T21:30:00Z").toEpochMilli();
    static final long EXCLUDED_UNTIL = java.time.Instant.parse("2026-01-22T21:30:00Z").toEpochMilli();

    @Override
    public Views.Wellbeing wellbeing() {
        called("wellbeing");
        return wellbeing;
    }

    @Override
    public Views.Wellbeing setWellbeing(Views.WellbeingLimits limits) {
        called("wellbeing.set " + limits);
        Views.WellbeingLimits now = wellbeing.limits();
        boolean looser = now.dailyMinutes() != null && (limits.dailyMinutes() == null || limits.dailyMinutes() > now.dailyMinutes());
        Views.WellbeingLimits applied = looser ? new Views.WellbeingLimits(now.dailyMinutes(), limits.quietFrom(), limits.quietUntil(),
                limits.timeZone(), limits.breakMinutes()) : limits;
        wellbeing = new Views.Wellbeing(applied, looser ? limits : null, looser ? PENDING_FROM : null, null, wellbeing.minutesToday(), wellbeing.days());
        return wellbeing;
    }

    @Override
    public Views.Wellbeing exclude(String period) {
        called("exclude " + period);
        wellbeing = new Views.Wellbeing(wellbeing.limits(), wellbeing.pending(), wellbeing.pendingFrom(), EXCLUDED_UNTIL, wellbeing.minutesToday(),
                wellbeing.days());
        return wellbeing;
    }

    private List<Views.Block> put(String personaId, String kind, BlockScope scope) {
        Views.Persona persona = everyone.values().stream().filter(p -> p.id().equals(personaId)).findFirst().orElseThrow();
        blocks.add(new Views.Block(new Views.Author(persona.id(), persona.name()), kind, scope, 1_767_225_600_000L));
        return blocks();
    }

    @Override
    public void timer(String sceneId, String personaId, long seconds) {
        called("timer " + sceneId + " " + seconds);
    }

    @Override
    public void transcript(String sceneId, String personaId, String choice) {
        called("transcript " + sceneId + " " + choice);
    }

    @Override
    public String exportTranscript(String sceneId, String personaId) {
        called("exportTranscript " + sceneId);
        return "Tryst transcript of scene " + sceneId + "\n";
    }

    @Override
    public String safetyNumber(String sceneId, String personaId) {
        called("safetyNumber " + sceneId + " " + personaId);
        return "12345 23456 34567 45678 56789 67890 78901 89012 90123 01234 11111 22222";
    }

    @Override
    public Views.Report reportScene(String messageId, String reason) {
        called("reportScene " + messageId + " " + reason);
        return new Views.Report("Rp1", "scene", null, null, null, "text", reason, "", "verified", "commitment and server tag match", "open", 0);
    }

    @Override
    public Views.Report reportChannel(String personaId, String channel, String messageId, String reason) {
        called("reportChannel " + channel + " " + messageId + " " + reason);
        return new Views.Report("Rp2", "channel", null, null, channel, "text", reason, "", "verified", "the server's own copy of the message", "open", 0);
    }

    @Override
    public List<Views.Report> myReports() {
        called("myReports");
        return List.of();
    }

    final List<Views.Report> queue = new ArrayList<>();

    @Override
    public List<Views.Report> reportQueue() {
        called("reportQueue");
        return List.copyOf(queue);
    }

    @Override
    public void moderate(String action, String target, String scope, Integer hours, String reportId) {
        called("moderate " + action + " " + target + " " + scope + " " + hours + " " + reportId);
    }

    /** The board as the server would show it to the speaking persona, and that persona's own ad. */
    final List<Views.Ad> board = new ArrayList<>();
    Views.Ad mine;

    @Override
    public ServerMessage.Board board(String personaId) {
        called("board " + personaId);
        return new ServerMessage.Board(null, List.copyOf(board), mine);
    }

    @Override
    public Views.Ad postAd(String personaId, String title, String text, List<String> topics, String rating) {
        called("postAd " + title + " | " + text + " " + topics + " " + rating);
        Views.Persona me = personas.stream().filter(persona -> persona.id().equals(personaId)).findFirst().orElseThrow();
        mine = new Views.Ad("ad-" + me.id(), new Views.Author(me.id(), me.name()), title, text, topics, rating, 0, 0,
                java.time.Duration.ofHours(72).toMillis(), null, List.of());
        return mine;
    }

    @Override
    public Views.Ad bumpAd(String personaId) {
        called("bumpAd " + personaId);
        return mine;
    }

    @Override
    public void removeAd(String personaId) {
        called("removeAd " + personaId);
        mine = null;
    }

    @Override
    public Views.Report reportAd(String personaId, String adId, String reason) {
        called("reportAd " + adId + " " + reason);
        return new Views.Report("Rp3", "ad", null, null, null, "text", reason, "", "verified", "the server's own copy of the ad", "open", 0);
    }
}
