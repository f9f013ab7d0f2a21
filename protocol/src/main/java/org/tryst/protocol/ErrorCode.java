package org.tryst.protocol;

import java.util.Locale;

/** Every error the server can answer with; the wire code is the constant's name in lower case and never changes. */
public enum ErrorCode {
    /** The frame is not valid JSON, or not a JSON object. */
    MALFORMED,
    /** The message's {@code type} is missing or names no message of this protocol version. */
    UNKNOWN_TYPE,
    /** A field is missing or repeated, has the wrong type, is out of range, too long or not Unicode text, or an unknown field is present. */
    INVALID_MESSAGE,
    /** The client speaks a protocol version this server does not. */
    UNSUPPORTED_VERSION,
    /** The message needs a completed {@code hello} (or, over HTTP, a session) first. */
    NOT_AUTHENTICATED,
    /** A second {@code hello} on a socket that has already completed one. */
    ALREADY_AUTHENTICATED,
    /** The socket ticket is unknown, already used, expired, or belongs to another session. */
    TICKET_INVALID,
    /** The session token is unknown, revoked or expired: log in again. */
    SESSION_INVALID,
    /** Username or password is wrong; deliberately does not say which, nor whether the account exists. */
    INVALID_CREDENTIALS,
    /** Too many failed logins for this account or from this address; retry after {@code retryAfterMs}. */
    TOO_MANY_ATTEMPTS,
    /** Too many requests in a short time; retry after {@code retryAfterMs}. Nothing was done. */
    RATE_LIMITED,
    /** Registration needs the user to confirm being an adult. */
    ADULT_CONFIRMATION_REQUIRED,
    /** This server verifies ages: the account may manage itself, but do nothing else until it verifies its age ({@code GET /api/age/start}). */
    AGE_ASSURANCE_REQUIRED,
    /** The username, or one that looks like it, is already registered. */
    USERNAME_TAKEN,
    /** The password is too short or too long. */
    PASSWORD_LENGTH,
    /** The password is among the most common passwords and would be guessed at once. */
    PASSWORD_COMMON,
    /** The current password given to confirm a sensitive action is wrong. */
    WRONG_PASSWORD,
    /** The one-time code or recovery code is wrong, or was used already. */
    WRONG_CODE,
    /** The log-in waiting for its second factor expired or took too many wrong codes: log in again. */
    LOGIN_EXPIRED,
    /** No persona, channel, session or message of that name or id exists (or is visible to you). */
    NOT_FOUND,
    /** The persona named in the message belongs to another account. */
    NOT_YOUR_PERSONA,
    /** The persona or channel name, or one that looks like it, is already in use. */
    NAME_TAKEN,
    /** The name mixes scripts or holds letters made to imitate others (small capitals, invisible marks): it could pass for another name. */
    NAME_CONFUSABLE,
    /** An account may hold only a limited number of personas. */
    TOO_MANY_PERSONAS,
    /** The persona is already a member of that channel. */
    ALREADY_MEMBER,
    /** The persona is not a member of that channel. */
    NOT_MEMBER,
    /** The account or persona lacks the right to do this (for example kick without owning the channel). */
    FORBIDDEN,
    /** The text is longer than this server's configured message length. */
    TEXT_TOO_LONG,
    /** A scene message needs a device: send {@code device.attach} on this socket first. */
    NO_DEVICE,
    /** The MLS bytes are not a well-formed MLS message of the kind expected here (suite 1, protocol 1.0). */
    BAD_MLS,
    /** The message is for an earlier or later MLS epoch than the scene's: process the queued messages, re-base and resend. */
    STALE_EPOCH,
    /** A member left and the server proposed the removal: the next commit must include it. Process the queue and commit again. */
    PROPOSALS_PENDING,
    /** The commit adds a persona without an accepted invitation, or a Welcome names someone it does not add. */
    NOT_INVITED,
    /** The scene already has as many members and open invitations as this server allows. */
    SCENE_FULL,
    /** The persona has no KeyPackages left on any device: it must come online to upload more. */
    NO_KEY_PACKAGES,
    /** That persona used the safeword in a scene with yours and does not want invitations from it for now. */
    COOLING_OFF,
    /** A topic id names no topic of this server's boundaries catalogue. */
    UNKNOWN_TOPIC,
    /** The accepted topics or safeword differ from what the invitation proposes (or from the scene's agreement): nothing was accepted. */
    AGREEMENT_MISMATCH,
    /** Nobody has asked to keep this scene's transcript: there is nothing to agree to, refuse or withdraw. */
    NO_TRANSCRIPT_REQUEST,
    /** Not every member of the scene agrees to keeping its transcript, so it cannot be exported. */
    TRANSCRIPT_NOT_AGREED,
    /** The account excluded itself until the time in the message ({@code retryAfterMs} from now): nothing can lift it early. */
    EXCLUDED,
    /** The account's own daily time budget is used up: nothing works until the day turns ({@code retryAfterMs}). */
    DAILY_LIMIT,
    /** The account's own quiet hours: nothing works until they end ({@code retryAfterMs}). */
    QUIET_HOURS,
    /** The account is muted by a moderator: it may not post in channels or invite until the time in the message. */
    MUTED,
    /** The account is suspended by a moderator until the time in the message: it cannot log in or connect. */
    SUSPENDED,
    /** The account, or the persona named, is banned by a moderator. */
    BANNED,
    /** The channel was closed by its owner or a moderator. */
    CHANNEL_CLOSED,
    /** The persona has not entered the text world on this socket: send {@code world.enter} first. */
    NOT_IN_WORLD,
    /** The world command line names no command; {@code help} lists them. */
    UNKNOWN_COMMAND,
    /** No exit of the room answers to that word. */
    NO_EXIT,
    /** A lock of the exit, room or thing does not let this persona through (or take it). */
    LOCKED,
    /** The room is rated adult, and the account has not opted in to adult areas ({@code @adult on}). */
    ADULT_AREA,
    /** The persona already has as many rooms, exits or things as this server lets a builder make. */
    QUOTA_EXCEEDED,
    /** The server failed; the request may be retried. Details are in the server log, never in the reply. */
    INTERNAL;

    /** The stable code sent on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The code for a wire string, or null when it names none. */
    public static ErrorCode fromWire(String wire) {
        for (ErrorCode code : values()) {
            if (code.wire().equals(wire)) return code;
        }
        return null;
    }
}
