package org.tryst.client;

/**
 * The server answered a request with a typed error; {@code code} is its wire code (see docs/protocol.md),
 * and {@code retryAfterMs}, when the server gave one, how long until asking again can succeed.
 */
public final class RequestFailed extends RuntimeException {
    private final String code;
    private final Long retryAfterMs;

    public RequestFailed(String code, String message) {
        this(code, message, null);
    }

    public RequestFailed(String code, String message, Long retryAfterMs) {
        super(code + ": " + message);
        this.code = code;
        this.retryAfterMs = retryAfterMs;
    }

    public String code() {
        return code;
    }

    /** Milliseconds until the refusal ends, or null when the server did not say. */
    public Long retryAfterMs() {
        return retryAfterMs;
    }
}
