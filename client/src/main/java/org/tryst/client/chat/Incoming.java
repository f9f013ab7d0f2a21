package org.tryst.client.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tryst.client.SceneEvent;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * Shows what arrives while the person types: scene events, moderators' notices, the person's own
 * limits coming and break reminders, and the new messages of the channel they are in.
 */
public final class Incoming {
    private final Backend backend;
    private final Screen screen;
    private final Session session;
    private final Clock clock;
    private final ReadMarks readMarks;
    private final Typing typing;
    private final Statuses statuses;

    Incoming(Backend backend, Screen screen, Session session, Clock clock, Typing typing, Statuses statuses) {
        this.typing = typing;
        this.statuses = statuses;
        this.backend = backend;
        this.readMarks = new ReadMarks(backend);
        this.screen = screen;
        this.session = session;
        this.clock = clock;
    }

    /** Shows one scene event, marked with its scene when the person is elsewhere. */
    public void show(SceneEvent event) {
        synchronized (session) {
            try {
                switch (event) {
                    case SceneEvent.Said said -> said(said);
                    case SceneEvent.Dropped dropped -> inScene(dropped.scene(), Format.dropped(dropped.why()));
                    case SceneEvent.Trouble trouble -> inScene(trouble.scene(), "! " + trouble.what());
                    case SceneEvent.Joined joined -> joined(joined.scene());
                    case SceneEvent.Removed removed -> removed(removed.scene());
                    case SceneEvent.Ended ended -> ended(ended.scene());
                    case SceneEvent.Invited invited -> invited(invited.invitation());
                    case SceneEvent.Changed changed -> changed(changed.scene(), changed.reason());
                    case SceneEvent.Signalled signalled when typing.heard(signalled) -> {}
                    case SceneEvent.Signalled signalled -> session.calls.heard(signalled, persona -> session.memberName(signalled.scene(), persona))
                            .ifPresent(line -> inScene(signalled.scene(), line));
                    case SceneEvent.NewEpoch _ -> {} // who joined or left arrives as Changed; an epoch alone means nothing to a person
                }
            } catch (RuntimeException failure) {
                screen.show(Errors.explain(failure));
            }
        }
    }

    /** Shows what happens in the channel the person is in; the traffic of their other channels waits until they go there. */
    public void show(ServerMessage event) {
        synchronized (session) {
            switch (event) {
                case ServerMessage.ChannelMessage(Views.Message message) -> channelMessage(message);
                case ServerMessage.MemberJoined(String channel, Views.Member member) -> {
                    statuses.joined(channel, member);
                    inChannel(channel, member.name() + " came in.");
                }
                case ServerMessage.MemberLeft(String channel, String persona, String reason) -> inChannel(channel, switch (reason) {
                    case "kicked" -> "The owner removed a member.";
                    case "deleted" -> "A member's persona was deleted.";
                    default -> "A member left.";
                });
                case ServerMessage.TopicChanged(String channel, String topic, Views.Author by) -> inChannel(channel, (by == null ? "The topic is now: " : by.name() + " set the topic: ") + topic);
                case ServerMessage.Kicked(String channel, String persona, Views.Author by, String reason) -> kicked(channel, by, reason);
                case ServerMessage.PresenceChanged changed -> presence(changed);
                case ServerMessage.Typing(String channel, String room, String persona, boolean typing) when channel != null -> {
                    if (typing) statuses.known(channel, persona);
                    this.typing.heard(new Place.Channel(channel), persona, typing);
                }
                // This terminal enters no world room: what happens in one reaches it only from the account's other devices.
                case ServerMessage.Typing _ -> {}
                case ServerMessage.WorldPresence _ -> {}
                case ServerMessage.Notice notice -> notice(notice);
                case ServerMessage.WellbeingWarning(String reason, long endsAt) -> screen.show(Limits.warning(reason, Instant.ofEpochMilli(endsAt), clock.getZone()));
                case ServerMessage.WellbeingBreak(int minutes) -> screen.show(Limits.breakReminder(minutes));
                // The error that comes before the server ends the session for a limit: the close says until when.
                case ServerMessage.Error error when error.id() == null && Limits.keepsOut(error.code()) && error.retryAfterMs() != null ->
                        session.keptOut = Limits.keptOut(error.code(), clock.instant().plusMillis(error.retryAfterMs()), clock);
                // Answered on another device, or no longer standing: it leaves the numbered list (one answered here left it already).
                case ServerMessage.InvitationGone(String invitation, ServerMessage.InvitationGone.Why why) ->
                        session.forgetInvitation(invitation).ifPresent(gone -> screen.show(Format.gone(gone, why)));
                default -> {} // replies and scene traffic are handled where they are asked for
            }
        }
    }

    /** Says that the server closed the connection, and what is left to do. */
    public void closed(int code) {
        synchronized (session) {
            if (session.keptOut != null) {
                screen.show(session.keptOut + " /quit leaves the chat.");
                return;
            }
            screen.show(session.barred ? "The server closed the connection: this account cannot connect for now. /quit leaves the chat."
                    : "The server closed the connection (" + code + "); /quit, then start the chat again.");
        }
    }

