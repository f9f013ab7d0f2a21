package org.tryst.client.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tryst.protocol.Views;

/**
 * What the chat remembers while it runs: who speaks, where, and the numbered lists the person
 * refers to. Shared by the shell and the incoming events; both hold its lock while they use it.
 */
final class Session {
    /** The persona that speaks; null until the account has one. */
    Views.Persona persona;
    Place place = new Place.Nowhere();
    List<Views.Persona> mine = List.of();
    /** The scenes as last listed: {@code /scene N} counts from one in this list. */
    List<Views.Scene> scenes = List.of();
    /** Received invitations as last listed, plus those that arrived since: {@code /accept N} counts in this list. */
    List<Views.Invitation> received = List.of();
    /** Takes an invitation out of the received list (answered here or elsewhere, or gone); the invitation, if it was there. */
    Optional<Views.Invitation> forgetInvitation(String id) {
        Optional<Views.Invitation> found = received.stream().filter(invitation -> invitation.id().equals(id)).findFirst();
        found.ifPresent(gone -> received = received.stream().filter(invitation -> invitation != gone).toList());
        return found;
    }

    /** The id of the newest channel message shown; ids sort by time. */
    /** The server's boundaries catalogue, loaded when first needed. */
    List<Views.Topic> catalogue = List.of();
    /** A line someone else said, as the person may report it: in a scene (by message id) or a channel. */
    record Heard(String scene, String channel, String message, String line) {}

    /** The lines others said lately, newest first: {@code /report N} counts from one in this list. */
    List<Heard> heard = List.of();

    /** Keeps a line someone else said, for {@code /report}; only the newest few. */
    void heard(Heard line) {
        List<Heard> updated = new ArrayList<>(heard);
        updated.addFirst(line);
        heard = List.copyOf(updated.subList(0, Math.min(updated.size(), HEARD_KEPT)));
    }

    private static final int HEARD_KEPT = 20;

    /** The members of the channel the person is in, by persona id, with their status as last heard. */
    Map<String, Views.Member> members = Map.of();

    /** The personas looking for a partner as last listed: {@code /looking invite N} counts from one in it. */
    List<Views.Looking> looking = List.of();

    /** Whether the account shares typing, both ways. */
    boolean shareTyping = true;

    /** Who else is typing, in each place, until when (epoch millis). */
    final Map<Place, Map<String, Long>> typing = new HashMap<>();

    /** Puts a persona of this account as it now stands (its status changed, say) in the list, and as the speaker if it is. */
    void replace(Views.Persona changed) {
        mine = mine.stream().map(persona -> persona.id().equals(changed.id()) ? changed : persona).toList();
        if (persona != null && persona.id().equals(changed.id())) persona = changed;
    }

    /** The partner board as last listed: {@code /board invite N} counts from one in it. */
    List<Views.Ad> board = List.of();

    /** Moderators: the report queue as last listed; {@code /moderate N} counts from one in it. */
    List<Views.Report> queue = List.of();

    /** A moderator suspended or banned the account: the connection is about to close, and reconnecting will not help. */
    boolean barred;

    /** The person's own limit ended the session (budget, quiet hours, exclusion): the line saying until when, else null. */
    String keptOut;

    /** The scenes' calls, as this terminal follows them. */
    final Calls calls = new Calls();

    /** The display name of a member of the scene, or "someone" for a persona not in it. */
    String memberName(String sceneId, String personaId) {
        return scene(sceneId).stream().flatMap(scene -> scene.members().stream()).filter(member -> member.id().equals(personaId))
                .map(Views.Author::name).findFirst().orElse("someone");
    }

    /** A scene whose invitation was accepted here: the chat goes there once this device is added. */
    String awaitedScene;

    Set<String> mineIds() {
        return mine.stream().map(Views.Persona::id).collect(Collectors.toSet());
    }

    Optional<Views.Scene> scene(String id) {
        return scenes.stream().filter(scene -> scene.id().equals(id)).findFirst();
    }

    String sceneName(String id) {
        return scene(id).map(scene -> Format.sceneName(scene, mineIds())).orElse("a scene");
    }

    boolean isHere(String sceneId) {
        return place instanceof Place.Scene(String id) && id.equals(sceneId);
    }

    /** Where the person is, as the prompt shows it. */
    String where() {
        return switch (place) {
            case Place.Nowhere _ -> "";
            case Place.Channel(String name) -> Format.channel(name);
            case Place.Scene(String id) -> sceneName(id);
        };
    }

    /** Puts a scene's new state in the list, in its place or at the end. */
    void update(Views.Scene changed) {
        List<Views.Scene> updated = new ArrayList<>(scenes.stream().map(scene -> scene.id().equals(changed.id()) ? changed : scene).toList());
        if (scene(changed.id()).isEmpty()) updated.add(changed);
        scenes = List.copyOf(updated);
    }

    void forget(String sceneId) {
        end(sceneId);
        heard = heard.stream().filter(line -> !sceneId.equals(line.scene())).toList();
    }

    /**
     * A scene the safeword ended: gone from the screen, but the lines heard in it stay (in memory,
     * as the client library keeps what a report needs) so that {@code /report N} still reaches them.
     */
    void end(String sceneId) {
        scenes = scenes.stream().filter(scene -> !scene.id().equals(sceneId)).toList();
        if (isHere(sceneId)) place = new Place.Nowhere();
    }

    /** Whether any line heard lately came from the scene. */
    boolean heardIn(String sceneId) {
        return heard.stream().anyMatch(line -> sceneId.equals(line.scene()));
    }

    /** This account's persona among a scene's members. */
    Optional<Views.Persona> mineIn(Views.Scene scene) {
        return mine.stream().filter(persona -> scene.members().stream().anyMatch(member -> member.id().equals(persona.id()))).findFirst();
    }
}
