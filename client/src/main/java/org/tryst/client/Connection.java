package org.tryst.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.HttpApi;
import org.tryst.protocol.ServerMessage;

/**
 * One WebSocket to a Tryst server, after the HTTP login. Everything that arrives is handled on one
 * thread, in arrival order: replies complete their requests' futures there, and events go to the
 * listener there, so that code reacting to a reply sees exactly the events that came before it.
 */
public final class Connection implements AutoCloseable {
    private final HttpClient http = HttpClient.newHttpClient();
    /** Where the socket was opened, and with which session, for the account's HTTP requests. */
    private URI server;
    private String token;
    private final ExecutorService inbound = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("tryst-inbound").daemon().factory());
    private final Map<String, CompletableFuture<ServerMessage>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    /** Touched on the inbound thread only; events before the first listener wait in {@link #early}. */
    private Consumer<ServerMessage> listener;
    private final List<ServerMessage> early = new ArrayList<>();
    private WebSocket socket;
    /** The server's answer to hello: who the account is, and its settings such as sharing typing. */
    private volatile ServerMessage.Welcome welcome;

    private Connection() {}

    /** Registers an account (confirming the user is an adult) and returns its session token. */
    public static HttpApi.LoggedIn register(URI server, String username, String password) {
        return post(server, "/api/register", new HttpApi.Register(username, password, true), null, HttpApi.LoggedIn.class);
    }

    /** What the first step of a log-in gave: a session token, or a log-in waiting for a code of the account's second factor. */
    public sealed interface LoginStep {
        /** Logged in: the session token. */
        record In(String token) implements LoginStep {}

        /** The password was right; the log-in waits for a code ({@link #loginWithCode}). */
        record CodeNeeded(String pending) implements LoginStep {}
    }

    /** Logs in with the password. */
    public static LoginStep login(URI server, String username, String password) {
        com.fasterxml.jackson.databind.JsonNode answer = post(server, "/api/login", new HttpApi.Login(username, password), null,
                com.fasterxml.jackson.databind.JsonNode.class);
        return answer.has("pending") ? new LoginStep.CodeNeeded(answer.get("pending").asText()) : new LoginStep.In(answer.get("token").asText());
    }

    /** The second step of a log-in: a one-time code of the account's app, or one of its recovery codes; the session token. */
    public static String loginWithCode(URI server, String pending, String code) {
        return post(server, "/api/login/code", new HttpApi.Code(pending, code), null, HttpApi.LoggedIn.class).token();
    }

    /** Ends the session on the server, so that it no longer stands among the account's sessions. */
    public static void logout(URI server, String token) {
        post(server, "/api/logout", Map.of(), token, Void.class);
    }

    /** Opens a socket with a fresh ticket for the session and says hello. */
    public static Connection open(URI server, String token) {
        Connection connection = new Connection();
        connection.server = server;
        connection.token = token;
        String ticket = post(server, "/api/tickets", Map.of(), token, HttpApi.Ticket.class).ticket();
        URI ws = URI.create(server.toString().replaceFirst("^http", "ws") + "/ws");
        connection.socket = connection.http.newWebSocketBuilder().buildAsync(ws, connection.new Reader()).join();
        connection.welcome = (ServerMessage.Welcome) connection.request(id -> new ClientMessage.Hello(id, Codec.VERSION, ticket)).join();
        return connection;
    }

    /** The account's own data, as the server gives it for download: a zip of JSON files ({@code GET /api/export}). */
    public byte[] exportMyData() {
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/export")).header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                ServerMessage.Error error = Codec.mapper().readValue(response.body(), ServerMessage.Error.class);
                throw new RequestFailed(error.code(), error.message(), error.retryAfterMs());
            }
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's {@code welcome}, as it answered this socket's hello. */
    public ServerMessage.Welcome welcome() {
        return welcome;
    }

    /**
     * Where events go; called on the inbound thread. Events that came before (such as the warnings
     * sent right after {@code welcome}) go to the first listener, in order, before any later one.
     */
    public void listen(Consumer<ServerMessage> listener) {
        inbound.execute(() -> {
            this.listener = listener;
            early.forEach(listener);
            early.clear();
        });
    }

    /** Sends a request built around a fresh id; the future completes with the reply, or fails with {@link RequestFailed}. */
    public CompletableFuture<ServerMessage> request(Function<String, ClientMessage> build) {
        String id = "r" + ids.incrementAndGet();
        CompletableFuture<ServerMessage> reply = new CompletableFuture<>();
        pending.put(id, reply);
        byte[] json = Codec.encode(build.apply(id));
        synchronized (this) {
            socket.sendText(new String(json, StandardCharsets.UTF_8), true).join();
        }
        return reply;
    }

    /** Runs work on the inbound thread, after everything received so far. */
    public void later(Runnable work) {
        inbound.execute(work);
    }

    /** Completes with the close code when the server closes the socket, on the inbound thread after every event before the close. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        if (socket != null) socket.abort();
        inbound.shutdown();
        http.close();
    }

    private void received(String text) {
        ServerMessage message;
        try {
            message = Codec.decodeServer(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return; // a newer server's message this client does not know; nothing to do with it
        }
        CompletableFuture<ServerMessage> reply = message instanceof ServerMessage.Reply answer && answer.id() != null
                ? pending.remove(answer.id()) : null;
        if (reply == null && listener == null) {
            early.add(message);
        } else if (reply == null) {
            listener.accept(message);
        } else if (message instanceof ServerMessage.Error error) {
            reply.completeExceptionally(new RequestFailed(error.code(), error.message(), error.retryAfterMs()));
        } else {
            reply.complete(message);
        }
    }

    private static <T> T post(URI server, String path, Object body, String token, Class<T> answer) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Codec.mapper().writeValueAsBytes(body)));
            if (token != null) request.header("Authorization", "Bearer " + token);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                ServerMessage.Error error = Codec.mapper().readValue(response.body(), ServerMessage.Error.class);
                throw new RequestFailed(error.code(), error.message(), error.retryAfterMs());
            }
            return answer == Void.class ? null : Codec.mapper().readValue(response.body(), answer);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Collects a text message from its frames and hands it to the inbound thread. */
    private final class Reader implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                inbound.execute(() -> received(text));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended(-1, String.valueOf(error));
        }

        /**
         * The close is told after what arrived before it, such as the notice that says why or a last
         * reply (the server answers some requests and then closes): requests still waiting fail only then.
         */
        private void ended(int code, String reason) {
            Runnable end = () -> {
                pending.values().forEach(reply -> reply.completeExceptionally(new RequestFailed("closed", reason)));
                closed.complete(code);
            };
            try {
                inbound.execute(end);
            } catch (RejectedExecutionException closedHere) {
                end.run();
            }
        }
    }
}
