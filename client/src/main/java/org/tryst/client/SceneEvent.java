package org.tryst.client;

import org.tryst.protocol.Views;

/** What happens in scenes, as a client's user should hear of it. */
public sealed interface SceneEvent {
    /** Someone said something in a scene; {@code expiresAt} is when it disappears (null: never). */
    record Said(String scene, String messageId, Views.Author from, String kind, String text, long at, Long expiresAt) implements SceneEvent {}

    /** This device joined a scene. */
    record Joined(String scene) implements SceneEvent {}

    /** The scene moved to a new epoch (someone joined, left or was removed). */
    record NewEpoch(String scene, long epoch) implements SceneEvent {}

    /** This device was removed from a scene, or left it. */
    record Removed(String scene) implements SceneEvent {}

    /** A member used the safeword: the scene is over for everyone, and gone from this device. */
    record Ended(String scene) implements SceneEvent {}

    /** A message was dropped: its franking commitment does not match its content, or it would not decrypt. */
    record Dropped(String scene, String messageId, String why) implements SceneEvent {}

    /** Something this device tried for a scene on its own failed (a scene of which it is the only one left, say). */
    record Trouble(String scene, String what) implements SceneEvent {}

    /** Someone invites one of this account's personas into a scene. */
    record Invited(Views.Invitation invitation) implements SceneEvent {}

    /** A scene's members or timer changed. */
    record Changed(Views.Scene scene, String reason) implements SceneEvent {}

    /** A call signal from a member's device (MLS leaf {@code leaf}), as the JSON of an inner call message. */
    record Signalled(String scene, String persona, int leaf, String json) implements SceneEvent {}
}
