package org.tryst.protocol;

import java.util.Base64;
import java.util.regex.Pattern;

/** Validation of message fields, called from the records' constructors so that no invalid message exists past the codec. */
public final class Fields {
    /** Longest text of a say, pose or description that the protocol carries; servers may configure less. */
    public static final int MAX_TEXT = 16_000;
    /** Longest request id. */
    public static final int MAX_REQUEST_ID = 64;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{2,31}");
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9-]{1,31}");
    private static final Pattern PERSONA_NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M}\\p{N} '_.-]{1,31}");
    private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** Longest safeword word. */
    public static final int MAX_SAFEWORD = 32;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private Fields() {}

    public static <T> T present(T value, String field) {
        if (value == null) throw invalid(field + " is required");
        return value;
    }

    /** A text of at most {@code max} characters, counted as Unicode code points so that an emoji is one. */
    public static String text(String value, String field, int max) {
        present(value, field);
        if (characters(value) > max) throw invalid(field + " is longer than " + max + " characters");
        return value;
    }

    /** The length of a text in characters as the protocol counts them: Unicode code points. */
    public static int characters(String value) {
        return value.codePointCount(0, value.length());
    }

    /**
     * Whether a string is Unicode text: every surrogate is half of a pair. A JSON escape can spell a
     * lone one, which UTF-8, and so storage, cannot carry.
     */
    public static boolean wellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) i++;
            else if (Character.isSurrogate(c)) return false;
        }
        return true;
    }

    /** A password up to {@code ClientMessage.MAX_PASSWORD} characters; longer is {@code password_length}, as the policy says. */
    public static String password(String value, String field) {
        present(value, field);
        if (characters(value) > ClientMessage.MAX_PASSWORD) {
            throw new ProtocolException(ErrorCode.PASSWORD_LENGTH, field + " is longer than " + ClientMessage.MAX_PASSWORD + " characters");
        }
        return value;
    }

    public static String optionalText(String value, String field, int max) {
        return value == null ? null : text(value, field, max);
    }

    public static String nonBlank(String value, String field, int max) {
        text(value, field, max);
        if (value.isBlank()) throw invalid(field + " must not be blank");
        return value;
    }

    /** Request ids are optional; when present they are short printable strings echoed back on replies. */
    public static String requestId(String value) {
        if (value != null && (value.isEmpty() || characters(value) > MAX_REQUEST_ID)) {
            throw invalid("id must be 1 to " + MAX_REQUEST_ID + " characters");
        }
        return value;
    }

    /** A base64 (RFC 4648, with padding) field that decodes to 1 to {@code maxBytes} bytes. */
    public static String base64(String value, String field, int maxBytes) {
        present(value, field);
        if (value.length() > (maxBytes + 2) / 3 * 4) throw invalid(field + " is larger than " + maxBytes + " bytes");
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw invalid(field + " must be base64");
        }
        if (decoded.length == 0 || decoded.length > maxBytes) throw invalid(field + " must be 1 to " + maxBytes + " bytes");
        return value;
    }

    public static String username(String value) {
        return matching(value, "username", USERNAME, "3 to 32 of a-z, 0-9, '_', '.', '-', starting with a letter or digit");
    }

    public static String channelName(String value) {
        return matching(value, "channel", CHANNEL, "2 to 32 of a-z, 0-9 and '-', starting with a letter or digit");
    }

    /** A persona's display name, returned in its {@link Names#normalized normal form}; look-alike spellings are refused. */
    public static String personaName(String value) {
        String name = matching(Names.normalized(present(value, "name")), "name", PERSONA_NAME,
                "2 to 32 letters, digits, spaces or ' _ . -, starting with a letter");
        if (Names.confusable(name)) {
            throw new ProtocolException(ErrorCode.NAME_CONFUSABLE, "name must be in one script, without look-alike letters");
        }
        return name;
    }

    /** A topic id of the boundaries catalogue: a short lower-case slug. */
    public static String topicId(String value, String field) {
        return matching(value, field, TOPIC, "a topic id of 1 to 40 of a-z, 0-9 and '-'");
    }

    /** A safeword word: something short on one line that a person can type in a hurry. */
    public static String safeword(String value) {
        nonBlank(value, "safeword", MAX_SAFEWORD);
        if (value.strip().length() != value.length() || value.chars().anyMatch(Character::isISOControl)) {
            throw invalid("safeword must be one line without leading or trailing spaces");
        }
        return value;
    }

    /** A time of day as {@code HH:MM}, 00:00 to 23:59. */
    public static String timeOfDay(String value, String field) {
        return matching(value, field, TIME_OF_DAY, "a time of day as HH:MM");
    }

    /** A time zone by its IANA name, such as Europe/Berlin, or UTC. */
    public static String timeZone(String value, String field) {
        present(value, field);
        if (value.length() > 64) throw invalid(field + " is too long");
        try {
            java.time.ZoneId.of(value);
        } catch (java.time.DateTimeException unknown) {
            throw invalid(field + " must be a time zone such as Europe/Berlin, not " + value);
        }
        return value;
    }

    public static String ref(String value, String field) {
        return matching(value, field, ID, "an id of 1 to 64 of A-Z, a-z, 0-9, '_', '-'");
    }

    private static String matching(String value, String field, Pattern pattern, String rule) {
        present(value, field);
        if (!pattern.matcher(value).matches()) throw invalid(field + " must be " + rule);
        return value;
    }

    private static ProtocolException invalid(String message) {
        return new ProtocolException(ErrorCode.INVALID_MESSAGE, message);
    }
}
