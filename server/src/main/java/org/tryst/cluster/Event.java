package org.tryst.cluster;

import org.tryst.protocol.Presence;
import org.tryst.protocol.ServerMessage;

/**
 * What travels between capabilities and the sockets of every process: messages for audiences, and
 * the changes to who follows what and to what processes keep in memory. A closed set, so each
 * process's delivery handles every kind.
 */
public sealed interface Event {
    /**
     * A message for an audience, filtered by {@code sight} where it is delivered. With a position,
     * it is the next of an ordered stream (a channel's lines, a scene's messages): a process that
     * sees a position skipped fetches what it missed from the database first.
     */
    record Tell(Audience to, ServerMessage message, Sight sight, Position position) implements Event {
        public Tell(Audience to, ServerMessage message, Sight sight) {
            this(to, message, sight, null);
        }
    }

    /** The place of a message in an ordered stream: its name ({@code channel:NAME}, {@code scene:ID}) and sequence number. */
    record Position(String stream, long seq) {}

    /** The sockets online as a persona start following an audience: a channel it joined. */
    record Follow(String persona, Audience audience) implements Event {}

    /** The sockets online as a persona stop following an audience: a channel it left or was removed from. */
    record Unfollow(String persona, Audience audience) implements Event {}

    /** Nobody follows the audience any more, and its ordered stream (null: none) is over: a closed channel. */
    record Disband(Audience audience, String stream) implements Event {}

    /** Every socket online as a persona stops being so and following anything as it: the persona was deleted or banned. */
    record Release(String persona) implements Event {}

    /**
     * The sockets of an audience (an account, a session) are closed, each sent {@code last} first
     * (null: nothing), except the one named by {@code exceptSocket} (null: none).
     */
    record Close(Audience to, ServerMessage last, int code, String reason, String exceptSocket) implements Event {}

    /** A fact that processes keep in memory changed: each drops its copy of {@code key} in the named cache. */
    record Changed(String cache, String key) implements Event {}

    /** A persona's presence on one process, the best of its sockets' statuses there ({@code offline}: none is left). */
    record NodePresence(String node, String persona, Presence presence) implements Event {}

    /**
     * A process is running, sent every few seconds: one not heard from for a while is taken to have
     * died, and its sockets' presence is dropped. {@code started} tells a restart from a new process.
     */
    record NodeAlive(String node, long started) implements Event {}

    /** A process has just started or lost events: every other process sends the presences of its sockets again. */
    record NodeJoined(String node) implements Event {}
}
