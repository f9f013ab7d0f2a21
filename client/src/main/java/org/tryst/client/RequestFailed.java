package org.tryst.client;

/** The server answered a request with a typed error; {@code code} is its wire code (see docs/protocol.md). */
public final class RequestFailed extends RuntimeException {
    private final String code;

    public RequestFailed(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
