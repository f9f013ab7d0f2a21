package org.tryst.protocol;

import java.util.List;

/** The shapes the server shows to clients inside its messages. Times are epoch milliseconds. */
public final class Views {
    private Views() {}

    /** A persona as others see it: never the account behind it. */
    public record Persona(String id, String name, String summary, String description, String pronouns) {}

    /** A persona as it appears in a channel: who, and whether reachable now. */
    public record Member(String id, String name, Presence status, boolean owner) {}

    /** A public channel in the list. */
    public record Channel(String name, String topic, int members) {}

    /** One message of a channel's history or live traffic. */
    public record Message(String id, String channel, MessageKind kind, Author persona, String text, long at) {}

    /** The persona who wrote a message, as shown beside it. */
    public record Author(String id, String name) {}

    /** One logged-in session (device) of the account. */
    public record Session(String id, long createdAt, long lastSeenAt, long expiresAt, String userAgent, boolean current) {}

    /** The server's limits that a client should know to behave well. */
    public record Limits(int maxFrameBytes, int maxTextLength, int maxPersonas, long historyRetentionMs) {}

    /** The state of a channel just joined. */
    public record Joined(String channel, String topic, String persona, List<Member> members, List<Message> history) {}
}
