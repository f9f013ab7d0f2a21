package org.tryst.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * Everything the server sends over the WebSocket: replies, which carry the request's {@code id}, and
 * events, which carry none. Exactly one reply answers each request: the one named in its doc, or
 * {@code error}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonSubTypes({
    @JsonSubTypes.Type(ServerMessage.Welcome.class),
    @JsonSubTypes.Type(ServerMessage.Error.class),
    @JsonSubTypes.Type(ServerMessage.Ok.class),
    @JsonSubTypes.Type(ServerMessage.Sessions.class),
    @JsonSubTypes.Type(ServerMessage.Security.class),
    @JsonSubTypes.Type(ServerMessage.TotpSetup.class),
    @JsonSubTypes.Type(ServerMessage.RecoveryCodes.class),
    @JsonSubTypes.Type(ServerMessage.PersonaInfo.class),
    @JsonSubTypes.Type(ServerMessage.Personas.class),
    @JsonSubTypes.Type(ServerMessage.PersonaInUse.class),
    @JsonSubTypes.Type(ServerMessage.Channels.class),
    @JsonSubTypes.Type(ServerMessage.ChannelJoined.class),
    @JsonSubTypes.Type(ServerMessage.Members.class),
    @JsonSubTypes.Type(ServerMessage.History.class),
    @JsonSubTypes.Type(ServerMessage.Sent.class),
    @JsonSubTypes.Type(ServerMessage.ChannelMessage.class),
    @JsonSubTypes.Type(ServerMessage.MemberJoined.class),
    @JsonSubTypes.Type(ServerMessage.MemberLeft.class),
    @JsonSubTypes.Type(ServerMessage.MemberUpdated.class),
    @JsonSubTypes.Type(ServerMessage.TopicChanged.class),
    @JsonSubTypes.Type(ServerMessage.PresenceChanged.class),
    @JsonSubTypes.Type(ServerMessage.WorldPresence.class),
    @JsonSubTypes.Type(ServerMessage.Typing.class),
    @JsonSubTypes.Type(ServerMessage.Looking.class),
    @JsonSubTypes.Type(ServerMessage.Kicked.class),
    @JsonSubTypes.Type(ServerMessage.ChannelReadUpTo.class),
    @JsonSubTypes.Type(ServerMessage.DeviceRegistered.class),
    @JsonSubTypes.Type(ServerMessage.DeviceAttached.class),
    @JsonSubTypes.Type(ServerMessage.KeyPackagesStored.class),
    @JsonSubTypes.Type(ServerMessage.KeyPackagesLow.class),
    @JsonSubTypes.Type(ServerMessage.KeyPackages.class),
    @JsonSubTypes.Type(ServerMessage.SceneInfo.class),
    @JsonSubTypes.Type(ServerMessage.Scenes.class),
    @JsonSubTypes.Type(ServerMessage.InvitationInfo.class),
    @JsonSubTypes.Type(ServerMessage.Invitations.class),
    @JsonSubTypes.Type(ServerMessage.InvitationReceived.class),
    @JsonSubTypes.Type(ServerMessage.InvitationAccepted.class),
    @JsonSubTypes.Type(ServerMessage.InvitationGone.class),
    @JsonSubTypes.Type(ServerMessage.SceneSent.class),
    @JsonSubTypes.Type(ServerMessage.SceneDelivery.class),
    @JsonSubTypes.Type(ServerMessage.SceneSignalled.class),
    @JsonSubTypes.Type(ServerMessage.MediaServers.class),
    @JsonSubTypes.Type(ServerMessage.WellbeingInfo.class),
    @JsonSubTypes.Type(ServerMessage.BoardAd.class),
    @JsonSubTypes.Type(ServerMessage.Board.class),
    @JsonSubTypes.Type(ServerMessage.WellbeingWarning.class),
    @JsonSubTypes.Type(ServerMessage.WellbeingBreak.class),
    @JsonSubTypes.Type(ServerMessage.SceneChanged.class),
    @JsonSubTypes.Type(ServerMessage.SceneEnded.class),
    @JsonSubTypes.Type(ServerMessage.Catalogue.class),
    @JsonSubTypes.Type(ServerMessage.BoundariesInfo.class),
    @JsonSubTypes.Type(ServerMessage.TranscriptMark.class),
    @JsonSubTypes.Type(ServerMessage.Blocks.class),
    // Reports and moderation
    @JsonSubTypes.Type(ServerMessage.ReportFiled.class),
    @JsonSubTypes.Type(ServerMessage.Reports.class),
    @JsonSubTypes.Type(ServerMessage.Audit.class),
    @JsonSubTypes.Type(ServerMessage.Notice.class),
    @JsonSubTypes.Type(ServerMessage.ChannelListed.class),
    @JsonSubTypes.Type(ServerMessage.ChannelUnlisted.class),
    @JsonSubTypes.Type(ServerMessage.ChannelClosed.class),
    // The text world
    @JsonSubTypes.Type(ServerMessage.WorldRoom.class),
    @JsonSubTypes.Type(ServerMessage.WorldLook.class),
    @JsonSubTypes.Type(ServerMessage.WorldWho.class),
    @JsonSubTypes.Type(ServerMessage.WorldInventory.class),
    @JsonSubTypes.Type(ServerMessage.WorldHelp.class),
    @JsonSubTypes.Type(ServerMessage.WorldDone.class),
    @JsonSubTypes.Type(ServerMessage.WorldArrived.class),
    @JsonSubTypes.Type(ServerMessage.WorldDeparted.class),
    @JsonSubTypes.Type(ServerMessage.WorldLine.class),
    @JsonSubTypes.Type(ServerMessage.WorldUpdated.class),
    @JsonSubTypes.Type(ServerMessage.WorldThing.class),
})
public sealed interface ServerMessage {

