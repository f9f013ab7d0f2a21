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
 * Tryst's own protocol, used as a real client uses it: an account registered over HTTP, a
 * single-use ticket fetched before every connect, {@code hello}, then a persona per connection
 * that joins its channel. Accounts are made on first use, {@code personasPerAccount} connections
 * to an account, since each registration costs an Argon2id hash on the server.
 */
public final class TrystDialect implements Dialect {
    private final int port;
    private final int personasPerAccount;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<Integer, String> tokens = new ConcurrentHashMap<>();
    private final Map<Integer, Object> locks = new ConcurrentHashMap<>();
    private final String password = "bench " + UUID.randomUUID();

    public TrystDialect(int port, int personasPerAccount) {
        this.port = port;
        this.personasPerAccount = personasPerAccount;
    }

    @Override
    public URI endpoint() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    @Override
    public String subprotocol() {
        return null;
    }

    /** Registers the accounts up front, in parallel, so that connect rates do not include Argon2id hashing. */
    @Override
    public void prepare(int connections) throws IOException, InterruptedException {
        List<Future<String>> registered = new ArrayList<>();
        try (var registering = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int account = 0; account * personasPerAccount < connections; account++) {
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

    @Override
    public Conversation open(int index, String room) throws IOException, InterruptedException {
        String token = token(index / personasPerAccount);
        String ticket = post("/api/tickets", "{}", token, HttpApi.Ticket.class).ticket();
        return new TrystConversation(ticket, "Bench" + index, room);
    }

    private String token(int account) throws IOException, InterruptedException {
        String token = tokens.get(account);
        if (token != null) return token;
        synchronized (lockFor(account)) {
            token = tokens.get(account);
            if (token != null) return token;
            String body = new String(Codec.mapper().writeValueAsBytes(
                    new HttpApi.Register("bench" + account, password, true)), StandardCharsets.UTF_8);
            token = post("/api/register", body, null, HttpApi.LoggedIn.class).token();
            tokens.put(account, token);
            return token;
        }
    }

    private Object lockFor(int account) {
        return locks.computeIfAbsent(account, unused -> new Object());
    }

    private <T> T post(String path, String json, String token, Class<T> answer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
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
