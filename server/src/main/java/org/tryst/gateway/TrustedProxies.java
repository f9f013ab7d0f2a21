package org.tryst.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tryst.config.Config;

/**
 * The reverse proxies whose forwarded-address header is believed, and the client's address read
 * through them: walking the hops from the nearest, the first address that is not a trusted proxy.
 * Nothing a client sends can name another address unless it comes through a trusted proxy.
 */
public final class TrustedProxies {
    private final List<Block> blocks;
    private final Config.ForwardedHeader header;

    private TrustedProxies(List<Block> blocks, Config.ForwardedHeader header) {
        this.blocks = blocks;
        this.header = header;
    }

    /** The trusted proxies of a configuration; throws {@link IllegalArgumentException} naming an entry that is no address or block. */
    public static TrustedProxies of(Config.Http http) {
        return new TrustedProxies(http.trustedProxies().stream().map(Block::parse).toList(), http.forwardedHeader());
    }

    /** The client's address, as text: the peer's own unless the peer is a trusted proxy. */
    String client(InetAddress peer, HttpHeaders headers) {
        if (blocks.isEmpty()) return peer.getHostAddress(); // the default: no header is read on any request
        InetAddress client = normalized(peer);
        if (!trusted(client)) return client.getHostAddress();
        List<String> hops = hops(headers);
        for (int i = hops.size() - 1; i >= 0; i--) {
            // A hop that is no address (RFC 7239's "unknown" or an obfuscated name) ends the walk at the proxy that wrote it.
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) break;
            client = hop.get();
            if (!trusted(client)) break;
        }
        return client.getHostAddress();
    }

    boolean trusted(InetAddress address) {
        InetAddress normalized = normalized(address);
        return blocks.stream().anyMatch(block -> block.contains(normalized));
    }

    /** The addresses the configured header lists, farthest first, as the proxies appended them. */
    private List<String> hops(HttpHeaders headers) {
        List<String> hops = new ArrayList<>();
        switch (header) {
            case X_FORWARDED_FOR -> {
                for (String value : headers.getAll("X-Forwarded-For")) hops.addAll(Arrays.asList(value.split(",")));
            }
            case FORWARDED -> {
                for (String value : headers.getAll("Forwarded")) {
                    for (String element : value.split(",")) hops.add(forwardedFor(element));
                }
            }
        }
        return hops;
    }

    /** The {@code for} parameter of one RFC 7239 element, unquoted; empty when it has none. */
    private static String forwardedFor(String element) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
                String value = pair.substring(equals + 1).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        return "";
    }

    /** An IP literal with an optional port ({@code 192.0.2.1:80}, {@code [2001:db8::1]:80}); never a DNS lookup. */
    static Optional<InetAddress> literal(String hop) {
        String text = hop.strip();
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            text = end < 0 ? "" : text.substring(1, end);
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            text = text.substring(0, text.indexOf(':'));
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        return bytes == null ? Optional.empty() : Optional.of(address(bytes));
    }

    /** Java turns IPv4-mapped IPv6 bytes into an IPv4 address, so that both spellings of one client are one. */
    private static InetAddress normalized(InetAddress address) {
        return address(address.getAddress());
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("an address of 4 or 16 bytes", impossible);
        }
    }

    /** One address block: the first {@code prefix} bits of {@code network}. */
    record Block(InetAddress network, int prefix) {
        static Block parse(String text) {
            String trimmed = text.strip();
            int slash = trimmed.indexOf('/');
            String literal = slash < 0 ? trimmed : trimmed.substring(0, slash);
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
            if (bytes == null) throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
            InetAddress network = address(bytes);
            int bits = bytes.length * 8;
            int prefix = slash < 0 ? bits : prefix(text, trimmed.substring(slash + 1), bits);
            // ::ffff:10.0.0.0/104 is 10.0.0.0/8, since IPv4-mapped addresses are matched as IPv4.
            if (bytes.length == 16 && network instanceof Inet4Address) {
                if (prefix < 96) throw new IllegalArgumentException("'" + text + "' mixes IPv4-mapped and other IPv6 addresses");
                prefix -= 96;
            }
            return new Block(network, prefix);
        }

        private static int prefix(String text, String digits, int bits) {
            if (!digits.matches("[0-9]{1,3}") || Integer.parseInt(digits) > bits) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0 to " + bits);
            }
            return Integer.parseInt(digits);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            byte[] mine = network.getAddress();
            if (candidate.length != mine.length) return false;
            int whole = prefix / 8;
            if (!Arrays.equals(candidate, 0, whole, mine, 0, whole)) return false;
            int rest = prefix % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (candidate[whole] & mask) == (mine[whole] & mask);
        }
    }
}
