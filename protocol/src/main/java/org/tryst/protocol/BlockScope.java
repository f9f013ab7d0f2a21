package org.tryst.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a block covers: one persona, or every persona, present and future, of the account behind it. */
public enum BlockScope {
    @JsonProperty("persona") PERSONA,
    @JsonProperty("account") ACCOUNT
}