    /** A reply: it carries the id of the request it answers (null when the request had none). */
    sealed interface Reply extends ServerMessage {
        String id();
    }

    /** Reply to {@code hello}: the session is open; {@code role} is {@code member}, {@code moderator} or {@code operator}; whether the account shares typing. */
    @JsonTypeName("welcome")
    record Welcome(String id, int version, String username, List<Views.Persona> personas, Views.Limits limits, String role,
                   boolean shareTyping) implements Reply {}

    /** Reply to any request that failed, or an event explaining why the server is about to close the socket. */
    @JsonTypeName("error")
    record Error(String id, String code, String message, Long retryAfterMs) implements Reply {
        public static Error of(String id, ProtocolException problem) {
            return new Error(id, problem.code().wire(), problem.getMessage(), problem.retryAfterMs());
        }
    }

    /** Reply to a request that succeeded and has nothing else to say. */
    @JsonTypeName("ok")
    record Ok(String id) implements Reply {}

    /** Reply to {@code security.show}, {@code totp.confirm} and {@code totp.off}: whether TOTP is on, and how many recovery codes are left. */
    @JsonTypeName("security")
    record Security(String id, boolean totp, int recoveryCodes) implements Reply {}

    /** Reply to {@code totp.begin}: the new secret (base32, for typing in) and the {@code otpauth://} address its QR code holds. */
    @JsonTypeName("totp.setup")
    record TotpSetup(String id, String secret, String uri) implements Reply {}

    /** Reply to {@code recovery.renew}: the new recovery codes, shown once. */
    @JsonTypeName("recovery.codes")
    record RecoveryCodes(String id, List<String> codes) implements Reply {}

    /** Reply to {@code sessions.list}. */
    @JsonTypeName("sessions")
    record Sessions(String id, List<Views.Session> sessions) implements Reply {}

    /** Reply to {@code persona.create}, {@code persona.update} and {@code persona.show}. */
    @JsonTypeName("persona")
    record PersonaInfo(String id, Views.Persona persona) implements Reply {}

    /** Reply to {@code persona.list}. */
    @JsonTypeName("personas")
    record Personas(String id, List<Views.Persona> personas) implements Reply {}

    /** Reply to {@code persona.use}: the channels this socket now follows as the persona. */
    @JsonTypeName("persona.in_use")
    record PersonaInUse(String id, String persona, List<Views.Joined> channels) implements Reply {}

    /** Reply to {@code channel.list}. */
    @JsonTypeName("channels")
    record Channels(String id, List<Views.Channel> channels) implements Reply {}

    /** Reply to {@code channel.join} and {@code channel.create}: members, topic and recent history. */
    @JsonTypeName("channel.joined")
    record ChannelJoined(String id, Views.Joined channel) implements Reply {}

    /** Reply to {@code channel.members}. */
    @JsonTypeName("members")
    record Members(String id, String channel, List<Views.Member> members) implements Reply {}

    /** Reply to {@code channel.history}: oldest first. */
    @JsonTypeName("history")
    record History(String id, String channel, List<Views.Message> messages) implements Reply {}

    /** Reply to {@code say} and {@code pose}: the message is stored durably under {@code message}. */
    @JsonTypeName("sent")
    record Sent(String id, String message, long at) implements Reply {}

    /** Event: a message in a channel, to every socket following it (the sender's included). */
    @JsonTypeName("message")
    record ChannelMessage(Views.Message message) implements ServerMessage {}

