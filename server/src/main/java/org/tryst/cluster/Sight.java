package org.tryst.cluster;

import org.tryst.protocol.ServerMessage;

/**
 * Who among an audience may hear of an event about a persona, decided where the event is delivered
 * against each recipient's blocks and mutes, so that a block made on one process holds on all.
 * {@code otherwise} goes to the recipients the rule leaves out (null: nothing); with
 * {@code skipAbout}, the sockets online as the persona itself hear nothing, nor do those online as
 * {@code skipAlso} (null: nobody else), who are told another way (the other side of a whisper).
 */
public record Sight(String about, Rule rule, ServerMessage otherwise, boolean skipAbout, String skipAlso) {
    public Sight(String about, Rule rule, ServerMessage otherwise, boolean skipAbout) {
        this(about, rule, otherwise, skipAbout, null);
    }

    /** The closed set of rules; a recipient of the persona's own account always passes all but {@link #ONLY_HIDDEN}. */
    public enum Rule {
        /** Everyone in the audience. */
        ANYONE,
        /** All but those on either side of a block with the persona. */
        UNLESS_HIDDEN,
        /** All but those on either side of a block, and those who muted the persona: for what the persona says. */
        UNLESS_SILENCED,
        /** Only those a block now hides the persona from: to tell them it is gone. */
        ONLY_HIDDEN,
        /** As {@link #UNLESS_SILENCED}, and only accounts that share typing: for who is typing. */
        TYPING
    }

    /** An event for the whole audience. */
    public static final Sight ANYONE = new Sight(null, Rule.ANYONE, null, false);

    public static Sight unlessHidden(String about) {
        return new Sight(about, Rule.UNLESS_HIDDEN, null, false);
    }

    public static Sight unlessSilenced(String about) {
        return new Sight(about, Rule.UNLESS_SILENCED, null, false);
    }

    /** What a persona says for everyone who may hear it but the persona itself and {@code other}, who hear it another way. */
    public static Sight othersWhoHear(String about, String other) {
        return new Sight(about, Rule.UNLESS_SILENCED, null, true, other);
    }

    /** That a persona is typing, for everyone else who may hear it and shares typing. */
    public static Sight typing(String about) {
        return new Sight(about, Rule.TYPING, null, true);
    }

    /** News about a persona for everyone else who may see it, not for the persona's own sockets. */
    public static Sight othersWhoSee(String about) {
        return new Sight(about, Rule.UNLESS_HIDDEN, null, true);
    }
}
