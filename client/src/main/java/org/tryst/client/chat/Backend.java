package org.tryst.client.chat;

import java.util.List;
import java.util.Map;
import org.tryst.protocol.Answer;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * What the chat asks of the server and of this device's scenes. Failures are thrown: a
 * {@link org.tryst.client.RequestFailed} for the server's refusals.
 */
public interface Backend {
    List<Views.Persona> personas();

    /** Creates a persona, ready to be invited into scenes. */
    Views.Persona createPersona(String name);

    /** Goes online as one of this account's personas; answers the channels it is in. */
    List<Views.Joined> use(String personaId);

    /** Anyone's persona, by display name in any case. */
    Views.Persona findPersona(String name);

    List<Views.Channel> channels();

    Views.Joined joinChannel(String personaId, String channel);

    Views.Joined createChannel(String personaId, String channel);

    void leaveChannel(String personaId, String channel);

    /** Marks a channel read by the persona up to a line shown, on all its devices. */
    void markRead(String personaId, String channel, String messageId);

    List<Views.Member> members(String channel);

    /** The newest messages of a channel the persona is in, oldest first. */
    List<Views.Message> channelHistory(String personaId, String channel);

    void sayInChannel(String personaId, String channel, MessageKind kind, String text);

    List<Views.Scene> scenes();

    Views.Scene createScene(String personaId);

    /** Invites a persona proposing topics and a safeword word (empty and null: the server's default, or the scene's agreement). */
    void invite(String sceneId, String personaId, String inviteeId, String note, List<String> topics, String safeword);

    /** The server's boundaries catalogue and default safeword word. */
    ServerMessage.Catalogue catalogue();

    /** Any persona's boundaries. */
    Views.Boundaries boundaries(String personaId);

    /** Replaces the whole boundaries list of one of this account's personas. */
    Views.Boundaries setBoundaries(String personaId, Map<String, Answer> answers, String notes);

    ServerMessage.Invitations invitations();

    /** Accepts an invitation, agreeing to exactly the topics and safeword it shows. */
    void accept(Views.Invitation invitation);

    void decline(String invitationId);

    /** Says or poses in a scene, end to end encrypted. */
    void sayInScene(String sceneId, MessageKind kind, String text);

    void leaveScene(String sceneId, String personaId);

    /** Sends a call message (its JSON) to the scene's devices online now, end to end encrypted. */
    void signal(String sceneId, String json);

    void safeword(String sceneId, String personaId, int coolingOffHours);

    void timer(String sceneId, String personaId, long seconds);

    /** Asks to keep a scene's transcript, or agrees, refuses or withdraws. */
    void transcript(String sceneId, String personaId, String choice);

    /** The scene's transcript as this device holds it, marked as the persona's copy; refused unless every member agrees. */
    String exportTranscript(String sceneId, String personaId);
    /** Blocks a persona, or everyone behind it; answers the account's list. */
    List<Views.Block> block(String personaId, BlockScope scope);

    List<Views.Block> unblock(String personaId);

    List<Views.Block> mute(String personaId);

    List<Views.Block> unmute(String personaId);

    /** The account's blocks and mutes, newest first. */
    List<Views.Block> blocks();

    /** The account's own data, as a zip of JSON files to save. */
    byte[] myData();

    /** The account's own limits and its use of the last 30 days. */
    Views.Wellbeing wellbeing();

    /** Asks for new limits; answers them as they now stand, a loosening waiting its day. */
    Views.Wellbeing setWellbeing(Views.WellbeingLimits limits);

    /** Excludes the account for a period, at once; the server closes the connection after the answer. */
    Views.Wellbeing exclude(String period);

    /** The safety number of this device's persona in the scene and another member. */
    String safetyNumber(String sceneId, String personaId);

    /** Reports a scene message this device received, with its franking; the report as filed. */
    Views.Report reportScene(String messageId, String reason);

    /** Reports a channel message by id: the server files its own copy. */
    Views.Report reportChannel(String personaId, String channel, String messageId, String reason);

    /** The reports this account filed. */
    List<Views.Report> myReports();

    /** Moderators: the open reports. */
    List<Views.Report> reportQueue();

    /** The partner board as one of this account's personas sees it, and its own ad. */
    ServerMessage.Board board(String personaId);

    /** Posts the persona's ad, or edits the one it has up. */
    Views.Ad postAd(String personaId, String title, String text, List<String> topics, String rating);

    /** Moves the persona's ad to the top of the board. */
    Views.Ad bumpAd(String personaId);

    void removeAd(String personaId);

    /** Reports an ad by id: the server files its own copy. */
    Views.Report reportAd(String personaId, String adId, String reason);

    /** Chooses one of this account's personas' status and status line (empty: none); answers the persona as it now stands. */
    Views.Persona setStatus(String personaId, Presence status, String line);

    /** The personas looking for a partner now, the most recent first, as this account may see them. */
    List<Views.Looking> looking();

    /** Says that the persona is typing, or stopped, in a channel; never stored. */
    void typing(String personaId, String channel, boolean typing);

    /** Whether the account shared typing when the chat connected ({@code welcome}). */
    boolean sharesTyping();

    /** Turns sharing typing on or off for every device of the account. */
    void shareTyping(boolean share);

    /** Moderators: one decision (see {@code mod.act}). */
    void moderate(String action, String target, String scope, Integer hours, String reportId);
}
