package org.tryst.protocol;

import static org.tryst.protocol.Fields.base64;
import static org.tryst.protocol.Fields.channelName;
import static org.tryst.protocol.Fields.ref;
import static org.tryst.protocol.Fields.nonBlank;
import static org.tryst.protocol.Fields.optionalText;
import static org.tryst.protocol.Fields.personaName;
import static org.tryst.protocol.Fields.present;
import static org.tryst.protocol.Fields.requestId;
import static org.tryst.protocol.Fields.text;
import static org.tryst.protocol.Fields.topicId;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Everything a client may send over the WebSocket. Each record validates itself when built, so a
 * message that reaches the server's dispatcher is well formed; {@code id} is the optional request id
 * echoed on the reply. Personas are always named by id: the account behind them is never on the wire.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ClientMessage.Hello.class),
    @JsonSubTypes.Type(ClientMessage.SessionsList.class),
    @JsonSubTypes.Type(ClientMessage.SessionRevoke.class),
    @JsonSubTypes.Type(ClientMessage.LogoutEverywhere.class),
    @JsonSubTypes.Type(ClientMessage.PasswordChange.class),
    @JsonSubTypes.Type(ClientMessage.SecurityShow.class),
    @JsonSubTypes.Type(ClientMessage.TotpBegin.class),
    @JsonSubTypes.Type(ClientMessage.TotpConfirm.class),
    @JsonSubTypes.Type(ClientMessage.TotpOff.class),
    @JsonSubTypes.Type(ClientMessage.RecoveryRenew.class),
    @JsonSubTypes.Type(ClientMessage.AccountDelete.class),
    @JsonSubTypes.Type(ClientMessage.PersonaCreate.class),
    @JsonSubTypes.Type(ClientMessage.PersonaUpdate.class),
    @JsonSubTypes.Type(ClientMessage.PersonaDelete.class),
    @JsonSubTypes.Type(ClientMessage.AvatarSet.class),
    @JsonSubTypes.Type(ClientMessage.PersonaList.class),
    @JsonSubTypes.Type(ClientMessage.PersonaShow.class),
    @JsonSubTypes.Type(ClientMessage.PersonaUse.class),
    @JsonSubTypes.Type(ClientMessage.PresenceSet.class),
    // Statuses and typing
    @JsonSubTypes.Type(ClientMessage.StatusSet.class),
    @JsonSubTypes.Type(ClientMessage.LookingList.class),
    @JsonSubTypes.Type(ClientMessage.TypingNow.class),
    @JsonSubTypes.Type(ClientMessage.TypingShare.class),
    @JsonSubTypes.Type(ClientMessage.ChannelList.class),
    @JsonSubTypes.Type(ClientMessage.ChannelCreate.class),
    @JsonSubTypes.Type(ClientMessage.ChannelJoin.class),
    @JsonSubTypes.Type(ClientMessage.ChannelLeave.class),
    @JsonSubTypes.Type(ClientMessage.Say.class),
    @JsonSubTypes.Type(ClientMessage.Pose.class),
    @JsonSubTypes.Type(ClientMessage.Roll.class),
    @JsonSubTypes.Type(ClientMessage.TopicSet.class),
    @JsonSubTypes.Type(ClientMessage.MembersList.class),
    @JsonSubTypes.Type(ClientMessage.HistoryFetch.class),
    @JsonSubTypes.Type(ClientMessage.Kick.class),
    @JsonSubTypes.Type(ClientMessage.ChannelRead.class),
    @JsonSubTypes.Type(ClientMessage.DeviceRegister.class),
    @JsonSubTypes.Type(ClientMessage.DeviceAttach.class),
    @JsonSubTypes.Type(ClientMessage.KeyPackagesUpload.class),
    @JsonSubTypes.Type(ClientMessage.KeyPackagesClaim.class),
    @JsonSubTypes.Type(ClientMessage.SceneCreate.class),
    @JsonSubTypes.Type(ClientMessage.SceneList.class),
    @JsonSubTypes.Type(ClientMessage.SceneInvite.class),
    @JsonSubTypes.Type(ClientMessage.InvitationList.class),
    @JsonSubTypes.Type(ClientMessage.InvitationAccept.class),
    @JsonSubTypes.Type(ClientMessage.InvitationDecline.class),
    @JsonSubTypes.Type(ClientMessage.SceneSend.class),
    @JsonSubTypes.Type(ClientMessage.SceneAck.class),
    @JsonSubTypes.Type(ClientMessage.SceneSignal.class),
    @JsonSubTypes.Type(ClientMessage.SceneLeave.class),
    @JsonSubTypes.Type(ClientMessage.SceneTimer.class),
    @JsonSubTypes.Type(ClientMessage.Safeword.class),
    @JsonSubTypes.Type(ClientMessage.CatalogueShow.class),
    @JsonSubTypes.Type(ClientMessage.BoundariesShow.class),
    @JsonSubTypes.Type(ClientMessage.BoundariesSet.class),
    @JsonSubTypes.Type(ClientMessage.TranscriptConsent.class),
    @JsonSubTypes.Type(ClientMessage.TranscriptExport.class),
    // Blocks and mutes
    @JsonSubTypes.Type(ClientMessage.Block.class),
    @JsonSubTypes.Type(ClientMessage.Unblock.class),
    @JsonSubTypes.Type(ClientMessage.Mute.class),
    @JsonSubTypes.Type(ClientMessage.Unmute.class),
    @JsonSubTypes.Type(ClientMessage.BlocksList.class),
    // Reports and moderation
    @JsonSubTypes.Type(ClientMessage.ReportScene.class),
    @JsonSubTypes.Type(ClientMessage.ReportChannel.class),
    @JsonSubTypes.Type(ClientMessage.ReportWorld.class),
    @JsonSubTypes.Type(ClientMessage.ReportAd.class),
    @JsonSubTypes.Type(ClientMessage.ReportList.class),
    @JsonSubTypes.Type(ClientMessage.ModReports.class),
    @JsonSubTypes.Type(ClientMessage.ModAct.class),
    @JsonSubTypes.Type(ClientMessage.ModAudit.class),
    // The text world
    @JsonSubTypes.Type(ClientMessage.WorldEnter.class),
    @JsonSubTypes.Type(ClientMessage.WorldCommand.class),
    @JsonSubTypes.Type(ClientMessage.WorldLeave.class),
    // Calls
    @JsonSubTypes.Type(ClientMessage.MediaTurn.class),
    // Wellbeing
    @JsonSubTypes.Type(ClientMessage.WellbeingShow.class),
    @JsonSubTypes.Type(ClientMessage.WellbeingSet.class),
    @JsonSubTypes.Type(ClientMessage.WellbeingExclude.class),
    // The partner board
    @JsonSubTypes.Type(ClientMessage.BoardPost.class),
    @JsonSubTypes.Type(ClientMessage.BoardBump.class),
    @JsonSubTypes.Type(ClientMessage.BoardRemove.class),
    @JsonSubTypes.Type(ClientMessage.BoardList.class),
})
public sealed interface ClientMessage {
    /** Longest persona summary (the short description). */
    int MAX_SUMMARY = 200;
    /** Longest persona description (the long one). */
    int MAX_DESCRIPTION = 8_000;
    /** Largest picture a persona's avatar is made from; a client scales a photograph down before sending it. */
    int MAX_AVATAR_BYTES = 45_000;
    /** Longest pronouns string. */
    int MAX_PRONOUNS = 40;
    /** Longest channel topic. */
    int MAX_TOPIC = 300;
    /** Longest password the server accepts; long passphrases are welcome. */
    int MAX_PASSWORD = 1_024;
    /** Longest note on an invitation. */
    int MAX_NOTE = 300;
    /** Largest MLS message (decoded) that a scene relays; a commit and its Welcome together stay within a 64 KiB frame. */
    int MAX_MLS_BYTES = 22_000;
    /** Largest call signal (decoded): an SDP offer with its candidates, well within a 64 KiB frame once in base64. */
    int MAX_SIGNAL_BYTES = 40_000;
    /** Largest KeyPackage (decoded). */
    int MAX_KEY_PACKAGE_BYTES = 4_000;
    /** Most KeyPackages in one upload. */
    int MAX_KEY_PACKAGES = 50;
    /** Most topics an invitation may propose, or a boundaries list may answer. */
    int MAX_TOPICS = 100;
    /** Longest free-text notes of a boundaries list. */
    int MAX_BOUNDARY_NOTES = 2_000;
    /** The disappearing timers a scene may have, in seconds: off, 5 minutes, 1 hour, 24 hours, 7 days. */
    List<Long> TIMER_CHOICES = List.of(0L, 300L, 3_600L, 86_400L, 604_800L);

