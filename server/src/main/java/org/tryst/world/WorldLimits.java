package org.tryst.world;

import java.util.regex.Pattern;

/** The bounds every room, exit and thing keeps, whether it comes from a file or, later, from a builder. */
final class WorldLimits {
    private WorldLimits() {}

    /** Ids are slugs an operator can type and read in a file: lower-case letters, digits and inner dashes. */
    static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    /** Exit names and aliases are single words a player types: no spaces. */
    static final Pattern WORD = Pattern.compile("\\S{1,32}");
    static final int MAX_NAME = 80;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_LOCK = 200;
    static final int MAX_ALIASES = 8;
    /** Enough for a large hand-built world; a file past these is a mistake, not a world. */
    static final int MAX_ENTRIES = 20_000;
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
}
