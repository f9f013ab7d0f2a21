package org.tryst.client.chat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.tryst.client.TrystClient;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.MessageKind;
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
    public List<Views.Member> members(String channel) {
        return request(id -> new ClientMessage.MembersList(id, channel), ServerMessage.Members.class).members();
    }

    @Override
    public List<Views.Message> channelHistory(String personaId, String channel) {
        return request(id -> new ClientMessage.HistoryFetch(id, personaId, channel, null, HISTORY_LIMIT), ServerMessage.History.class).messages();
    }

    @Override
    public void sayInChannel(String personaId, String channel, MessageKind kind, String text) {
        request(id -> kind == MessageKind.POSE ? new ClientMessage.Pose(id, personaId, channel, text)
                : new ClientMessage.Say(id, personaId, channel, text), ServerMessage.Sent.class);
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
    public void invite(String sceneId, String personaId, String inviteeId, String note) {
        client.invite(sceneId, personaId, inviteeId, note);
    }

    @Override
    public ServerMessage.Invitations invitations() {
        return client.invitations();
    }

    @Override
    public void accept(String invitationId) {
        client.accept(invitationId);
    }

    @Override
    public void decline(String invitationId) {
        client.decline(invitationId);
    }

    @Override
    public void sayInScene(String sceneId, MessageKind kind, String text) {
        client.send(sceneId, kind.name().toLowerCase(Locale.ROOT), text, UUID.randomUUID().toString()).join();
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
    public void timer(String sceneId, String personaId, long seconds) {
        client.timer(sceneId, personaId, seconds);
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

    private <T extends ServerMessage> T request(Function<String, ClientMessage> message, Class<T> reply) {
        return reply.cast(client.connection().request(message).join());
    }
}
