package org.tryst.accounts;

import com.nulabinc.zxcvbn.StandardDictionaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Which passwords are accepted, after OWASP ASVS 5.0: a length range counted in characters, no rules
 * about what they contain, and a refusal of passwords that attackers try first. The list is the
 * frequency-ranked password dictionary that zxcvbn ships (30,000 passwords from breach corpora);
 * the configured count of its most common entries is refused.
 */
public final class PasswordPolicy {
    /** The outcome of checking a password. */
    public enum Verdict { OK, TOO_SHORT, TOO_LONG, COMMON }

    private static final Map<String, Integer> RANKS = load();

    private final int minLength;
    private final int maxLength;
    private final int refusedRanks;

    public PasswordPolicy(int minLength, int maxLength, int refusedRanks) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.refusedRanks = refusedRanks;
    }

    public int minLength() {
        return minLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Checks a password for an account; the username itself counts as a common password. */
    public Verdict check(String username, String password) {
        int length = password.codePointCount(0, password.length());
        if (length < minLength) return Verdict.TOO_SHORT;
        if (length > maxLength) return Verdict.TOO_LONG;
        String folded = password.strip().toLowerCase(Locale.ROOT);
        Integer rank = RANKS.get(folded);
        if (rank != null && rank <= refusedRanks) return Verdict.COMMON;
        if (username != null && folded.equals(username.toLowerCase(Locale.ROOT))) return Verdict.COMMON;
        return Verdict.OK;
    }

    private static Map<String, Integer> load() {
        try {
            return StandardDictionaries.PASSWORDS_LOADER.load().getRankedDictionary();
        } catch (IOException e) {
            throw new UncheckedIOException("the common-password list ships with zxcvbn", e);
        }
    }
}
