package org.tryst.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.HttpApi;
import org.tryst.protocol.ProtocolException;

/**
 * Any bytes as what the HTTP API reads before a socket: the body of register and login is a valid
 * body (which reads back the same once written) or a typed rejection with an HTTP status; as the
 * Authorization or Cookie header of tickets, logout and session, it gives a token or none, never a failure.
 * The seeds are the protocol document's bodies, bad bodies as the codec tests have them, and both kinds of session header.
 */
class HttpBodiesFuzzTest {
    /** What docs/protocol.md lets a body be refused with before the accounts look at it. */
    private static final Set<ErrorCode> BODY_ERRORS = Set.of(ErrorCode.MALFORMED, ErrorCode.INVALID_MESSAGE, ErrorCode.PASSWORD_LENGTH);

    @FuzzTest(maxDuration = "5s")
    void readsABodyOrRefusesItWithATypedError(byte[] bytes) throws Exception {
        body(bytes, HttpApi.Register.class);
        body(bytes, HttpApi.Login.class);
        // A header value is bytes as the HTTP decoder hands them on: each a character, without the line's end.
        String header = new String(bytes, StandardCharsets.ISO_8859_1).replace("\r", "").replace("\n", "");
        AccountApi.token(request(HttpHeaderNames.AUTHORIZATION, header));
        AccountApi.token(request(HttpHeaderNames.AUTHORIZATION, "Bearer " + header));
        AccountApi.token(request(HttpHeaderNames.COOKIE, header));
    }

    private static <T> void body(byte[] bytes, Class<T> type) throws Exception {
        T read;
        try {
            read = Codec.decodeBody(bytes, type);
        } catch (ProtocolException refused) {
            assertThat(refused.code()).as(refused.getMessage()).isIn(BODY_ERRORS);
            assertThat(HttpReplies.status(refused.code()).code()).isEqualTo(400);
            return;
        }
        assertThat(Codec.decodeBody(Codec.mapper().writeValueAsBytes(read), type)).isEqualTo(read);
    }

    private static FullHttpRequest request(CharSequence name, String value) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/tickets", Unpooled.EMPTY_BUFFER,
                DefaultHttpHeadersFactory.headersFactory().withValidation(false), DefaultHttpHeadersFactory.trailersFactory());
        request.headers().set(name, value);
        return request;
    }
}
