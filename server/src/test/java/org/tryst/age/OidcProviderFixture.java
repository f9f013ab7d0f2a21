package org.tryst.age;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;
import org.tryst.TestServer;

/**
 * A real OpenID Connect provider on loopback (NAV's mock-oauth2-server: discovery, JWKS, the
 * authorization and token endpoints, PKCE), and a browser's steps through a check against it.
 */
final class OidcProviderFixture implements AutoCloseable {
    static final String ISSUER_ID = "age";
    static final String CLIENT_ID = "tryst-test";
    static final String CLIENT_SECRET = "a client secret of the test";
    /** Where the test servers say they are; the browser steps below go to the real port instead. */
    static final String PUBLIC_URL = "http://localhost:8080";

    /** ID tokens the token endpoint answers with before any it would issue itself: made by the test, forged or signed by the provider. */
    private final Queue<String> prepared = new ConcurrentLinkedQueue<>();
    private final MockOAuth2Server server = new MockOAuth2Server(new Route() {
        @Override
        public boolean match(OAuth2HttpRequest request) {
            return request.getMethod().equals("POST") && request.getUrl().encodedPath().endsWith("/token") && !prepared.isEmpty();
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            String body = "{\"token_type\":\"Bearer\",\"access_token\":\"an access token\",\"expires_in\":3600,\"id_token\":\""
                    + prepared.remove() + "\"}";
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 200, body, null);
        }
    });
    private final HttpClient http = HttpClient.newHttpClient();

    OidcProviderFixture() {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** A Tryst server that verifies ages with this provider, reading the claim. */
    TestServer tryst(String claim, boolean required) {
        return tryst(TestServer.sqlite(), claim, required);
    }

    /** The same on another kind of server: PostgreSQL, several processes. */
    TestServer tryst(TestServer base, String claim, boolean required) {
        return base.with("TRYST_AGE_REQUIRED", Boolean.toString(required)).with("TRYST_AGE_ISSUER", issuer())
                .with("TRYST_AGE_CLIENT_ID", CLIENT_ID).with("TRYST_AGE_CLIENT_SECRET", CLIENT_SECRET).with("TRYST_AGE_CLAIM", claim)
                .with("TRYST_AGE_SCOPE", "openid birthdate").with("TRYST_AGE_PUBLIC_URL", PUBLIC_URL);
    }

    /** The next ID token the provider issues has these claims and subject. */
    void nextLogin(String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims, 3600));
    }

    /** The provider's next answer at its token endpoint is this ID token. */
    void nextTokenResponse(String idToken) {
        prepared.add(idToken);
    }

    /** An ID token signed by a key of the test's own that claims the provider's key id: a forgery. */
    String forged(JWTClaimsSet claims) {
        try {
            RSAKey theirs = new RSAKeyGenerator(2048).keyID(providerKeyId()).generate();
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(theirs.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            token.sign(new RSASSASigner(theirs));
            return token.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims a correct ID token for a check would hold. */
    JWTClaimsSet.Builder claims(Check check, String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer()).subject(subject).audience(CLIENT_ID).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).claim("nonce", check.nonce());
    }

    /** A token signed by the provider itself, through its own API, with these claims besides the subject and audience. */
    String issuedByProvider(String subject, List<String> audience, Map<String, Object> claims, long expirySeconds) {
        return server.issueToken(ISSUER_ID, CLIENT_ID, new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", audience, claims, expirySeconds))
                .serialize();
    }

    private String providerKeyId() throws Exception {
        String jwks = http.send(HttpRequest.newBuilder(server.jwksUrl(ISSUER_ID).uri()).build(), HttpResponse.BodyHandlers.ofString()).body();
        return JWKSet.parse(jwks).getKeys().getFirst().getKeyID();
    }

    /** A check as the browser sees it: the provider's authorization address Tryst sent it to, and the cookie that came with it. */
    record Check(URI authorization, String cookie, Map<String, String> query) {
        String state() {
            return query.get("state");
        }

        String nonce() {
            return query.get("nonce");
        }
    }

    /** The browser follows {@code /api/age/start} with the session: to the provider. */
    Check start(TestServer tryst, TestServer.User user) {
        return start(tryst.http("/api/age/start"), user);
    }

    /** The same at a given server process's address of {@code /api/age/start}. */
    Check start(URI address, TestServer.User user) {
        HttpResponse<String> started = get(address, "Authorization", "Bearer " + user.token());
        if (started.statusCode() != 302) throw new AssertionError("start answered " + started.statusCode() + ": " + started.body());
        URI authorization = URI.create(started.headers().firstValue("Location").orElseThrow());
        String cookie = started.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("tryst_age="))
                .map(value -> value.substring(0, value.indexOf(';'))).findFirst().orElseThrow();
        return new Check(authorization, cookie, query(authorization));
    }

    /** The browser at the provider, which logs the person in at once and sends them back: the query it sends back with. */
    String authorize(Check check) {
        HttpResponse<String> answered = get(check.authorization());
        if (answered.statusCode() != 302) throw new AssertionError("the provider answered " + answered.statusCode() + ": " + answered.body());
        URI back = URI.create(answered.headers().firstValue("Location").orElseThrow());
        if (!back.toString().startsWith(PUBLIC_URL + "/api/age/callback?")) throw new AssertionError("sent back to " + back);
        return back.getRawQuery();
    }

    /** The browser back at Tryst's callback with the provider's query and the check's cookie: where Tryst sends it. */
    String callback(TestServer tryst, String query, String cookie) {
        return callback(tryst.http("/api/age/callback?" + query), cookie);
    }

    /** The same at a given server process's address of the callback, query included. */
    String callback(URI address, String cookie) {
        HttpResponse<String> back = cookie == null ? get(address) : get(address, "Cookie", cookie);
        if (back.statusCode() != 302) throw new AssertionError("the callback answered " + back.statusCode() + ": " + back.body());
        return back.headers().firstValue("Location").orElseThrow();
    }

    /** A whole check: start, the provider, back; where the browser lands. */
    String verify(TestServer tryst, TestServer.User user) {
        Check check = start(tryst, user);
        return callback(tryst, authorize(check), check.cookie());
    }

    HttpResponse<String> get(URI uri, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
            if (headers.length > 0) request.headers(headers);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
