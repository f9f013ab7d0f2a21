package org.tryst.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A persona's answer to one topic of the boundaries catalogue. */
public enum Answer {
    @JsonProperty("yes") YES,
    @JsonProperty("maybe") MAYBE,
    @JsonProperty("no") NO
}
