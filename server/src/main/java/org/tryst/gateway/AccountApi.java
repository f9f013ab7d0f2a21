package org.tryst.gateway;

import java.util.regex.Pattern;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.accounts.Accounts;
import org.tryst.accounts.Session;
import org.tryst.accounts.Sessions;
import org.tryst.cluster.Audience;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.personas.Avatars;
import org.tryst.protocol.CloseCodes;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.HttpApi;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;

/**
 * The HTTP API that comes before a socket: register, log in, log out, and get a socket ticket; and
 * personas' pictures, which a browser asks for by URL. Runs on a virtual thread, since password
 * hashing takes a while on purpose.
 */
final class AccountApi {
    private static final Logger log = LoggerFactory.getLogger(AccountApi.class);

    /**
     * The session cookie: HttpOnly and SameSite=Strict, so scripts and other sites never see or send
     * it, and Secure when the site is served over https, so it never travels in clear.
     */
    static final String COOKIE = "tryst_session";

    /** Where personas' pictures are, by content hash. */
    private static final String AVATARS = "/api/avatars/";
    private static final Pattern AVATAR_HASH = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Accounts accounts;
    private final Sessions sessions;
    private final Avatars avatars;
    private final boolean secureCookie;
    private final Delivery delivery;

    AccountApi(Accounts accounts, Sessions sessions, Avatars avatars, Delivery delivery, boolean secureCookie) {
        this.delivery = delivery;
        this.accounts = accounts;
        this.sessions = sessions;
        this.avatars = avatars;
        this.secureCookie = secureCookie;
    }