    /** The request id, echoed on the reply; may be null. */
    String id();

    /** The account itself: its sessions, its password, its deletion. */
    sealed interface AccountRequest extends ClientMessage {}

    /** The account's personas: making, changing, deleting and looking them up. */
    sealed interface PersonaRequest extends ClientMessage {}

    /** Channels, and going online as a persona, which rejoins its channels. */
    sealed interface ChannelRequest extends ClientMessage {}

    /** Private scenes: devices, KeyPackages, invitations, MLS messages, the safeword, timers and transcripts. */
    sealed interface SceneRequest extends ClientMessage {}

    /** The boundaries catalogue and each persona's answers to it. */
    sealed interface ConsentRequest extends ClientMessage {}

    /** The account's own blocks and mutes. */
    sealed interface SafetyRequest extends ClientMessage {}

    /** Reports, and moderators' work on them. */
    sealed interface ModerationRequest extends ClientMessage {}

    /** The text world: entering it as a persona, playing it by command lines, and leaving it. */
    sealed interface WorldRequest extends ClientMessage {}

    /** Calls between scene members: the relay servers their browsers connect through. */
    sealed interface MediaRequest extends ClientMessage {}

    /** The account's own limits on its use of Tryst: a daily budget, quiet hours, break reminders, self-exclusion. */
    sealed interface WellbeingRequest extends ClientMessage {}

    /** The partner board: each persona's one ad, and the board as a persona's boundaries filter it. */
    sealed interface BoardRequest extends ClientMessage {}

    /** Each persona's chosen status and status line, who is looking now, and who is typing where. */
    sealed interface StatusRequest extends ClientMessage {}

    /** The periods a person may exclude themselves for. */
    List<String> EXCLUSION_PERIODS = List.of("24h", "7d", "30d", "6mo", "1y", "5y");

    /** Longest command line of the text world: a line of text with room for the command and its target. */
    int MAX_COMMAND = Fields.MAX_TEXT + 200;

    /** Opens the session: the protocol version the client speaks and the single-use socket ticket from HTTP. */
    @JsonTypeName("hello")
    record Hello(String id, Integer version, String ticket) implements ClientMessage {
        public Hello {
            requestId(id);
            present(version, "version");
            nonBlank(ticket, "ticket", 128);
        }
    }

    /** Lists the account's open sessions (devices). */
    @JsonTypeName("sessions.list")
    record SessionsList(String id) implements AccountRequest {
        public SessionsList {
            requestId(id);
        }
    }

    /** Ends one of the account's sessions, closing its sockets. */
    @JsonTypeName("session.revoke")
    record SessionRevoke(String id, String session) implements AccountRequest {
        public SessionRevoke {
            requestId(id);
            ref(session, "session");
        }
    }