    /** Event: a persona joined a channel. */
    @JsonTypeName("member.joined")
    record MemberJoined(String channel, Views.Member member) implements ServerMessage {}

    /** Event: a persona left a channel; {@code reason} is {@code left}, {@code kicked}, {@code deleted} or {@code banned}. */
    @JsonTypeName("member.left")
    record MemberLeft(String channel, String persona, String reason) implements ServerMessage {}

    /** Event: a member's picture changed or was removed; the member as it is now, for those who may see it. */
    @JsonTypeName("member.updated")
    record MemberUpdated(String channel, Views.Member member) implements ServerMessage {}

    /** Event: a channel's topic changed; {@code by} is absent for those its setter is hidden from by a block. */
    @JsonTypeName("topic")
    record TopicChanged(String channel, String topic, Views.Author by) implements ServerMessage {}

    /** Event: what a member's status or status line shows changed. */
    @JsonTypeName("presence")
    record PresenceChanged(String channel, String persona, Presence status,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) String statusLine) implements ServerMessage {}

    /** Event to a world room's others: the status or status line of a persona there changed. */
    @JsonTypeName("world.presence")
    record WorldPresence(String room, String persona, Presence status,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) String statusLine) implements ServerMessage {}

    /** Event: a persona is typing (or stopped) in a channel or the world room it is in; never stored. */
    @JsonTypeName("typing")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Typing(String channel, String room, String persona, boolean typing) implements ServerMessage {}

    /** Reply to {@code looking.list}: the personas looking now, the most recent first. */
    @JsonTypeName("looking")
    record Looking(String id, List<Views.Looking> personas) implements Reply {}

    /** Event, to the kicked persona's sockets: it is no longer a member. */
    @JsonTypeName("kicked")
    record Kicked(String channel, String persona, Views.Author by, String reason) implements ServerMessage {}

    /** Event to the sockets online as a persona: one of its devices read a channel up to {@code message}. */
    @JsonTypeName("channel.read_up_to")
    record ChannelReadUpTo(String channel, String persona, String message) implements ServerMessage {}

    /** Reply to {@code device.register}. */
    @JsonTypeName("device")
    record DeviceRegistered(String id, Views.Device device) implements Reply {}

    /** Reply to {@code device.attach}; the device's queued scene messages follow as {@code scene.message} events. */
    @JsonTypeName("device.attached")
    record DeviceAttached(String id, String device, int queued) implements Reply {}

    /** Reply to {@code keypackages.upload}: how many unused KeyPackages the device now has for the persona. */
    @JsonTypeName("keypackages.stored")
    record KeyPackagesStored(String id, String persona, int available) implements Reply {}

    /** Event to a device: its KeyPackages for a persona are running out; upload more. */
    @JsonTypeName("keypackages.low")
    record KeyPackagesLow(String device, String persona, int available) implements ServerMessage {}

    /** Reply to {@code keypackages.claim}: one KeyPackage per device of the persona. */
    @JsonTypeName("keypackages")
    record KeyPackages(String id, String scene, String persona, List<Views.DeviceKeyPackage> keyPackages) implements Reply {}

    /** Reply to {@code scene.create}. */
    @JsonTypeName("scene")
    record SceneInfo(String id, Views.Scene scene) implements Reply {}

    /** Reply to {@code scene.list}. */
    @JsonTypeName("scenes")
    record Scenes(String id, List<Views.Scene> scenes) implements Reply {}

    /** Reply to {@code scene.invite} and {@code invitation.accept}. */
    @JsonTypeName("invitation")
    record InvitationInfo(String id, Views.Invitation invitation) implements Reply {}

    /** Reply to {@code invitation.list}: invitations to the account's personas, and those they sent. */
    @JsonTypeName("invitations")
    record Invitations(String id, List<Views.Invitation> received, List<Views.Invitation> sent) implements Reply {}

    /** Event to the invitee's sockets: someone invites one of its personas into a scene. */
    @JsonTypeName("invitation.received")
    record InvitationReceived(Views.Invitation invitation) implements ServerMessage {}

    /** Event to the scene's members: an invitee accepted, and may now be added. */
    @JsonTypeName("invitation.accepted")
    record InvitationAccepted(Views.Invitation invitation) implements ServerMessage {}

    /**
     * Event to the invitee's and the inviter's sockets: the invitation is no longer in that account's
     * list, and why. The inviter never hears {@code declined}: to it a decline looks unanswered until it expires.
     */
    @JsonTypeName("invitation.gone")
    record InvitationGone(String invitation, Why why) implements ServerMessage {
        /** Why an invitation left a list. */
        public enum Why {
            /** The invitee accepted it (for the inviter: and was added to the scene). */
            @JsonProperty("accepted") ACCEPTED,
            /** The invitee declined it: told only to the invitee's own sockets. */
            @JsonProperty("declined") DECLINED,
            /** It no longer stands: a new proposal replaced it, its scene ended, or a persona it names was deleted. */
            @JsonProperty("withdrawn") WITHDRAWN,
            /** It was open for {@code scenes.invitation_ttl_hours} and nobody added the invitee. */
            @JsonProperty("expired") EXPIRED
        }
    }

    /**
     * Reply to {@code scene.send}: the message is durably stored as {@code message}, number {@code seq} of the scene;
     * it disappears at {@code expiresAt} (absent when the timer is off).
     */
    @JsonTypeName("scene.sent")
    record SceneSent(String id, String scene, String message, long seq, long epoch, long at, Long expiresAt) implements Reply {}

    /** Event to a device: one message of a scene, in the scene's order; acknowledge it with {@code scene.ack}. */
    @JsonTypeName("scene.message")
    record SceneDelivery(Views.SceneMessage message) implements ServerMessage {}

    /**
     * Event to a device online now: a call signal from {@code from} (a persona) at the scene's epoch,
     * an MLS application message; never stored, never queued, not acknowledged.
     */
    @JsonTypeName("scene.signal")
    record SceneSignalled(String scene, String from, long epoch, String data, long at) implements ServerMessage {}

    /**
     * Reply to {@code media.turn}: the relay servers for a call, with credentials valid until
     * {@code expiresAt}; {@code relay} is true when there are any, and calls then relay through them
     * by default. Without TURN configured the list is empty and {@code relay} false.
     */
    @JsonTypeName("media.turn")
    record MediaServers(String id, List<Views.IceServer> iceServers, long expiresAt, boolean relay) implements Reply {}

    /** Event to the scene's members: who is in it or its timer changed; {@code reason} says what happened. */
    @JsonTypeName("scene.changed")
    record SceneChanged(Views.Scene scene, String reason) implements ServerMessage {}

    /** Event to every member's sockets: the scene is over (a member used the safeword); forget it and clear it from the screen. */
    @JsonTypeName("scene.ended")
    record SceneEnded(String scene, String reason) implements ServerMessage {}

    /** Reply to {@code catalogue.show}: the topics boundaries answer, in order, and the default safeword word. */
    @JsonTypeName("catalogue")
    record Catalogue(String id, List<Views.Topic> topics, String defaultSafeword) implements Reply {}

    /** Reply to {@code boundaries.show} and {@code boundaries.set}. */
    @JsonTypeName("boundaries")
    record BoundariesInfo(String id, Views.Boundaries boundaries) implements Reply {}
    /**
     * Reply to {@code transcript.export}: a fresh mark, recorded by the server with the scene, the
     * persona and the time, for the client to put in the transcript it builds from its own copy.
     */
    @JsonTypeName("transcript.mark")
    record TranscriptMark(String id, String scene, String persona, String mark, long at) implements Reply {}
    /** Reply to {@code block}, {@code unblock}, {@code mute}, {@code unmute} and {@code blocks.list}: the account's list, newest first. */
    @JsonTypeName("blocks")
    record Blocks(String id, List<Views.Block> blocks) implements Reply {}

    // ---- Reports and moderation ----

    /** Reply to {@code report.scene} and {@code report.channel}: the report as filed, with the server's verification. */
    @JsonTypeName("report.filed")
    record ReportFiled(String id, Views.Report report) implements Reply {}

    /** Reply to {@code report.list} (your own reports) and {@code mod.reports} (the queue), newest first. */
    @JsonTypeName("reports")
    record Reports(String id, List<Views.Report> reports) implements Reply {}

    /** Reply to {@code mod.audit}: newest entries first, and whether the whole hash chain verifies. */
    @JsonTypeName("audit")
    record Audit(String id, List<Views.AuditEntry> entries, boolean intact) implements Reply {}

    /** Event: a moderator's word to this account (a warning, a mute), on the live socket or at the next hello. */
    @JsonTypeName("notice")
    record Notice(String kind, String text, Long until, long at) implements ServerMessage {}

    /** Event to the sockets watching the channel list: a channel opened, or its topic or member count changed. */
    @JsonTypeName("channel.listed")
    record ChannelListed(Views.Channel channel) implements ServerMessage {}

    /** Event to the sockets watching the channel list: a channel was closed and is no longer listed. */
    @JsonTypeName("channel.unlisted")
    record ChannelUnlisted(String channel) implements ServerMessage {}

    /** Event to a channel's audience: the channel was closed by its owner or a moderator. */
    @JsonTypeName("channel.closed")
    record ChannelClosed(String channel) implements ServerMessage {}

    // ---- The text world ----

    /**
     * The room a persona is in, with who and what is there as this socket may see it: the reply to
     * {@code world.enter} and to {@code look} without a target, and an event (no {@code id}) to every
     * socket online as the persona when it moves, by an exit, {@code home} or a moderator.
     */
    @JsonTypeName("world.room")
    record WorldRoom(String id, String persona, Views.RoomView room, List<Views.Occupant> here) implements Reply {}

    /** Reply to {@code look TARGET}: a persona, thing or exit of the room, an emit's author, or something carried. */
    @JsonTypeName("world.look")
    record WorldLook(String id, String persona, Views.Looked target) implements Reply {}

    /** Reply to {@code who} (everyone in the world) and {@code where} (with the rooms they are in). */
    @JsonTypeName("world.who")
    record WorldWho(String id, List<Views.WhoEntry> people) implements Reply {}

    /** Reply to {@code inventory}: what the persona carries. */
    @JsonTypeName("world.inventory")
    record WorldInventory(String id, String persona, List<Views.ThingView> things) implements Reply {}

    /** Reply to {@code help [TOPIC]}: one page of help, and every topic there is. */
    @JsonTypeName("world.help")
    record WorldHelp(String id, String topic, String text, List<String> topics) implements Reply {}

    /** Reply to a command that changed something and says so in a sentence: building, {@code @describe}, {@code page}. */
    @JsonTypeName("world.done")
    record WorldDone(String id, String persona, String text) implements Reply {}

    /**
     * Event to a room: a persona arrived; {@code via} is the exit of this room that leads back where it
     * came from (absent when none), {@code how} is {@code moved}, {@code entered}, {@code connected},
     * {@code home}, {@code joined} (a block ended), {@code moved_by_moderator} or {@code room_gone}.
     */
    @JsonTypeName("world.arrived")
    record WorldArrived(String room, Views.Occupant persona, String via, String how) implements ServerMessage {}

    /**
     * Event to a room: a persona is no longer there; {@code via} is the exit it took (absent otherwise),
     * {@code how} is {@code moved}, {@code left}, {@code disconnected}, {@code home}, {@code gone} (a
     * block or a deletion), {@code moved_by_moderator} or {@code room_gone} (its room was destroyed).
     */
    @JsonTypeName("world.departed")
    record WorldDeparted(String room, Views.Author persona, String via, String how) implements ServerMessage {}

    /** Event: a line of the world, to the room it was said in, or to the two personas of a whisper or page. */
    @JsonTypeName("world.line")
    record WorldLine(Views.WorldLine line) implements ServerMessage {}

    /** Event to a room: its name, description, rating, exits or things changed (a builder, a moderator, an import). */
    @JsonTypeName("world.updated")
    record WorldUpdated(Views.RoomView room) implements ServerMessage {}

    /** Event to a room: a persona picked up ({@code got}), dropped or gave ({@code gave}, to {@code to}) a thing. */
    @JsonTypeName("world.thing")
    record WorldThing(String room, Views.Author by, String action, Views.ThingView thing, Views.Author to) implements ServerMessage {}

    /** Reply to {@code wellbeing.show} and {@code wellbeing.set}: the account's limits, as they stand. */
    @JsonTypeName("wellbeing")
    record WellbeingInfo(String id, Views.Wellbeing wellbeing) implements Reply {}

    /**
     * Event to every socket of the account: in five minutes or less ({@code endsAt}) its daily budget
     * runs out ({@code reason} {@code daily_limit}) or its quiet hours begin ({@code quiet_hours}),
     * and its sessions end gently.
     */
    @JsonTypeName("wellbeing.warning")
    record WellbeingWarning(String reason, long endsAt) implements ServerMessage {}

    /** Event: the account asked to be reminded to take a break; it has been active {@code minutes} on end. */
    @JsonTypeName("wellbeing.break")
    record WellbeingBreak(int minutes) implements ServerMessage {}

    /** Reply to {@code board.post} and {@code board.bump}: the persona's ad as it stands. */
    @JsonTypeName("board.ad")
    record BoardAd(String id, Views.Ad ad) implements Reply {}

    /** Reply to {@code board.list}: the ads the persona may see, freshest bump first, each with its matches, and its own ad. */
    @JsonTypeName("board")
    record Board(String id, List<Views.Ad> ads, Views.Ad mine) implements Reply {}
}
