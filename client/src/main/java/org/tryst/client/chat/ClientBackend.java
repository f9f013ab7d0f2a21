package org.tryst.client.chat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.tryst.client.TrystClient;
import org.tryst.protocol.Answer;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/** The chat's backend over a logged-in {@link TrystClient}: scenes through the library, the rest as protocol requests. */
public final class ClientBackend implements Backend {
    private static final int HISTORY_LIMIT = 50;

    private final TrystClient client;

    public ClientBackend(TrystClient client) {
        this.client = client;
    }

    @Override
    public byte[] myData() {
        return client.connection().exportMyData();
    }

    @Override
    public List<Views.Persona> personas() {
        return request(ClientMessage.PersonaList::new, ServerMessage.Personas.class).personas();
    }

    @Override
    public Views.Persona createPersona(String name) {
        return client.createPersona(name);
    }

    @Override
    public List<Views.Joined> use(String personaId) {
        return request(id -> new ClientMessage.PersonaUse(id, personaId), ServerMessage.PersonaInUse.class).channels();
    }

    @Override
    public Views.Persona findPersona(String name) {
        return request(id -> new ClientMessage.PersonaShow(id, name), ServerMessage.PersonaInfo.class).persona();
    }

    @Override
    public List<Views.Channel> channels() {
        return request(ClientMessage.ChannelList::new, ServerMessage.Channels.class).channels();
    }

    @Override
    public Views.Joined joinChannel(String personaId, String channel) {
        return request(id -> new ClientMessage.ChannelJoin(id, personaId, channel), ServerMessage.ChannelJoined.class).channel();
    }

    @Override
    public Views.Joined createChannel(String personaId, String channel) {
        return request(id -> new ClientMessage.ChannelCreate(id, personaId, channel, null), ServerMessage.ChannelJoined.class).channel();
    }

    @Override
    public void leaveChannel(String personaId, String channel) {
        request(id -> new ClientMessage.ChannelLeave(id, personaId, channel), ServerMessage.Ok.class);
    }

    @Override
    public void markRead(String personaId, String channel, String messageId) {
        request(id -> new ClientMessage.ChannelRead(id, personaId, channel, messageId), ServerMessage.Ok.class);
    }

    @Override
    public List<Views.Member> members(String channel) {
        return request(id -> new ClientMessage.MembersList(id, channel), ServerMessage.Members.class).members();
    }

    @Override
    public List<Views.Message> channelHistory(String personaId, String channel) {
        return request(id -> new ClientMessage.HistoryFetch(id, personaId, channel, null, HISTORY_LIMIT), ServerMessage.History.class).messages();
    }

    @Override
    public void sayInChannel(String personaId, String channel, MessageKind kind, String text) {
        client.post(personaId, channel, kind, text, UUID.randomUUID().toString());
    }

    @Override
    public List<Views.Scene> scenes() {
        return client.scenes();
    }

    @Override
    public Views.Scene createScene(String personaId) {
        return client.createScene(personaId);
    }

    @Override
    public void invite(String sceneId, String personaId, String inviteeId, String note, List<String> topics, String safeword) {
        client.invite(sceneId, personaId, inviteeId, note, topics.isEmpty() ? null : topics, safeword);
    }

    @Override
    public ServerMessage.Catalogue catalogue() {
        return client.catalogue();
    }

    @Override
    public Views.Boundaries boundaries(String personaId) {
        return client.boundaries(personaId);
    }

    @Override
    public Views.Boundaries setBoundaries(String personaId, Map<String, Answer> answers, String notes) {
        return client.setBoundaries(personaId, answers, notes);
    }

    @Override
    public ServerMessage.Invitations invitations() {
        return client.invitations();
    }

    @Override
    public void accept(Views.Invitation invitation) {
        client.accept(invitation);
    }

    @Override
    public void decline(String invitationId) {
        client.decline(invitationId);
    }

    @Override
    public void sayInScene(String sceneId, MessageKind kind, String text) {
        client.say(sceneId, kind, text);
    }

    @Override
    public void signal(String sceneId, String json) {
        client.signal(sceneId, json);
    }

    @Override
    public void leaveScene(String sceneId, String personaId) {
        client.leave(sceneId, personaId);
    }