    FullHttpResponse handle(FullHttpRequest request, String path, String address) {
        try {
            if (path.startsWith(AVATARS)) return avatar(request, path.substring(AVATARS.length()));
            if (request.method() != HttpMethod.POST) {
                return HttpReplies.error(HttpResponseStatus.METHOD_NOT_ALLOWED, ErrorCode.INVALID_MESSAGE, "use POST");
            }
            String userAgent = request.headers().get(HttpHeaderNames.USER_AGENT);
            return switch (path) {
                case "/api/register" -> {
                    HttpApi.Register body = body(request, HttpApi.Register.class);
                    Accounts.Login registered = accounts.register(body.username(), body.password(), body.adult(), address, userAgent);
                    log.atInfo().log("account registered");
                    yield loggedIn(HttpResponseStatus.CREATED, registered);
                }
                case "/api/login" -> {
                    HttpApi.Login body = body(request, HttpApi.Login.class);
                    yield attempted(accounts.login(body.username(), body.password(), address, userAgent));
                }
                case "/api/login/code" -> {
                    HttpApi.Code body = body(request, HttpApi.Code.class);
                    yield attempted(accounts.secondStep(body.pending(), body.code(), address));
                }
                case "/api/recover" -> {
                    HttpApi.Recover body = body(request, HttpApi.Recover.class);
                    Accounts.Recovered recovered = accounts.recover(body.username(), body.code(), body.password(), address, userAgent);
                    ServerMessage why = new ServerMessage.Error(null, ErrorCode.SESSION_INVALID.wire(), "the password was reset", null);
                    recovered.endedSessions().forEach(ended -> delivery.publish(new Event.Close(new Audience.Session(ended), why,
                            CloseCodes.SESSION_ENDED, "password reset", null)));
                    log.atInfo().addKeyValue("sessionsEnded", recovered.endedSessions().size()).log("password reset with a recovery code");
                    yield attempted(recovered.next());
                }
                case "/api/logout" -> {
                    Session session = session(request);
                    sessions.revoke(session.accountId(), session.id());
                    FullHttpResponse response = HttpReplies.bytes(HttpResponseStatus.NO_CONTENT, "text/plain", new byte[0]);
                    response.headers().add(HttpHeaderNames.SET_COOKIE, cookie("", 0));
                    yield response;
                }
                case "/api/session" -> {
                    // Answers 200 either way, so that a page asking on load logs no error when nobody is logged in.
                    var current = sessions.authenticate(token(request));
                    yield HttpReplies.json(HttpResponseStatus.OK, current
                            .map(session -> new HttpApi.SessionState(true, accounts.byId(session.accountId()).username()))
                            .orElse(new HttpApi.SessionState(false, null)));
                }
                case "/api/tickets" -> {
                    Session session = session(request);
                    accounts.requireAdmitted(session.accountId());
                    Sessions.Ticket ticket = sessions.ticket(session);
                    yield HttpReplies.json(HttpResponseStatus.OK, new HttpApi.Ticket(ticket.ticket(), ticket.expiresAt()));
                }
                default -> HttpReplies.error(HttpResponseStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "no such endpoint");
            };
        } catch (ProtocolException problem) {
            // Who tried is not logged: only that a registration or login was refused, and why.
            if (path.equals("/api/register") || path.startsWith("/api/login") || path.equals("/api/recover")) {
                log.atInfo().addKeyValue("path", path).addKeyValue("error", problem.code().wire()).log("refused");
            }
            return HttpReplies.error(problem);
        } catch (RuntimeException unexpected) {
            log.atError().setCause(unexpected).addKeyValue("path", path).log("API request failed");
            return HttpReplies.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL, "the server failed; try again");
        }
    }

    /**
     * A persona's picture, to people logged in. Its name is its content's hash, so the browser keeps
     * it for good; only for this person, since it was asked for with their session.
     */
    private FullHttpResponse avatar(FullHttpRequest request, String hash) {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            return HttpReplies.error(HttpResponseStatus.METHOD_NOT_ALLOWED, ErrorCode.INVALID_MESSAGE, "use GET");
        }
        session(request);
        if (!AVATAR_HASH.matcher(hash).matches()) return HttpReplies.error(HttpResponseStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "no such avatar");
        return avatars.image(hash).map(image -> {
            FullHttpResponse response = HttpReplies.bytes(HttpResponseStatus.OK, image.type(), image.bytes());
            response.headers().set(HttpHeaderNames.CACHE_CONTROL, "private, max-age=31536000, immutable");
            return response;
        }).orElseGet(() -> HttpReplies.error(HttpResponseStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "no such avatar"));
    }

    /** The session token of a request: the bearer token, else the cookie; null when neither. */
    static String token(FullHttpRequest request) {
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        String cookies = request.headers().get(HttpHeaderNames.COOKIE);
        if (cookies == null) return null;
        for (Cookie cookie : ServerCookieDecoder.STRICT.decode(cookies)) {
            if (cookie.name().equals(COOKIE)) return cookie.value();
        }
        return null;
    }

    private Session session(FullHttpRequest request) {
        return sessions.authenticate(token(request))
                .orElseThrow(() -> new ProtocolException(ErrorCode.SESSION_INVALID, "log in first"));
    }

    /** In, with a session; or, for an account with a second factor, the log-in waiting for its code. */
    private FullHttpResponse attempted(Accounts.Attempt attempt) {
        return switch (attempt) {
            case Accounts.Login login -> {
                log.atInfo().log("logged in");
                yield loggedIn(HttpResponseStatus.OK, login);
            }
            case Accounts.SecondFactorNeeded waiting -> HttpReplies.json(HttpResponseStatus.OK,
                    new HttpApi.SecondFactor("totp", waiting.pending(), waiting.expiresAt()));
        };
    }

    private FullHttpResponse loggedIn(HttpResponseStatus status, Accounts.Login login) {
        Sessions.Issued issued = login.issued();
        FullHttpResponse response = HttpReplies.json(status, new HttpApi.LoggedIn(login.account().username(),
                issued.session().id(), issued.token(), issued.session().expiresAt(), login.recoveryCodes()));
        long maxAgeSeconds = (issued.session().expiresAt() - issued.session().createdAt()) / 1000;
        response.headers().add(HttpHeaderNames.SET_COOKIE, cookie(issued.token(), maxAgeSeconds));
        return response;
    }

    private String cookie(String value, long maxAgeSeconds) {
        DefaultCookie cookie = new DefaultCookie(COOKIE, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookie);
        cookie.setPath("/");
        cookie.setSameSite(CookieHeaderNames.SameSite.Strict);
        cookie.setMaxAge(maxAgeSeconds);
        return ServerCookieEncoder.STRICT.encode(cookie);
    }

    private static <T> T body(FullHttpRequest request, Class<T> type) {
        return Codec.decodeBody(ByteBufUtil.getBytes(request.content()), type);
    }
}
