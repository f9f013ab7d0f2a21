package org.tryst.gateway;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web client's files, served from the {@code web/} folder on the class path and kept in
 * memory once read. Paths are matched against a strict pattern, so nothing outside it is reachable.
 * The build leaves a brotli and a gzip copy beside each text file, and the smallest one the browser
 * accepts is sent. Files under {@code /assets/} have their content's hash in their names, so a
 * browser keeps them for good; everything else (the page itself) is asked for again every time.
 */
final class StaticFiles {
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+");
    private static final String HASHED = "/assets/";
    private static final String FOREVER = "public, max-age=31536000, immutable";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "webmanifest", "application/manifest+json",
            "woff2", "font/woff2");

    /** A content coding the build made a copy in, with the suffix of its file; the best first. */
    private enum Coding {
        BR("br", ".br"), GZIP("gzip", ".gz");

        final String token;
        final String suffix;

        Coding(String token, String suffix) {
            this.token = token;
            this.suffix = suffix;
        }
    }

    /** One file, as it is and in each coding the build made a smaller copy in. */
    private record File(byte[] plain, Map<Coding, byte[]> coded) {}

    private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();
    private final String panicPage;

    StaticFiles(String panicPage) {
        this.panicPage = panicPage;
    }

    /**
     * The file at a request path, in the best coding {@code acceptEncoding} allows, or empty when
     * there is none; {@code /hide} sends the panic key's page to the operator's choice.
     */
    Optional<FullHttpResponse> get(String path, String acceptEncoding) {
        if (path.equals("/hide")) return Optional.of(HttpReplies.redirect(panicPage));
        String name = path.equals("/") ? "/index.html" : path;
        if (!SAFE_PATH.matcher(name).matches() || name.contains("..")) return Optional.empty();
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) return Optional.empty();
        return cache.computeIfAbsent(name, StaticFiles::read).map(file -> response(name, type, file, accepted(acceptEncoding)));
    }

    private static FullHttpResponse response(String name, String type, File file, List<String> accepted) {
        Coding coding = List.of(Coding.values()).stream()
                .filter(candidate -> file.coded().containsKey(candidate) && accepted.contains(candidate.token)).findFirst().orElse(null);
        FullHttpResponse response = HttpReplies.bytes(HttpResponseStatus.OK, type, coding == null ? file.plain() : file.coded().get(coding));
        if (coding != null) response.headers().set(HttpHeaderNames.CONTENT_ENCODING, coding.token);
        if (!file.coded().isEmpty()) response.headers().set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
        if (name.startsWith(HASHED)) response.headers().set(HttpHeaderNames.CACHE_CONTROL, FOREVER);
        return response;
    }

    /** The codings a request accepts, without those it refuses with {@code q=0}. */
    private static List<String> accepted(String acceptEncoding) {
        if (acceptEncoding == null) return List.of();
        return List.of(acceptEncoding.toLowerCase(Locale.ROOT).split(",")).stream()
                .map(String::strip)
                .filter(coding -> !coding.matches(".*;\\s*q\\s*=\\s*0(\\.0*)?$"))
                .map(coding -> coding.replaceFirst(";.*", "").strip())
                .toList();
    }

    private static Optional<File> read(String name) {
        return bytes(name).map(plain -> {
            Map<Coding, byte[]> coded = new java.util.EnumMap<>(Coding.class);
            for (Coding coding : Coding.values()) bytes(name + coding.suffix).ifPresent(copy -> coded.put(coding, copy));
            return new File(plain, coded);
        });
    }

    private static Optional<byte[]> bytes(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/web" + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