    @Override
    public void safeword(String sceneId, String personaId, int coolingOffHours) {
        client.safeword(sceneId, personaId, coolingOffHours);
    }

    @Override
    public List<Views.Block> block(String personaId, BlockScope scope) {
        return client.block(personaId, scope);
    }

    @Override
    public List<Views.Block> unblock(String personaId) {
        return client.unblock(personaId);
    }

    @Override
    public List<Views.Block> mute(String personaId) {
        return client.mute(personaId);
    }

    @Override
    public List<Views.Block> unmute(String personaId) {
        return client.unmute(personaId);
    }

    @Override
    public List<Views.Block> blocks() {
        return client.blocks();
    }

    @Override
    public Views.Wellbeing wellbeing() {
        return client.wellbeing();
    }

    @Override
    public Views.Wellbeing setWellbeing(Views.WellbeingLimits limits) {
        return client.setWellbeing(limits);
    }

    @Override
    public Views.Wellbeing exclude(String period) {
        return client.exclude(period);
    }

    @Override
    public void timer(String sceneId, String personaId, long seconds) {
        client.timer(sceneId, personaId, seconds);
    }

    @Override
    public void transcript(String sceneId, String personaId, String choice) {
        client.transcript(sceneId, personaId, choice);
    }

    @Override
    public String exportTranscript(String sceneId, String personaId) {
        return client.exportTranscript(sceneId, personaId);
    }

    @Override
    public String safetyNumber(String sceneId, String personaId) {
        return client.safetyNumber(sceneId, personaId);
    }

    @Override
    public Views.Report reportScene(String messageId, String reason) {
        return client.report(messageId, reason, null);
    }

    @Override
    public Views.Report reportChannel(String personaId, String channel, String messageId, String reason) {
        return client.reportChannel(personaId, channel, messageId, reason, null);
    }

    @Override
    public List<Views.Report> myReports() {
        return client.myReports();
    }

    @Override
    public List<Views.Report> reportQueue() {
        return request(id -> new ClientMessage.ModReports(id, false), ServerMessage.Reports.class).reports();
    }

    @Override
    public void moderate(String action, String target, String scope, Integer hours, String reportId) {
        request(id -> new ClientMessage.ModAct(id, action, target, scope, hours, null, reportId, null), ServerMessage.Ok.class);
    }

    @Override
    public ServerMessage.Board board(String personaId) {
        return request(id -> new ClientMessage.BoardList(id, personaId), ServerMessage.Board.class);
    }

    @Override
    public Views.Ad postAd(String personaId, String title, String text, List<String> topics, String rating) {
        return request(id -> new ClientMessage.BoardPost(id, personaId, title, text, topics, rating), ServerMessage.BoardAd.class).ad();
    }

    @Override
    public Views.Ad bumpAd(String personaId) {
        return request(id -> new ClientMessage.BoardBump(id, personaId), ServerMessage.BoardAd.class).ad();
    }

    @Override
    public void removeAd(String personaId) {
        request(id -> new ClientMessage.BoardRemove(id, personaId), ServerMessage.Ok.class);
    }

    @Override
    public Views.Report reportAd(String personaId, String adId, String reason) {
        return request(id -> new ClientMessage.ReportAd(id, personaId, adId, reason, null), ServerMessage.ReportFiled.class).report();
    }

    @Override
    public Views.Persona setStatus(String personaId, Presence status, String line) {
        return request(id -> new ClientMessage.StatusSet(id, personaId, status, line), ServerMessage.PersonaInfo.class).persona();
    }

    @Override
    public List<Views.Looking> looking() {
        return request(ClientMessage.LookingList::new, ServerMessage.Looking.class).personas();
    }

    @Override
    public void typing(String personaId, String channel, boolean typing) {
        request(id -> new ClientMessage.TypingNow(id, personaId, channel, null, typing), ServerMessage.Ok.class);
    }

    @Override
    public boolean sharesTyping() {
        return client.connection().welcome().shareTyping();
    }

    @Override
    public void shareTyping(boolean share) {
        request(id -> new ClientMessage.TypingShare(id, share), ServerMessage.Ok.class);
    }

    private <T extends ServerMessage> T request(Function<String, ClientMessage> message, Class<T> reply) {
        return reply.cast(client.request(message));
    }
}
