package org.tryst.gateway;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;

/** HTTP responses with the headers every answer of ours carries. */
final class HttpReplies {
    private HttpReplies() {}

    static FullHttpResponse bytes(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer")
                .set("X-Frame-Options", "DENY")
                .set("Content-Security-Policy", "default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        return response;
    }

    static FullHttpResponse text(HttpResponseStatus status, String body) {
        return bytes(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    static FullHttpResponse json(HttpResponseStatus status, Object body) {
        try {
            return bytes(status, "application/json", Codec.mapper().writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("API records always serialize", e);
        }
    }

    static FullHttpResponse error(ProtocolException problem) {
        FullHttpResponse response = json(status(problem.code()), ServerMessage.Error.of(null, problem));
        if (problem.retryAfterMs() != null) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, Math.max(1, (problem.retryAfterMs() + 999) / 1000));
        }
        return response;
    }

    /** A temporary redirect that no cache keeps, since the operator may change where it points. */
    static FullHttpResponse redirect(String location) {
        FullHttpResponse response = bytes(HttpResponseStatus.FOUND, "text/plain; charset=utf-8", new byte[0]);
        response.headers().set(HttpHeaderNames.LOCATION, location);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return response;
    }

    static FullHttpResponse error(HttpResponseStatus status, ErrorCode code, String message) {
        return json(status, new ServerMessage.Error(null, code.wire(), message, null));
    }

    /** The HTTP status that goes with each error code. */
    static HttpResponseStatus status(ErrorCode code) {
        return switch (code) {
            case MALFORMED, UNKNOWN_TYPE, INVALID_MESSAGE, UNSUPPORTED_VERSION, PASSWORD_LENGTH, PASSWORD_COMMON,
                 TEXT_TOO_LONG, ALREADY_AUTHENTICATED, ALREADY_MEMBER, NOT_MEMBER, TOO_MANY_PERSONAS, NO_DEVICE, BAD_MLS,
                 UNKNOWN_TOPIC, NAME_CONFUSABLE, NOT_IN_WORLD, UNKNOWN_COMMAND, NO_EXIT ->
                    HttpResponseStatus.BAD_REQUEST;
            case NOT_AUTHENTICATED, TICKET_INVALID, SESSION_INVALID, INVALID_CREDENTIALS, WRONG_PASSWORD, WRONG_CODE,
                 LOGIN_EXPIRED ->
                    HttpResponseStatus.UNAUTHORIZED;
            case ADULT_CONFIRMATION_REQUIRED, AGE_ASSURANCE_REQUIRED, NOT_YOUR_PERSONA, FORBIDDEN, NOT_INVITED, COOLING_OFF, MUTED, SUSPENDED, BANNED, CHANNEL_CLOSED,
                 TRANSCRIPT_NOT_AGREED, LOCKED, ADULT_AREA, EXCLUDED, DAILY_LIMIT, QUIET_HOURS ->
                    HttpResponseStatus.FORBIDDEN;
            case NOT_FOUND -> HttpResponseStatus.NOT_FOUND;
            case USERNAME_TAKEN, NAME_TAKEN, STALE_EPOCH, PROPOSALS_PENDING, SCENE_FULL, NO_KEY_PACKAGES, AGREEMENT_MISMATCH,
                 NO_TRANSCRIPT_REQUEST, QUOTA_EXCEEDED ->
                    HttpResponseStatus.CONFLICT;
            case TOO_MANY_ATTEMPTS, RATE_LIMITED -> HttpResponseStatus.TOO_MANY_REQUESTS;
            case INTERNAL -> HttpResponseStatus.INTERNAL_SERVER_ERROR;
        };
    }
}
