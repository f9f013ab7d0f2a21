package org.tryst.gateway;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.accounts.Session;
import org.tryst.accounts.Sessions;
import org.tryst.age.AgeAssurance;
import org.tryst.age.AgeProvider;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;

/**
 * The age verification endpoints, which the browser reaches by navigating, not by script: {@code
 * /api/age/start} sends a logged-in person to the age provider, {@code /api/age/callback} is where
 * the provider sends them back, and both end on the web client's account page; {@code /api/age}
 * says where the account stands. Runs on a virtual thread: the callback calls the provider.
 */
final class AgeApi {
    private static final Logger log = LoggerFactory.getLogger(AgeApi.class);
    /**
     * Binds a check to the browser that started it: SameSite=Lax, since the provider's redirect back
     * is a navigation from another site, which a Strict cookie (the session's) does not come with.
     */
    static final String COOKIE = "tryst_age";
    private static final String CALLBACK = "/api/age/callback";
    private static final String ACCOUNT_PAGE = "/#/account";

    private final AgeAssurance age;
    private final Sessions sessions;
    private final boolean secureCookie;

    AgeApi(AgeAssurance age, Sessions sessions, boolean secureCookie) {
        this.age = age;
        this.sessions = sessions;
        this.secureCookie = secureCookie;
    }

    static boolean owns(String path) {
        return path.equals("/api/age") || path.startsWith("/api/age/");
    }

    FullHttpResponse handle(FullHttpRequest request, String path) {
        try {
            if (request.method() != HttpMethod.GET) {
                return HttpReplies.error(HttpResponseStatus.METHOD_NOT_ALLOWED, ErrorCode.INVALID_MESSAGE, "use GET");
            }
            return switch (path) {
                case "/api/age" -> HttpReplies.json(HttpResponseStatus.OK, age.status(session(request).accountId()));
                case "/api/age/start" -> switch (age.start(session(request).accountId())) {
                    case AgeAssurance.ToProvider(var location, String browser) -> {
                        FullHttpResponse response = HttpReplies.redirect(location.toString());
                        response.headers().add(HttpHeaderNames.SET_COOKIE, cookie(browser, AgeAssurance.CHECK_SECONDS));
                        yield response;
                    }
                    case AgeAssurance.Back(AgeProvider.Outcome outcome) -> back(outcome);
                };
                case CALLBACK -> {
                    Map<String, String> answer = new HashMap<>();
                    new QueryStringDecoder(request.uri()).parameters().forEach((name, values) -> {
                        if (values.size() == 1) answer.put(name, values.getFirst());
                    });
                    FullHttpResponse response = back(age.finish(answer.get("state"), browser(request), answer).outcome());
                    response.headers().add(HttpHeaderNames.SET_COOKIE, cookie("", 0));
                    yield response;
                }
                default -> HttpReplies.error(HttpResponseStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "no such endpoint");
            };
        } catch (ProtocolException problem) {
            return HttpReplies.error(problem);
        } catch (RuntimeException unexpected) {
            log.atError().setCause(unexpected).addKeyValue("path", path).log("age verification request failed");
            return HttpReplies.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL, "the server failed; try again");
        }
    }

    /** To the account page, which reads the outcome from its address. */
    private static FullHttpResponse back(AgeProvider.Outcome outcome) {
        return HttpReplies.redirect(switch (outcome) {
            case AgeProvider.Verified _ -> ACCOUNT_PAGE + "?age=verified";
            case AgeProvider.Refused(AgeProvider.Refusal refusal, String detail) -> ACCOUNT_PAGE + "?age=refused&why=" + refusal.wire();
        });
    }

    private Session session(FullHttpRequest request) {
        return sessions.authenticate(AccountApi.token(request))
                .orElseThrow(() -> new ProtocolException(ErrorCode.SESSION_INVALID, "log in first"));
    }

    private static String browser(FullHttpRequest request) {
        List<String> headers = request.headers().getAll(HttpHeaderNames.COOKIE);
        for (String header : headers) {
            for (Cookie cookie : ServerCookieDecoder.STRICT.decode(header)) {
                if (cookie.name().equals(COOKIE)) return cookie.value();
            }
        }
        return null;
    }

    private String cookie(String value, long maxAgeSeconds) {
        DefaultCookie cookie = new DefaultCookie(COOKIE, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookie);
        cookie.setPath(CALLBACK);
        cookie.setSameSite(CookieHeaderNames.SameSite.Lax);
        cookie.setMaxAge(maxAgeSeconds);
        return ServerCookieEncoder.STRICT.encode(cookie);
    }
}
