package org.tryst.world;

import java.util.Locale;
import java.util.Optional;

/** A room's content rating: who may enter it is decided from this (adult rooms need an opt-in). */
public enum Rating {
    GENERAL, MATURE, ADULT;

    /** The word in files and in the database. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rating a word names, if any; words are lower case, as export writes them. */
    public static Optional<Rating> of(String word) {
        for (Rating rating : values()) if (rating.word().equals(word)) return Optional.of(rating);
        return Optional.empty();
    }
}