    /** Ends every session of the account, this one included. */
    @JsonTypeName("logout.everywhere")
    record LogoutEverywhere(String id) implements AccountRequest {
        public LogoutEverywhere {
            requestId(id);
        }
    }

    /** Changes the password; every other session is ended. */
    @JsonTypeName("password.change")
    record PasswordChange(String id, String current, String next) implements AccountRequest {
        public PasswordChange {
            requestId(id);
            Fields.password(current, "current");
            Fields.password(next, "next");
        }
    }

    /** Longest one-time or recovery code accepted: a recovery code with its dashes and some spaces. */
    int MAX_CODE = 64;

    /** The account's second factor and recovery codes, as they stand. */
    @JsonTypeName("security.show")
    record SecurityShow(String id) implements AccountRequest {
        public SecurityShow {
            requestId(id);
        }
    }

    /**
     * Starts setting up an authenticator app: the password, and a current code when TOTP is on
     * already (the new secret replaces the old once confirmed).
     */
    @JsonTypeName("totp.begin")
    record TotpBegin(String id, String password, String code) implements AccountRequest {
        public TotpBegin {
            requestId(id);
            Fields.password(password, "password");
            optionalText(code, "code", MAX_CODE);
        }
    }

    /** Confirms the secret being set up with a code the app shows for it: TOTP is on from then. */
    @JsonTypeName("totp.confirm")
    record TotpConfirm(String id, String code) implements AccountRequest {
        public TotpConfirm {
            requestId(id);
            text(code, "code", MAX_CODE);
        }
    }

    /** Turns TOTP off, with the password and a current code. */
    @JsonTypeName("totp.off")
    record TotpOff(String id, String password, String code) implements AccountRequest {
        public TotpOff {
            requestId(id);
            Fields.password(password, "password");
            text(code, "code", MAX_CODE);
        }
    }

    /** Ten new recovery codes in place of the old, with the password and, when TOTP is on, a current code. */
    @JsonTypeName("recovery.renew")
    record RecoveryRenew(String id, String password, String code) implements AccountRequest {
        public RecoveryRenew {
            requestId(id);
            Fields.password(password, "password");
            optionalText(code, "code", MAX_CODE);
        }
    }

    /** Deletes the account and everything it owns, confirmed with the password. */
    @JsonTypeName("account.delete")
    record AccountDelete(String id, String password) implements AccountRequest {
        public AccountDelete {
            requestId(id);
            Fields.password(password, "password");
        }
    }

    /** Creates a persona of this account. */
    @JsonTypeName("persona.create")
    record PersonaCreate(String id, String name, String summary, String description, String pronouns) implements PersonaRequest {
        public PersonaCreate {
            requestId(id);
            name = personaName(name);
            optionalText(summary, "summary", MAX_SUMMARY);
            optionalText(description, "description", MAX_DESCRIPTION);
            optionalText(pronouns, "pronouns", MAX_PRONOUNS);
        }
    }

    /** Changes a persona's summary, description or pronouns; absent fields keep their value. */
    @JsonTypeName("persona.update")
    record PersonaUpdate(String id, String persona, String summary, String description, String pronouns) implements PersonaRequest {
        public PersonaUpdate {
            requestId(id);
            ref(persona, "persona");
            optionalText(summary, "summary", MAX_SUMMARY);
            optionalText(description, "description", MAX_DESCRIPTION);
            optionalText(pronouns, "pronouns", MAX_PRONOUNS);
        }
    }

    /** Deletes a persona with its memberships and messages. */
    @JsonTypeName("persona.delete")
    record PersonaDelete(String id, String persona) implements PersonaRequest {
        public PersonaDelete {
            requestId(id);
            ref(persona, "persona");
        }
    }

    /**
     * Gives one of the account's personas a picture ({@code image}: base64 of a PNG, JPEG or GIF of
     * at most {@link #MAX_AVATAR_BYTES} bytes), or takes it away ({@code image} null). The server
     * re-encodes it from its pixels alone, so nothing else the file carried is kept.
     */
    @JsonTypeName("persona.avatar")
    record AvatarSet(String id, String persona, String image) implements PersonaRequest {
        public AvatarSet {
            requestId(id);
            ref(persona, "persona");
            if (image != null) base64(image, "image", MAX_AVATAR_BYTES);
        }
    }

    /** Lists this account's personas. */
    @JsonTypeName("persona.list")
    record PersonaList(String id) implements PersonaRequest {
        public PersonaList {
            requestId(id);
        }
    }

    /** Shows any persona's public profile, by display name. */
    @JsonTypeName("persona.show")
    record PersonaShow(String id, String name) implements PersonaRequest {
        public PersonaShow {
            requestId(id);
            nonBlank(name, "name", 64);
        }
    }

    /** Goes online as a persona on this socket: it then receives the traffic of the persona's channels. */
    @JsonTypeName("persona.use")
    record PersonaUse(String id, String persona) implements ChannelRequest {
        public PersonaUse {
            requestId(id);
            ref(persona, "persona");
        }
    }

