package org.tryst.client.mls;

/** An MLS operation failed: a malformed or undecryptable message, or a state that does not fit it. */
public final class MlsException extends RuntimeException {
    public MlsException(String message, Exception cause) {
        super(message, cause);
    }
}
