package org.tryst.bench.wire;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tryst.protocol.Codec;
import org.tryst.protocol.HttpApi;

/**
 * The generator's accounts on one Tryst server, numbered from 0, registered over HTTP as a client
 * registers, on first use or up front; the single-use socket ticket a client fetches before every
 * connect; and the username and password a telnet player logs in with.
 */
final class TrystAccounts {
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<Integer, String> tokens = new ConcurrentHashMap<>();
    private final Map<Integer, Object> locks = new ConcurrentHashMap<>();
    private final String password = "bench " + UUID.randomUUID();

    TrystAccounts(int port) {
        this.port = port;
    }

    /** The HTTP origin, as the client library takes it. */
    URI origin() {
        return URI.create("http://127.0.0.1:" + port);
    }

    URI socket() {
        return socket(port);
    }

    /** The WebSocket address of the Tryst process on {@code port}. */
    static URI socket(int port) {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    /** Registers accounts 0 to {@code count - 1} in parallel, so that what is timed later includes no Argon2id hashing. */
    void register(int count) throws IOException, InterruptedException {
        List<Future<String>> registered = new ArrayList<>();
        try (var registering = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int account = 0; account < count; account++) {
                int number = account;
                registered.add(registering.submit(() -> token(number)));
            }
        }
        for (Future<String> account : registered) {
            try {
                account.get();
            } catch (ExecutionException refused) {
                throw new IOException("registering an account failed", refused.getCause());
            }
        }
    }

    /** A fresh single-use ticket for a socket of the account. */
    String ticket(int account) throws IOException, InterruptedException {
        return post("/api/tickets", "{}", token(account), HttpApi.Ticket.class).ticket();
    }

    /** The account's username, registering the account the first time. */
    String username(int account) throws IOException, InterruptedException {
        token(account);
        return "bench" + account;
    }

    /** The password of every account here. */
    String password() {
        return password;
    }

    /** The account's session token, registering the account the first time. */
    String token(int account) throws IOException, InterruptedException {
        String token = tokens.get(account);
        if (token != null) return token;
        synchronized (locks.computeIfAbsent(account, unused -> new Object())) {
            token = tokens.get(account);
            if (token != null) return token;
            String body = new String(Codec.mapper().writeValueAsBytes(
                    new HttpApi.Register("bench" + account, password, true)), StandardCharsets.UTF_8);
            token = post("/api/register", body, null, HttpApi.LoggedIn.class).token();
            tokens.put(account, token);
            return token;
        }
    }

    private <T> T post(String path, String json, String token, Class<T> answer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(origin().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return Codec.mapper().readValue(response.body(), answer);
    }
}
