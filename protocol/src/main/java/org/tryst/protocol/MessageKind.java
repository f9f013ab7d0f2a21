package org.tryst.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A channel message is either said (speech) or posed (an action, {@code /me}). */
public enum MessageKind {
    @JsonProperty("say") SAY,
    @JsonProperty("pose") POSE
}