    /** Goes to a scene, speaking as this account's persona in it. */
    void goTo(Views.Scene scene) {
        Views.Persona persona = session.mineIn(scene)
                .orElseThrow(() -> new Shell.Refused("None of your personas is in that scene any more."));
        session.persona = persona;
        session.place = new Place.Scene(scene.id());
        screen.show("You are in the " + Format.sceneName(scene, session.mineIds()) + " as " + persona.name() + ": "
                + Format.timer(scene.timerSeconds()) + ". What you say here is end-to-end encrypted.");
        if (scene.setting() != null) screen.show(Format.setting(scene.setting()));
        String agreement = ConsentFormat.agreement(scene.agreement(), catalogue());
        if (agreement != null) screen.show(agreement);
    }

    private void said(SceneEvent.Said said) {
        typing.spoke(new Place.Scene(said.scene()), said.from().id());
        String line = Format.message(said, clock.getZone());
        if (!session.mineIds().contains(said.from().id())) session.heard(new Session.Heard(said.scene(), null, said.messageId(), line));
        inScene(said.scene(), line);
    }

    private void channelMessage(Views.Message message) {
        typing.spoke(new Place.Channel(message.channel()), message.persona().id());
        String line = Format.message(message, clock.getZone());
        boolean here = session.place instanceof Place.Channel(String channel) && channel.equals(message.channel());
        if (here && !session.mineIds().contains(message.persona().id())) session.heard(new Session.Heard(null, message.channel(), message.id(), line));
        inChannel(message.channel(), line);
        // A line shown where the person is has been read, as one on screen in the browser is.
        if (here && session.persona != null) readMarks.shown(session.persona.id(), message.channel(), message.id());
    }

    private void presence(ServerMessage.PresenceChanged changed) {
        try {
            statuses.changed(changed);
        } catch (RuntimeException unreachable) {
            // A member list that could not be loaded now is loaded again by /who or the next entry.
        }
    }

    private void notice(ServerMessage.Notice notice) {
        if (notice.kind().equals("suspended") || notice.kind().equals("banned")) session.barred = true;
        screen.show(Format.notice(notice, clock.getZone()));
    }

    private void inChannel(String channel, String line) {
        if (session.place instanceof Place.Channel(String here) && here.equals(channel)) screen.show(line);
    }

    private void kicked(String channel, Views.Author by, String reason) {
        if (session.place instanceof Place.Channel(String here) && here.equals(channel)) session.place = new Place.Nowhere();
        screen.show(by.name() + " removed you from " + Format.channel(channel) + (reason == null || reason.isBlank() ? "." : ": " + reason));
    }

    private void inScene(String sceneId, String line) {
        screen.show(session.isHere(sceneId) ? line : Format.from(session.sceneName(sceneId), line));
    }

    private void joined(String sceneId) {
        session.scenes = backend.scenes();
        Views.Scene scene = session.scene(sceneId).orElse(null);
        if (scene == null) return; // left again before this arrived
        if (sceneId.equals(session.awaitedScene)) {
            session.awaitedScene = null;
            goTo(scene);
        } else {
            screen.show("You joined the " + Format.sceneName(scene, session.mineIds()) + ": /scenes, then /scene N to go there.");
        }
    }

    private void ended(String sceneId) {
        if (session.scene(sceneId).isEmpty()) return; // the safeword was used here, and the shell cleared the screen
        String name = session.sceneName(sceneId);
        session.calls.ended(sceneId);
        session.end(sceneId);
        screen.wipe("The " + name + " is over: someone used the safeword. It is gone from this screen and this device.");
        if (session.heardIn(sceneId)) screen.show(Format.REPORT_AFTER_SAFEWORD);
    }

    private void removed(String sceneId) {
        if (session.scene(sceneId).isEmpty()) return; // the person left it here, and was told
        String name = session.sceneName(sceneId);
        session.forget(sceneId);
        screen.show("You are no longer in the " + name + ".");
    }

    private void invited(Views.Invitation invitation) {
        List<Views.Invitation> received = new ArrayList<>(session.received);
        received.add(invitation);
        session.received = List.copyOf(received);
        screen.show(Format.invited(received.size(), invitation));
        ConsentFormat.proposal(invitation, catalogue()).forEach(screen::show);
    }

    private List<Views.Topic> catalogue() {
        if (session.catalogue.isEmpty()) session.catalogue = backend.catalogue().topics();
        return session.catalogue;
    }

    private void changed(Views.Scene scene, String reason) {
        Views.Scene before = session.scene(scene.id()).orElse(null);
        session.update(scene);
        if (before != null && !before.members().equals(scene.members())) session.calls.ended(scene.id()).ifPresent(line -> inScene(scene.id(), line));
        Format.changes(before, scene, reason, session.mineIds()).forEach(line -> inScene(scene.id(), line));
        if (before != null && before.agreement() == null && scene.agreement() != null) {
            inScene(scene.id(), ConsentFormat.agreement(scene.agreement(), catalogue()));
        }
    }
}
