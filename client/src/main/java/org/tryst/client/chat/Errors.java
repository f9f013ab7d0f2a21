package org.tryst.client.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.tryst.client.RequestFailed;
import org.tryst.client.mls.MlsException;
import org.tryst.protocol.ProtocolException;

/** What went wrong, said plainly in one line: never a stack trace. */
public final class Errors {
    private Errors() {}

    /** One line for a failure of a request, of input checked before sending, of the encryption or of the network. */
    public static String explain(Throwable failure) {
        Throwable cause = unwrapped(failure);
        return switch (cause) {
            case RequestFailed refused when Limits.keepsOut(refused.code()) && refused.retryAfterMs() != null ->
                    Limits.keptOut(refused.code(), Instant.now().plusMillis(refused.retryAfterMs()), Clock.systemDefaultZone());
            case RequestFailed refused -> explain(refused.code(), detail(refused));
            case ProtocolException invalid -> sentence(invalid.getMessage());
            case MlsException mls -> "This device cannot do that in the scene: " + mls.getMessage() + ".";
            case IOException lost -> "The connection to the server is lost (" + why(lost) + "); start the chat again.";
            case UncheckedIOException unreachable -> "Cannot reach the server (" + why(unreachable.getCause()) + "): is it running, and is --server right?";
            default -> "Something went wrong: " + cause.getMessage() + ".";
        };
    }

    /** One line for a wire error code; {@code detail} is the server's own words, used where they are plain already. */
    public static String explain(String code, String detail) {
        return switch (code) {
            case "invalid_credentials" -> "Wrong username or password.";
            case "too_many_attempts" -> "Too many failed logins; wait a few minutes before you try again.";
            case "wrong_code" -> "That code is wrong or was used already; type the one your app shows now.";
            case "login_expired" -> "This log-in waited too long or took too many wrong codes; start the chat again to log in.";
            case "rate_limited" -> "Too much at once; wait a moment and try again.";
            case "session_invalid" -> "Your session has ended; start the chat again to log in.";
            case "password_common" -> "That password is among the most common ones and would be guessed at once; choose another.";
            case "not_your_persona" -> "That persona is not one of yours.";
            case "no_key_packages" -> "That persona cannot be added until one of its devices comes online.";
            case "stale_epoch", "proposals_pending", "bad_mls", "not_invited", "no_device" ->
                    "The server refused an encrypted message (" + detail + "); try again.";
            case "no_transcript_request" -> "Nobody has asked to keep a transcript of this scene; /transcript ask asks everyone.";
            case "transcript_not_agreed" -> "Not everyone in this scene agrees to keeping a transcript, so it cannot be saved; /transcript shows who does.";
            case "daily_limit" -> "That was today's time, as you limited it; Tryst opens again for you tomorrow.";
            case "quiet_hours" -> "These are your quiet hours; Tryst opens again for you when they end.";
            case "excluded" -> "You excluded yourself from Tryst for now; nobody can lift it early.";
            case "internal" -> "The server failed; try again.";
            case "closed" -> "The connection to the server is closed; start the chat again.";
            default -> sentence(detail);
        };
    }

    /** The wire code of a server's refusal, or an empty string for any other failure. */
    public static String code(Throwable failure) {
        return failure instanceof RequestFailed refused ? refused.code() : "";
    }

    /**
     * The client's blocking methods throw refusals as themselves; what still arrives wrapped is the
     * connection's own I/O and handshake, from joins inside {@link org.tryst.client.Connection}.
     */
    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : failure;
    }

    private static String detail(RequestFailed refused) {
        String message = refused.getMessage();
        String prefix = refused.code() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String why(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    private static String sentence(String words) {
        if (words == null || words.isBlank()) return "The server refused that.";
        String capitalised = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return capitalised.endsWith(".") ? capitalised : capitalised + ".";
    }
}
