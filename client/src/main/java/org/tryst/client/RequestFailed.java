package org.tryst.client;

/**
 * The server answered a request with a typed error; {@code code} is its wire code (see docs/protocol.md),
 * {@code retryAfterMs} when to try again, for {@code rate_limited} (null otherwise).
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

    public Long retryAfterMs() {
        return retryAfterMs;
    }
}
