package org.tryst.protocol;

import static org.tryst.protocol.Fields.text;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Bodies of the HTTP API that comes before a WebSocket: register, log in, and get a socket ticket.
 * Errors are the WebSocket's {@link ServerMessage.Error} with an HTTP status.
 */
public final class HttpApi {
    private HttpApi() {}

    /** {@code POST /api/register}: a new account; {@code adult} must be true, and absent is not a confirmation. */
    public record Register(String username, String password, Boolean adult) {
        public Register {
            text(username, "username", 64);
            Fields.password(password, "password");
            adult = Boolean.TRUE.equals(adult);
        }
    }

    /** {@code POST /api/login}. */
    public record Login(String username, String password) {
        public Login {
            text(username, "username", 64);
            Fields.password(password, "password");
        }
    }

    /**
     * Answer to register and login: the session token, to send as {@code Authorization: Bearer}
     * (browsers get it as an HttpOnly cookie as well).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LoggedIn(String username, String session, String token, long expiresAt, java.util.List<String> recoveryCodes) {
        public LoggedIn(String username, String session, String token, long expiresAt) {
            this(username, session, token, expiresAt, null);
        }
    }

    /**
     * Answer to a login (or a recovery) whose password was right for an account with a second factor:
     * no session yet, but {@code pending}, to send with a code to {@code POST /api/login/code} until {@code expiresAt}.
     */
    public record SecondFactor(String secondFactor, String pending, long expiresAt) {}

    /** {@code POST /api/login/code}: the waiting log-in and a one-time code of the account's app, or one of its recovery codes. */
    public record Code(String pending, String code) {
        public Code {
            text(pending, "pending", 128);
            text(code, "code", ClientMessage.MAX_CODE);
        }
    }

    /** {@code POST /api/recover}: a new password, set with one of the account's recovery codes. */
    public record Recover(String username, String code, String password) {
        public Recover {
            text(username, "username", 64);
            text(code, "code", ClientMessage.MAX_CODE);
            Fields.password(password, "password");
        }
    }

    /** Answer to {@code POST /api/tickets}: a single-use ticket for the next {@code hello}. */
    public record Ticket(String ticket, long expiresAt) {}

    /** Answer to {@code POST /api/session}: whether the request's session is valid, and whose it is. */
    public record SessionState(boolean signedIn, String username) {}

    /** Answer of {@code GET /readyz}: whether the database takes a write, and why not when it does not. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Readiness(boolean ready, String reason) {}
}
