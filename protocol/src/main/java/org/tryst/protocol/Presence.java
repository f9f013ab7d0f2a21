package org.tryst.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What others see of a persona: whether any socket is online as it ({@code offline}: none), and
 * then the status it chose. A socket's own idleness is {@code online} or {@code away}; a persona
 * chooses any but {@code offline}.
 */
public enum Presence {
    @JsonProperty("online") ONLINE,
    @JsonProperty("looking") LOOKING,
    @JsonProperty("away") AWAY,
    @JsonProperty("busy") BUSY,
    @JsonProperty("dnd") DND,
    @JsonProperty("offline") OFFLINE;

    /**
     * What a persona that chose this shows while its sockets are {@code reachable}: nothing when none
     * is online, and idleness only dims a status that says it is here for anyone.
     */
    public Presence shownWhile(Presence reachable) {
        if (reachable == OFFLINE) return OFFLINE;
        if (reachable == AWAY && (this == ONLINE || this == LOOKING)) return AWAY;
        return this;
    }
}
