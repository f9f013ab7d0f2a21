package org.tryst.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A channel message is said (speech), posed (an action, {@code /me}) or a roll of dice the server made ({@code /roll}). */
public enum MessageKind {
    @JsonProperty("say") SAY,
    @JsonProperty("pose") POSE,
    @JsonProperty("roll") ROLL
}