    /** Sets a persona in use on this socket to online or away. */
    @JsonTypeName("presence.set")
    record PresenceSet(String id, String persona, Presence status) implements ChannelRequest {
        public PresenceSet {
            requestId(id);
            ref(persona, "persona");
            present(status, "status");
            if (status != Presence.ONLINE && status != Presence.AWAY) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "a socket is online or away; choose a status with status.set");
            }
            if (status == Presence.OFFLINE) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "status must be online or away");
            }
        }
    }

    /**
     * Lists the open channels. {@code watch} true: this socket also hears {@code channel.listed} and
     * {@code channel.unlisted} as channels open, change and close, until it asks with false or closes.
     */
    @JsonTypeName("channel.list")
    record ChannelList(String id, Boolean watch) implements ChannelRequest {
        public ChannelList {
            requestId(id);
        }

        /** A list without changing whether the socket watches. */
        public ChannelList(String id) {
            this(id, null);
        }
    }

    /** Creates a public channel owned by the persona, which joins it. */
    @JsonTypeName("channel.create")
    record ChannelCreate(String id, String persona, String channel, String topic) implements ChannelRequest {
        public ChannelCreate {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
            optionalText(topic, "topic", MAX_TOPIC);
        }
    }

    /** Joins a channel as a persona; the reply carries members, topic and recent history. */
    @JsonTypeName("channel.join")
    record ChannelJoin(String id, String persona, String channel) implements ChannelRequest {
        public ChannelJoin {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
        }
    }

    /** Leaves a channel. */
    @JsonTypeName("channel.leave")
    record ChannelLeave(String id, String persona, String channel) implements ChannelRequest {
        public ChannelLeave {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
        }
    }

    /**
     * Says something in a channel. {@code message}, when given, is the client's id for the line, unique per
     * persona, so a resend is stored once and answered as the first was.
     */
    @JsonTypeName("say")
    record Say(String id, String persona, String channel, String text, String message) implements ChannelRequest {
        public Say {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
            nonBlank(text, "text", Fields.MAX_TEXT);
            if (message != null) ref(message, "message");
        }

        /** A line without a client id: a resend of it is a second line. */
        public Say(String id, String persona, String channel, String text) {
            this(id, persona, channel, text, null);
        }
    }

    /**
     * Poses (emotes, {@code /me}) in a channel: the text describes what the persona does. {@code message}, when given, is the client's id for the line, unique per
     * persona, so a resend is stored once and answered as the first was.
     */
    @JsonTypeName("pose")
    record Pose(String id, String persona, String channel, String text, String message) implements ChannelRequest {
        public Pose {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
            nonBlank(text, "text", Fields.MAX_TEXT);
            if (message != null) ref(message, "message");
        }

        /** A line without a client id: a resend of it is a second line. */
        public Pose(String id, String persona, String channel, String text) {
            this(id, persona, channel, text, null);
        }
    }

    /**
     * Rolls dice in a channel: the server rolls them and posts the result as the persona's line of
     * kind {@code roll}, so that nobody can choose their own numbers. {@code message} as for {@link Say}.
     */
    @JsonTypeName("roll")
    record Roll(String id, String persona, String channel, String dice, String message) implements ChannelRequest {
        public Roll {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
            Dice.parse(dice);
            if (message != null) ref(message, "message");
        }
    }

    /** Sets a channel's topic; any member may. */
    @JsonTypeName("channel.topic")
    record TopicSet(String id, String persona, String channel, String topic) implements ChannelRequest {
        public TopicSet {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
            text(topic, "topic", MAX_TOPIC);
        }
    }

    /** Lists a channel's members with their presence. */
    @JsonTypeName("channel.members")
    record MembersList(String id, String channel) implements ChannelRequest {
        public MembersList {
            requestId(id);
            channelName(channel);
        }
    }

    /** Fetches older history of a channel the persona is a member of: messages before {@code before}, newest last. */
    @JsonTypeName("channel.history")
    record HistoryFetch(String id, String persona, String channel, String before, Integer limit) implements ChannelRequest {
        public HistoryFetch {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
            if (before != null) ref(before, "before");
            if (limit != null && (limit < 1 || limit > 200)) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "limit must be 1 to 200");
            }
        }
    }

    /** The channel's owner removes a member. */
    @JsonTypeName("channel.kick")
    record Kick(String id, String persona, String channel, String target, String reason) implements ChannelRequest {
        public Kick {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
            ref(target, "target");
            optionalText(reason, "reason", MAX_TOPIC);
        }
    }

    /**
     * Marks a channel read by the persona up to one of its lines, {@code message}: the newest line shown
     * to the person. Private to the persona's own devices, which hear it as {@code channel.read_up_to}.
     */
    @JsonTypeName("channel.read")
    record ChannelRead(String id, String persona, String channel, String message) implements ChannelRequest {
        public ChannelRead {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
            ref(message, "message");
        }
    }

    /** Registers this installation as a device of the account, with its MLS signature public key (Ed25519, raw 32 bytes). */
    @JsonTypeName("device.register")
    record DeviceRegister(String id, String signatureKey) implements SceneRequest {
        public DeviceRegister {
            requestId(id);
            base64(signatureKey, "signatureKey", 32);
        }
    }

    /** Binds this socket to one of the account's devices: its scene queue is delivered here, oldest first. */
    @JsonTypeName("device.attach")
    record DeviceAttach(String id, String device) implements SceneRequest {
        public DeviceAttach {
            requestId(id);
            ref(device, "device");
        }
    }

    /** Stores fresh MLS KeyPackages of the attached device for a persona; each is handed out once, the last-resort one again and again. */
    @JsonTypeName("keypackages.upload")
    record KeyPackagesUpload(String id, String persona, List<String> keyPackages, String lastResort) implements SceneRequest {
        public KeyPackagesUpload {
            requestId(id);
            ref(persona, "persona");
            present(keyPackages, "keyPackages");
            if (keyPackages.size() > MAX_KEY_PACKAGES) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "at most " + MAX_KEY_PACKAGES + " keyPackages at once");
            keyPackages.forEach(kp -> base64(kp, "keyPackages", MAX_KEY_PACKAGE_BYTES));
            if (lastResort != null) base64(lastResort, "lastResort", MAX_KEY_PACKAGE_BYTES);
        }
    }

    /** Takes one KeyPackage of each device of a persona who accepted an invitation into the scene, to add them. */
    @JsonTypeName("keypackages.claim")
    record KeyPackagesClaim(String id, String scene, String persona) implements SceneRequest {
        public KeyPackagesClaim {
            requestId(id);
            ref(scene, "scene");
            ref(persona, "persona");
        }
    }

    /**
     * Creates a private scene with the persona as its first member; the attached device then creates
     * the MLS group. With {@code room} (a world room id, the one the persona is in) the scene is set
     * there: the server copies the room's name and description as its setting.
     */
    @JsonTypeName("scene.create")
    record SceneCreate(String id, String persona, @JsonInclude(JsonInclude.Include.NON_NULL) String room) implements SceneRequest {
        public SceneCreate {
            requestId(id);
            ref(persona, "persona");
            if (room != null) ref(room, "room");
        }

        /** A scene set nowhere in particular. */
        public SceneCreate(String id, String persona) {
            this(id, persona, null);
        }
    }

    /** Lists the scenes the account's personas are members of. */
    @JsonTypeName("scene.list")
    record SceneList(String id) implements SceneRequest {
        public SceneList {
            requestId(id);
        }
    }

    /**
     * A member invites another persona into a scene, with a short note the invitee sees, proposing
     * catalogue {@code topics} and a {@code safeword} word (absent: the server's default, or the
     * scene's agreement once it has one).
     */
    @JsonTypeName("scene.invite")
    record SceneInvite(String id, String scene, String persona, String invitee, String note, List<String> topics, String safeword)
            implements SceneRequest {
        public SceneInvite {
            requestId(id);
            ref(scene, "scene");
            ref(persona, "persona");
            ref(invitee, "invitee");
            optionalText(note, "note", MAX_NOTE);
            if (topics != null) topics = topicList(topics);
            if (safeword != null) Fields.safeword(safeword);
        }

        /** An invitation that proposes what the server or the scene's agreement has. */
        public SceneInvite(String id, String scene, String persona, String invitee, String note) {
            this(id, scene, persona, invitee, note, null, null);
        }
    }

    /** Lists the invitations waiting for the account's personas, and those they sent that are still open. */
    @JsonTypeName("invitation.list")
    record InvitationList(String id) implements SceneRequest {
        public InvitationList {
            requestId(id);
        }
    }

    /**
     * The invitee says yes to exactly the proposed {@code topics} and {@code safeword}, repeated here
     * so that nobody agrees to what they did not see: only now may members add the persona to the scene.
     */
    @JsonTypeName("invitation.accept")
    record InvitationAccept(String id, String invitation, List<String> topics, String safeword) implements SceneRequest {
        public InvitationAccept {
            requestId(id);
            ref(invitation, "invitation");
            topics = topicList(present(topics, "topics"));
            Fields.safeword(safeword);
        }

        /** Accepts an invitation as it was shown. */
        public static InvitationAccept of(String id, Views.Invitation invitation) {
            return new InvitationAccept(id, invitation.id(), invitation.topics(), invitation.safeword());
        }
    }

    /** The invitee says no; the inviter is not told, and sees the invitation expire as if unanswered. */
    @JsonTypeName("invitation.decline")
    record InvitationDecline(String id, String invitation) implements SceneRequest {
        public InvitationDecline {
            requestId(id);
            ref(invitation, "invitation");
        }
    }

    /**
     * Sends one MLS message (base64 of an MLSMessage: a PrivateMessage for application data, a
     * PublicMessage for commits and proposals) to every member device of a scene; a commit that adds
     * members carries its Welcome. {@code message} is the client's id for it, unique per device, so a
     * resend is stored once.
     */
    @JsonTypeName("scene.send")
    record SceneSend(String id, String scene, String message, String data, String welcome) implements SceneRequest {
        public SceneSend {
            requestId(id);
            ref(scene, "scene");
            ref(message, "message");
            base64(data, "data", MAX_MLS_BYTES);
            if (welcome != null) base64(welcome, "welcome", MAX_MLS_BYTES);
        }
    }

    /** The attached device has processed these scene messages: the server may forget them. */
    @JsonTypeName("scene.ack")
    record SceneAck(String id, List<String> messages) implements SceneRequest {
        public SceneAck {
            requestId(id);
            present(messages, "messages");
            if (messages.isEmpty() || messages.size() > 500) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "messages must hold 1 to 500 ids");
            messages.forEach(message -> ref(message, "messages"));
        }
    }

    /**
     * A call signal (an offer, an answer, a candidate, a yes or a no) as an MLS application message of
     * the scene, for the member devices online now: checked like any scene message, never stored.
     */
    @JsonTypeName("scene.signal")
    record SceneSignal(String id, String scene, String data) implements SceneRequest {
        public SceneSignal {
            requestId(id);
            ref(scene, "scene");
            base64(data, "data", MAX_SIGNAL_BYTES);
        }
    }

    /** The persona leaves a scene at once; the server proposes its removal and the next commit must carry it. */
    @JsonTypeName("scene.leave")
    record SceneLeave(String id, String scene, String persona) implements SceneRequest {
        public SceneLeave {
            requestId(id);
            ref(scene, "scene");
            ref(persona, "persona");
        }
    }

    /**
     * A member's choice of disappearing timer, in seconds (0 is off). A shorter timer applies at
     * once; a longer one, or off, only when every member has chosen it.
     */
    @JsonTypeName("scene.timer")
    record SceneTimer(String id, String scene, String persona, Long seconds) implements SceneRequest {
        public SceneTimer {
            requestId(id);
            ref(scene, "scene");
            ref(persona, "persona");
            present(seconds, "seconds");
            if (!TIMER_CHOICES.contains(seconds)) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "seconds must be one of " + TIMER_CHOICES);
        }
    }

    /**
     * Ends a scene at once for every member, and keeps its other members from inviting this persona
     * again for {@code coolingOffHours} (default 24, at most 30 days). The server enforces both.
     */
    @JsonTypeName("scene.safeword")
    record Safeword(String id, String scene, String persona, Integer coolingOffHours) implements SceneRequest {
        public Safeword {
            requestId(id);
            ref(scene, "scene");
            ref(persona, "persona");
            if (coolingOffHours != null && (coolingOffHours < 0 || coolingOffHours > 720)) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "coolingOffHours must be 0 to 720");
            }
        }
    }

    /** Asks for the server's boundaries catalogue and its default safeword word. */
    @JsonTypeName("catalogue.show")
    record CatalogueShow(String id) implements ConsentRequest {
        public CatalogueShow {
            requestId(id);
        }
    }

    /** Shows a persona's published boundaries; anyone may. */
    @JsonTypeName("boundaries.show")
    record BoundariesShow(String id, String persona) implements ConsentRequest {
        public BoundariesShow {
            requestId(id);
            ref(persona, "persona");
        }
    }

    /** Replaces the whole boundaries list of one of the account's personas: an answer per topic, and notes. */
    @JsonTypeName("boundaries.set")
    record BoundariesSet(String id, String persona, Map<String, Answer> answers, String notes) implements ConsentRequest {
        public BoundariesSet {
            requestId(id);
            ref(persona, "persona");
            present(answers, "answers");
            if (answers.size() > MAX_TOPICS) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "at most " + MAX_TOPICS + " answers");
            answers.forEach((topic, answer) -> {
                topicId(topic, "answers");
                present(answer, "answers." + topic);
            });
            answers = Map.copyOf(answers);
            notes = notes == null ? "" : text(notes, "notes", MAX_BOUNDARY_NOTES);
        }
    }

    /** A list of topic ids: valid, at most {@link #MAX_TOPICS}, without repeats. */
    private static List<String> topicList(List<String> topics) {
        if (topics.size() > MAX_TOPICS) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "at most " + MAX_TOPICS + " topics");
        topics.forEach(topic -> topicId(topic, "topics"));
        if (new HashSet<>(topics).size() != topics.size()) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "topics repeat");
        return List.copyOf(topics);
    }
    /** What a member may say about keeping a scene's transcript. */
    List<String> TRANSCRIPT_CHOICES = List.of("ask", "agree", "refuse", "withdraw");

    /**
     * A member asks to keep the scene's transcript ({@code ask}), agrees or refuses to a request
     * ({@code agree}, {@code refuse}), or takes back an answer ({@code withdraw}). Export is allowed
     * only while every current member agrees.
     */
    @JsonTypeName("transcript.consent")
    record TranscriptConsent(String id, String scene, String persona, String choice) implements SceneRequest {
        public TranscriptConsent {
            requestId(id);
            ref(scene, "scene");
            ref(persona, "persona");
            present(choice, "choice");
            if (!TRANSCRIPT_CHOICES.contains(choice)) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "choice must be one of " + TRANSCRIPT_CHOICES);
        }
    }

    /** Asks for a fresh mark to export the scene's transcript with; refused unless every member agrees. */
    @JsonTypeName("transcript.export")
    record TranscriptExport(String id, String scene, String persona) implements SceneRequest {
        public TranscriptExport {
            requestId(id);
            ref(scene, "scene");
            ref(persona, "persona");
        }
    }

    // ---- Reports and moderation ----

    /** Longest note on a report or reason on a moderator's action. */
    int MAX_REPORT_NOTE = 1_000;
    /** Largest scene message body (decoded) a report may carry. */
    int MAX_REPORTED_BODY = 20_000;
    /** Why a message is reported. */
    List<String> REPORT_REASONS = List.of("harassment", "threat", "non_consensual", "minor", "spam", "other");
    /** What a moderator may do; {@code close}/{@code reopen} name a channel, the rest a persona (or its account). */
    List<String> MODERATION_ACTIONS = List.of("warn", "mute", "unmute", "suspend", "unsuspend", "ban", "unban", "close", "reopen", "dismiss",
            "remove-avatar", "remove-ad");

    /**
     * Reports a scene message with what its franking needs: the decrypted {@code body} (base64 of the
     * exact bytes after the franking key), the franking key, the commitment from the authenticated
     * data, and the server's tag, key id, time and epoch as delivered, with the sender persona the
     * server named. The server recomputes commitment and tag; {@code scene} is the MLS group id.
     */
    @JsonTypeName("report.scene")
    record ReportScene(String id, String persona, String scene, String message, String sender, Long epoch, Long at, Integer kid,
                       String tag, String commitment, String frankingKey, String body, String reason, String note) implements ModerationRequest {
        public ReportScene {
            requestId(id);
            ref(persona, "persona");
            ref(scene, "scene");
            if (message != null) ref(message, "message");
            ref(sender, "sender");
            present(epoch, "epoch");
            present(at, "at");
            present(kid, "kid");
            base64(tag, "tag", 32);
            base64(commitment, "commitment", 32);
            base64(frankingKey, "frankingKey", 32);
            base64(body, "body", MAX_REPORTED_BODY);
            reportReason(reason, note);
        }
    }

    /** Reports a channel message by its id; the server attaches its own stored copy. */
    @JsonTypeName("report.channel")
    record ReportChannel(String id, String persona, String channel, String message, String reason, String note) implements ModerationRequest {
        public ReportChannel {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
            ref(message, "message");
            reportReason(reason, note);
        }
    }

    /** Lists the reports this account filed, with their verification and status. */
    /**
     * Reports a line of the text world: one said in the room the persona is in, or whispered or paged
     * to it. Filed with the server's own kept copy, like a channel message.
     */
    @JsonTypeName("report.world")
    record ReportWorld(String id, String persona, String line, String reason, String note) implements ModerationRequest {
        public ReportWorld {
            requestId(id);
            ref(persona, "persona");
            ref(line, "line");
            reportReason(reason, note);
        }
    }

    /** Reports a persona's ad on the partner board by its id; the server files its own copy of the ad. */
    @JsonTypeName("report.ad")
    record ReportAd(String id, String persona, String ad, String reason, String note) implements ModerationRequest {
        public ReportAd {
            requestId(id);
            ref(persona, "persona");
            ref(ad, "ad");
            reportReason(reason, note);
        }
    }

    @JsonTypeName("report.list")
    record ReportList(String id) implements ModerationRequest {
        public ReportList {
            requestId(id);
        }
    }

    /** Moderators and operators: the report queue, open reports first ({@code all} includes resolved ones). */
    @JsonTypeName("mod.reports")
    record ModReports(String id, Boolean all) implements ModerationRequest {
        public ModReports {
            requestId(id);
        }
    }

    /**
     * Blocks a persona ({@code scope} {@code persona}, the default) or the whole account behind it
     * ({@code account}, present and future personas, without ever naming the account), for all of
     * this account's personas. The blocked side is never told.
     */
    @JsonTypeName("block")
    record Block(String id, String target, BlockScope scope) implements SafetyRequest {
        public Block {
            requestId(id);
            ref(target, "target");
        }
    }

    /** Lifts a block of the persona, or of the account behind it. */
    @JsonTypeName("unblock")
    record Unblock(String id, String target) implements SafetyRequest {
        public Unblock {
            requestId(id);
            ref(target, "target");
        }
    }

    /** Mutes a persona for every persona of this account: its channel lines and invitations are not shown. Nobody is told. */
    @JsonTypeName("mute")
    record Mute(String id, String target) implements SafetyRequest {
        public Mute {
            requestId(id);
            ref(target, "target");
        }
    }

    /** Lifts a mute. */
    @JsonTypeName("unmute")
    record Unmute(String id, String target) implements SafetyRequest {
        public Unmute {
            requestId(id);
            ref(target, "target");
        }
    }

    /** Lists this account's blocks and mutes. */
    @JsonTypeName("blocks.list")
    record BlocksList(String id) implements SafetyRequest {
        public BlocksList {
            requestId(id);
        }
    }

    /**
     * A moderator's action: {@code warn}, {@code mute}/{@code suspend} for {@code hours} (the account
     * behind the persona {@code target}), {@code ban} (the account, or with {@code scope} {@code persona}
     * the persona alone), their lifting, {@code close}/{@code reopen} a channel (also its owner, naming
     * its owning {@code persona}), or {@code dismiss} a report. {@code report} marks a report as handled.
     */
    @JsonTypeName("mod.act")
    record ModAct(String id, String action, String target, String scope, Integer hours, String reason, String report,
                  String persona) implements ModerationRequest {
        public ModAct {
            requestId(id);
            present(action, "action");
            if (!MODERATION_ACTIONS.contains(action)) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "action must be one of " + MODERATION_ACTIONS);
            if (action.equals("close") || action.equals("reopen")) channelName(target);
            else if (!action.equals("dismiss")) ref(target, "target");
            if (scope != null && !scope.equals("account") && !scope.equals("persona")) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "scope must be account or persona");
            }
            if (hours != null && (hours < 1 || hours > 24 * 365)) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "hours must be 1 to 8760");
            if ((action.equals("mute") || action.equals("suspend")) && hours == null) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE, action + " needs hours");
            }
            optionalText(reason, "reason", MAX_REPORT_NOTE);
            if (report != null) ref(report, "report");
            if (action.equals("dismiss")) present(report, "report");
            if (persona != null) ref(persona, "persona");
        }
    }

    /** Moderators and operators: the newest entries of the audit log, and whether its hash chain is intact. */
    @JsonTypeName("mod.audit")
    record ModAudit(String id, Integer limit) implements ModerationRequest {
        public ModAudit {
            requestId(id);
            if (limit != null && (limit < 1 || limit > 500)) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "limit must be 1 to 500");
        }
    }

    /**
     * Enters the text world as a persona this socket is online as (send {@code persona.use} first):
     * answered with {@code world.room}; from then on every socket online as the persona follows the
     * room it is in, and the others there see it arrive.
     */
    @JsonTypeName("world.enter")
    record WorldEnter(String id, String persona) implements WorldRequest {
        public WorldEnter {
            requestId(id);
            ref(persona, "persona");
        }
    }

    /**
     * One command line of the text world, as a player types it ({@code look}, {@code north},
     * {@code "Hello}, {@code :waves}, {@code @dig Attic}); the server parses it, the same way for every
     * transport. See {@code help} for the commands; the reply depends on the command.
     */
    @JsonTypeName("world.command")
    record WorldCommand(String id, String persona, String line) implements WorldRequest {
        public WorldCommand {
            requestId(id);
            ref(persona, "persona");
            nonBlank(line, "line", MAX_COMMAND);
        }
    }

    /** Leaves the text world: the persona stays where it is, shown to nobody, until it enters again. */
    @JsonTypeName("world.leave")
    record WorldLeave(String id, String persona) implements WorldRequest {
        public WorldLeave {
            requestId(id);
            ref(persona, "persona");
        }
    }

    private static void reportReason(String reason, String note) {
        present(reason, "reason");
        if (!REPORT_REASONS.contains(reason)) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "reason must be one of " + REPORT_REASONS);
        optionalText(note, "note", MAX_REPORT_NOTE);
    }

    /** Short-lived TURN credentials for a call in a scene of which one of the account's personas is a member. */
    @JsonTypeName("media.turn")
    record MediaTurn(String id, String scene) implements MediaRequest {
        public MediaTurn {
            requestId(id);
            ref(scene, "scene");
        }
    }

    /** Asks for the account's limits, any loosening still waiting, any self-exclusion, and its use of the last 30 days. */
    @JsonTypeName("wellbeing.show")
    record WellbeingShow(String id) implements WellbeingRequest {
        public WellbeingShow {
            requestId(id);
        }
    }

    /**
     * Replaces the account's limits: a daily budget in minutes (null: none), quiet hours from and until
     * a time of day ("HH:MM", both or neither), the time zone they are counted in, and break reminders
     * every so many minutes (null: none). Tightening applies at once, loosening after 24 hours.
     */
    @JsonTypeName("wellbeing.set")
    record WellbeingSet(String id, Integer dailyMinutes, String quietFrom, String quietUntil, String timeZone, Integer breakMinutes)
            implements WellbeingRequest {
        public WellbeingSet {
            requestId(id);
            if (dailyMinutes != null && (dailyMinutes < 15 || dailyMinutes > 1_440)) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "dailyMinutes must be 15 to 1440, or null for no budget");
            }
            if ((quietFrom == null) != (quietUntil == null)) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "quietFrom and quietUntil come together, or neither");
            }
            if (quietFrom != null) {
                Fields.timeOfDay(quietFrom, "quietFrom");
                Fields.timeOfDay(quietUntil, "quietUntil");
                if (quietFrom.equals(quietUntil)) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "quiet hours must not start when they end");
            }
            Fields.timeZone(timeZone, "timeZone");
            if (breakMinutes != null && (breakMinutes < 10 || breakMinutes > 240)) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "breakMinutes must be 10 to 240, or null for no reminders");
            }
        }
    }

    /**
     * Excludes the account from Tryst for one of {@link #EXCLUSION_PERIODS}, on every transport, at
     * once; nobody can lift it early, and a shorter period than one already running changes nothing.
     */
    @JsonTypeName("wellbeing.exclude")
    record WellbeingExclude(String id, String period) implements WellbeingRequest {
        public WellbeingExclude {
            requestId(id);
            present(period, "period");
            if (!EXCLUSION_PERIODS.contains(period)) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "period must be one of " + EXCLUSION_PERIODS);
        }
    }

    // ---- The partner board ----

    /** Longest title of an ad. */
    int MAX_AD_TITLE = 80;
    /** Longest text of an ad. */
    int MAX_AD_TEXT = 2_000;
    /** The content ratings an ad may carry, as rooms and channels have them; {@code adult} needs the adult opt-in. */
    List<String> RATINGS = List.of("general", "mature", "adult");

    /**
     * Posts the persona's one ad, or edits it in place: a title, text, the catalogue topics it asks
     * for and its rating. Editing keeps the ad's place and expiry; only {@code board.bump} moves them.
     */
    @JsonTypeName("board.post")
    record BoardPost(String id, String persona, String title, String text, List<String> topics, String rating) implements BoardRequest {
        public BoardPost {
            requestId(id);
            ref(persona, "persona");
            nonBlank(title, "title", MAX_AD_TITLE);
            if (title.lines().count() > 1) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "title must be one line");
            text = text == null ? "" : Fields.text(text, "text", MAX_AD_TEXT);
            topics = topicList(present(topics, "topics"));
            present(rating, "rating");
            if (!RATINGS.contains(rating)) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "rating must be one of " + RATINGS);
        }
    }

    /** Moves the persona's ad to the top of the board and renews its lifetime, at most once per bump interval. */
    @JsonTypeName("board.bump")
    record BoardBump(String id, String persona) implements BoardRequest {
        public BoardBump {
            requestId(id);
            ref(persona, "persona");
        }
    }

    /** Takes the persona's ad off the board. */
    @JsonTypeName("board.remove")
    record BoardRemove(String id, String persona) implements BoardRequest {
        public BoardRemove {
            requestId(id);
            ref(persona, "persona");
        }
    }

    /** The board as one of the account's personas sees it: filtered by its boundaries, blocks, mutes and the adult opt-in. */
    @JsonTypeName("board.list")
    record BoardList(String id, String persona) implements BoardRequest {
        public BoardList {
            requestId(id);
            ref(persona, "persona");
        }
    }

    /** Longest status line. */
    int MAX_STATUS_LINE = 120;

    /** Chooses a persona's status (anything but {@code offline}) and its status line (null or empty: none). */
    @JsonTypeName("status.set")
    record StatusSet(String id, String persona, Presence status, String statusLine) implements StatusRequest {
        public StatusSet {
            requestId(id);
            ref(persona, "persona");
            present(status, "status");
            if (status == Presence.OFFLINE) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "status offline cannot be chosen");
            statusLine = statusLine == null ? "" : Fields.text(statusLine, "statusLine", MAX_STATUS_LINE);
            if (statusLine.codePoints().anyMatch(Character::isISOControl)) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "statusLine must be one line without control characters");
            }
        }
    }

    /** The personas looking for a partner now, as the account may see them. */
    @JsonTypeName("looking.list")
    record LookingList(String id) implements StatusRequest {
        public LookingList {
            requestId(id);
        }
    }

    /** A persona started ({@code true}) or stopped typing in a channel or in the world room it is in: exactly one of the two. */
    @JsonTypeName("typing")
    record TypingNow(String id, String persona, String channel, String room, Boolean typing) implements StatusRequest {
        public TypingNow {
            requestId(id);
            ref(persona, "persona");
            present(typing, "typing");
            if ((channel == null) == (room == null)) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "name either a channel or a room");
            if (channel != null) Fields.channelName(channel);
            if (room != null) ref(room, "room");
        }
    }

    /** Turns sharing typing on or off for every device of the account, both ways. */
    @JsonTypeName("typing.share")
    record TypingShare(String id, Boolean share) implements StatusRequest {
        public TypingShare {
            requestId(id);
            present(share, "share");
        }
    }
}
