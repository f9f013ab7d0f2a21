package org.tryst.protocol;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UnicodeSet;
import java.util.regex.Pattern;

/**
 * Names that people choose and others read (persona display names, usernames, channel names):
 * one normal form to store and show, and one skeleton (Unicode UTS #39) under which look-alike
 * spellings are the same name, so that nobody can pass as someone else with a Cyrillic о or a
 * second space.
 */
public final class Names {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    /** Letters and digits Unicode recommends for identifiers, and the separators a name may hold. */
    private static final UnicodeSet ALLOWED = new UnicodeSet(SpoofChecker.RECOMMENDED).addAll(" '_.-").freeze();
    private static final SpoofChecker CHECKER = new SpoofChecker.Builder()
            .setAllowedChars(ALLOWED)
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.INVISIBLE | SpoofChecker.MIXED_NUMBERS
                    | SpoofChecker.HIDDEN_OVERLAY)
            .build();

    private Names() {}

    /** The name as stored and shown: NFKC, every run of whitespace one space, none at either end. */
    public static String normalized(String name) {
        return WHITESPACE.matcher(Normalizer2.getNFKCInstance().normalize(name)).replaceAll(" ").strip();
    }

    /**
     * True when the name mixes scripts (Latin with Cyrillic or Greek), holds characters Unicode does
     * not recommend for identifiers (small capitals, IPA, invisible marks), or digits of several systems.
     */
    public static boolean confusable(String name) {
        return CHECKER.failsChecks(normalized(name));
    }

    /**
     * The key two names share when a reader could take one for the other, regardless of case. The
     * Turkic folding makes İ, I, ı and i one letter; the fold after the skeleton is there because the
     * skeleton's prototypes include capitals (0 becomes O), so that R0WAN meets rowan.
     */
    public static String skeleton(String name) {
        String folded = UCharacter.foldCase(normalized(name), UCharacter.FOLD_CASE_EXCLUDE_SPECIAL_I);
        return UCharacter.foldCase(CHECKER.getSkeleton(folded), UCharacter.FOLD_CASE_DEFAULT);
    }
}
