package org.tryst.protocol;

/** A request that cannot be carried out, with the typed error to send back; thrown from validation and domain code. */
public final class ProtocolException extends RuntimeException {
    private final ErrorCode code;
    private final Long retryAfterMs;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ProtocolException(ErrorCode code, String message, Long retryAfterMs) {
        super(message, null, false, false);
        this.code = code;
        this.retryAfterMs = retryAfterMs;
    }

    public ErrorCode code() {
        return code;
    }

    /** Milliseconds the client should wait before retrying, for rate limits; null otherwise. */
    public Long retryAfterMs() {
        return retryAfterMs;
    }
}
