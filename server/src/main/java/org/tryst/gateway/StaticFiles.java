package org.tryst.gateway;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web client's files, served from the {@code web/} folder on the class path and kept in
 * memory once read. Paths are matched against a strict pattern, so nothing outside it is reachable.
 */
final class StaticFiles {
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+");
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

    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();
    private final String panicPage;

    StaticFiles(String panicPage) {
        this.panicPage = panicPage;
    }

    /** The file at a request path, or empty when there is none; {@code /hide} sends the panic key's page to the operator's choice. */
    Optional<FullHttpResponse> get(String path) {
        if (path.equals("/hide")) return Optional.of(HttpReplies.redirect(panicPage));
        String file = path.equals("/") ? "/index.html" : path;
        if (!SAFE_PATH.matcher(file).matches() || file.contains("..")) return Optional.empty();
        String extension = file.substring(file.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        if (type == null) return Optional.empty();
        return cache.computeIfAbsent(file, StaticFiles::read)
                .map(bytes -> HttpReplies.bytes(HttpResponseStatus.OK, type, bytes));
    }

    private static Optional<byte[]> read(String file) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/web" + file)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
