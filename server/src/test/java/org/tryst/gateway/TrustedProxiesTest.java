package org.tryst.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tryst.config.Config;

/** Which proxies are trusted, and whose address a request carries through them. */
class TrustedProxiesTest {
    private static final Config.ForwardedHeader X_FORWARDED_FOR = Config.ForwardedHeader.X_FORWARDED_FOR;
    private static final InetAddress PROXY = address("10.0.0.5");
    private static final InetAddress STRANGER = address("198.51.100.9");

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.255.1.2, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "192.168.1.128/25, 192.168.1.200, true",
            "192.168.1.128/25, 192.168.1.127, false",
            "192.0.2.7, 192.0.2.7, true",
            "192.0.2.7, 192.0.2.8, false",
            "0.0.0.0/0, 203.0.113.1, true",
            "0.0.0.0/0, 2001:db8::1, false",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "2001:db8::/32, 2001:db9::1, false",
            "fd00::/7, fdff::1, true",
            "fd00::/7, fc00::1, true",
            "fd00::/7, fe00::1, false",
            "::1, ::1, true",
            "::1, 127.0.0.1, false",
            "127.0.0.1, ::ffff:127.0.0.1, true",
            "::ffff:10.0.0.0/104, 10.1.2.3, true",
            "::ffff:10.0.0.0/104, 11.1.2.3, false",
            "10.1.2.3/8, 10.9.9.9, true",
    })
    void blocksMatchTheirAddresses(String block, String candidate, boolean contained) {
        assertThat(proxies(X_FORWARDED_FOR, block).trusted(address(candidate))).isEqualTo(contained);
    }

    @ParameterizedTest
    @CsvSource({"proxy.example", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/-1", "10.0.0.0/", "::ffff:10.0.0.0/80", "10.0.0.0/8/8"})
    void anEntryThatIsNoAddressOrBlockIsRefused(String entry) {
        assertThatThrownBy(() -> proxies(X_FORWARDED_FOR, entry)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(entry);
    }

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnored() {
        TrustedProxies none = TrustedProxies.of(http(List.of(), X_FORWARDED_FOR));
        assertThat(none.client(PROXY, headers("X-Forwarded-For", "192.0.2.1"))).isEqualTo("10.0.0.5");
    }

    @Test
    void aClientThatIsNoTrustedProxyCannotNameAnotherAddress() {
        assertThat(proxies(X_FORWARDED_FOR, "10.0.0.0/8").client(STRANGER, headers("X-Forwarded-For", "192.0.2.1")))
                .isEqualTo("198.51.100.9");
    }

    @Test
    void theRightmostHopThatIsNoTrustedProxyIsTheClient() {
        TrustedProxies proxies = proxies(X_FORWARDED_FOR, "10.0.0.0/8");
        assertThat(proxies.client(PROXY, headers("X-Forwarded-For", "192.0.2.66, 203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(proxies.client(PROXY, headers("X-Forwarded-For", "192.0.2.66, 203.0.113.7, 10.1.1.1"))).isEqualTo("203.0.113.7");
        assertThat(proxies.client(PROXY, headers("X-Forwarded-For", "203.0.113.7:5555"))).isEqualTo("203.0.113.7");
        assertThat(proxies.client(PROXY, headers("X-Forwarded-For", "192.0.2.66 ,  2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(proxies.client(PROXY, headers("X-Forwarded-For", "::ffff:203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void severalHeaderLinesAreOneList() {
        HttpHeaders headers = new DefaultHttpHeaders().add("X-Forwarded-For", "192.0.2.66").add("X-Forwarded-For", "203.0.113.7");
        assertThat(proxies(X_FORWARDED_FOR, "10.0.0.0/8").client(PROXY, headers)).isEqualTo("203.0.113.7");
    }

    @Test
    void whenEveryHopIsTrustedTheFarthestIsTheClient() {
        assertThat(proxies(X_FORWARDED_FOR, "10.0.0.0/8").client(PROXY, headers("X-Forwarded-For", "10.3.3.3, 10.2.2.2")))
                .isEqualTo("10.3.3.3");
    }

    @Test
    void aHopThatIsNoAddressLeavesTheProxyThatWroteIt() {
        TrustedProxies proxies = proxies(X_FORWARDED_FOR, "10.0.0.0/8");
        assertThat(proxies.client(PROXY, headers("X-Forwarded-For", "192.0.2.1, evil.example"))).isEqualTo("10.0.0.5");
        assertThat(proxies.client(PROXY, headers("X-Forwarded-For", "192.0.2.1, unknown, 10.2.2.2"))).isEqualTo("10.2.2.2");
        assertThat(proxies.client(PROXY, headers("X-Forwarded-For", ""))).isEqualTo("10.0.0.5");
    }

    @Test
    void forwardedElementsGiveTheirForParameter() {
        TrustedProxies proxies = proxies(Config.ForwardedHeader.FORWARDED, "10.0.0.0/8");
        assertThat(proxies.client(PROXY, headers("Forwarded", "for=192.0.2.60;proto=https;by=10.0.0.5"))).isEqualTo("192.0.2.60");
        assertThat(proxies.client(PROXY, headers("Forwarded", "for=192.0.2.60, For=\"[2001:db8:cafe::17]:4711\"")))
                .isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(proxies.client(PROXY, headers("Forwarded", "for=192.0.2.60, proto=https"))).as("an element without for")
                .isEqualTo("10.0.0.5");
        assertThat(proxies.client(PROXY, headers("Forwarded", "for=192.0.2.60, for=_hidden"))).isEqualTo("10.0.0.5");
    }

    @Test
    void onlyTheConfiguredHeaderCounts() {
        HttpHeaders both = new DefaultHttpHeaders().add("X-Forwarded-For", "203.0.113.7").add("Forwarded", "for=192.0.2.66");
        assertThat(proxies(X_FORWARDED_FOR, "10.0.0.0/8").client(PROXY, both)).isEqualTo("203.0.113.7");
        assertThat(proxies(Config.ForwardedHeader.FORWARDED, "10.0.0.0/8").client(PROXY, both)).isEqualTo("192.0.2.66");
    }

    private static TrustedProxies proxies(Config.ForwardedHeader header, String... blocks) {
        return TrustedProxies.of(http(List.of(blocks), header));
    }

    private static Config.Http http(List<String> trusted, Config.ForwardedHeader header) {
        Config.Http defaults = Config.defaults().http();
        return new Config.Http(defaults.bind(), defaults.port(), defaults.data(), trusted, header, defaults.secureCookie());
    }

    private static HttpHeaders headers(String name, String value) {
        return new DefaultHttpHeaders().add(name, value);
    }

    private static InetAddress address(String literal) {
        return TrustedProxies.literal(literal).orElseThrow();
    }
}
