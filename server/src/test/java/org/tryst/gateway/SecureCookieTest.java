package org.tryst.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** The session cookie is Secure when the site is served over https, unless the operator says otherwise. */
class SecureCookieTest {
    @RegisterExtension
    static final TestServer HTTPS = TestServer.sqlite().with("TRYST_GATEWAY_ALLOWED_ORIGINS", "https://tryst.example");

    @RegisterExtension
    static final TestServer PLAIN = TestServer.sqlite();

    @RegisterExtension
    static final TestServer HTTPS_NEVER = TestServer.sqlite()
            .with("TRYST_GATEWAY_ALLOWED_ORIGINS", "https://tryst.example")
            .with("TRYST_HTTP_SECURE_COOKIE", "never");

    @RegisterExtension
    static final TestServer PLAIN_ALWAYS = TestServer.sqlite().with("TRYST_HTTP_SECURE_COOKIE", "always");

    @Test
    void anHttpsOriginMakesTheCookieSecure() {
        assertThat(cookieOfRegistration(HTTPS).getSecure()).isTrue();
        assertThat(cookieOfLogin(HTTPS).getSecure()).isTrue();
    }

    @Test
    void aPlainHttpSiteKeepsAPlainCookie() {
        HttpCookie cookie = cookieOfRegistration(PLAIN);
        assertThat(cookie.getSecure()).isFalse();
        assertThat(cookie.isHttpOnly()).isTrue();
    }

    @Test
    void theOperatorDecidesOverTheOrigins() {
        assertThat(cookieOfRegistration(HTTPS_NEVER).getSecure()).isFalse();
        assertThat(cookieOfRegistration(PLAIN_ALWAYS).getSecure()).isTrue();
    }

    private static HttpCookie cookieOfRegistration(TestServer server) {
        HttpResponse<String> registered = server.post("/api/register",
                Map.of("username", TestServer.uniqueName("cookie"), "password", TestServer.PASSWORD, "adult", true), null);
        assertThat(registered.statusCode()).isEqualTo(201);
        return sessionCookie(registered);
    }

    private static HttpCookie cookieOfLogin(TestServer server) {
        TestServer.User user = server.register("cookie");
        HttpResponse<String> loggedIn = server.post("/api/login", Map.of("username", user.username(), "password", user.password()), null);
        assertThat(loggedIn.statusCode()).isEqualTo(200);
        return sessionCookie(loggedIn);
    }

    private static HttpCookie sessionCookie(HttpResponse<String> response) {
        String header = response.headers().firstValue("set-cookie").orElseThrow();
        HttpCookie cookie = HttpCookie.parse(header).getFirst();
        assertThat(cookie.getName()).isEqualTo(AccountApi.COOKIE);
        return cookie;
    }
}
