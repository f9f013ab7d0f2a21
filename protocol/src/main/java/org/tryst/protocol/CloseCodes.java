package org.tryst.protocol;

/** WebSocket close codes the server uses; 4xxx are Tryst's own, documented in docs/protocol.md. */
public final class CloseCodes {
    /** The answer to a client's own close. */
    public static final int NORMAL = 1000;
    /** The server is shutting down. */
    public static final int GOING_AWAY = 1001;
    /** The client broke the WebSocket protocol or sent a frame type Tryst does not use. */
    public static final int PROTOCOL_ERROR = 1002;
    /** A binary frame: Tryst speaks JSON in text frames only. */
    public static final int UNSUPPORTED_DATA = 1003;
    /** The socket kept sending messages that were refused: undecodable, before hello, or over the rate limit. */
    public static final int POLICY_VIOLATION = 1008;
    /** A frame or message larger than the configured limit. */
    public static final int TOO_BIG = 1009;
    /** The session was logged out, revoked, expired, or the account deleted. */
    public static final int SESSION_ENDED = 4001;
    /** The hello carried an unknown, used or expired ticket, or an unsupported version. */
    public static final int HELLO_REFUSED = 4002;
    /** The client read too slowly and its outbound queue passed the limit. */
    public static final int SLOW_CONSUMER = 4003;
    /** The client answered no ping in time, or sent no hello within the handshake timeout. */
    public static final int IDLE = 4004;

    private CloseCodes() {}
}
