package org.tryst.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a persona is reachable now: online on at least one socket, away on all of them, or offline. */
public enum Presence {
    @JsonProperty("online") ONLINE,
    @JsonProperty("away") AWAY,
    @JsonProperty("offline") OFFLINE
}
