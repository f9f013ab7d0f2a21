package org.tryst;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tryst.config.Config;
import org.tryst.config.ConfigLoader;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.HttpApi;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Scratch;
import org.tryst.testkit.Wire;

/**
 * A real server on a free port with its own data directory, for tests that drive it through
 * HTTP and raw WebSockets as any client would. Options are set the way an operator sets them:
 * as environment variables over the defaults. A cluster is two server processes (two servers in
 * this JVM, sharing nothing but what two processes share) on one PostgreSQL database and a real
 * nats-server, with each new socket placed on the next process in turn.
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback {
    /** A password that passes the policy, for accounts made by tests. */
    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Map<String, String> options = new HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Clock clock = Clock.systemUTC();
    private Path data;
    private Server server;
    private int processes = 1;
    private final java.util.List<Server> others = new java.util.ArrayList<>();
    private final AtomicInteger placed = new AtomicInteger();

    private TestServer() {
        options.put("TRYST_HTTP_PORT", "0");
        options.put("TRYST_TELNET_PORT", "0");
        options.put("TRYST_METRICS_LISTEN", "127.0.0.1:0");
        // Tests log in many times from one address; the throttling tests set their own limits.
        options.put("TRYST_ACCOUNTS_LOGIN_FAILURES_PER_ADDRESS", "1000");
        options.put("TRYST_ACCOUNTS_REGISTRATIONS_PER_ADDRESS", "1000");
        options.put("TRYST_RATE_LIMITS_MESSAGES_PER_SECOND_PER_ADDRESS", "1000");
        options.put("TRYST_RATE_LIMITS_BURST_PER_ADDRESS", "2000");
        options.put("TRYST_RATE_LIMITS_BURST_PER_ACCOUNT", "200");
        for (String action : new String[] {"INVITATIONS_PER_HOUR", "CHANNEL_MESSAGES_PER_MINUTE", "REPORTS_PER_HOUR"}) {
            options.put("TRYST_RATE_LIMITS_" + action + "_PER_ACCOUNT", "100000");
            options.put("TRYST_RATE_LIMITS_" + action + "_PER_ADDRESS", "100000");
        }
    }

    /** A server on SQLite with the defaults, except generous per-address limits. */
    public static TestServer sqlite() {
        return new TestServer();
    }

    /** A server on a fresh database of the shared embedded PostgreSQL. */
    public static TestServer postgresql() {
        return postgresql(EmbeddedPostgres.freshDatabase());
    }

    /** A server on the given PostgreSQL database. */
    static TestServer postgresql(EmbeddedPostgres.Database database) {
        TestServer server = new TestServer();
        server.options.put("TRYST_STORAGE_KIND", "postgresql");
        server.options.put("TRYST_STORAGE_POSTGRESQL_URL", database.url());
        server.options.put("TRYST_STORAGE_POSTGRESQL_USER", database.user());
        server.options.put("TRYST_STORAGE_POSTGRESQL_PASSWORD", database.password());
        return server;
    }

    /** Two server processes on a fresh PostgreSQL database and the shared nats-server, each with a subject of its own. */
    public static TestServer cluster() {
        return cluster(2);
    }

    /** Server processes on a fresh PostgreSQL database and a nats-server (the shared one, unless the test names its own). */
    public static TestServer cluster(int processes) {
        TestServer server = postgresql();
        server.processes = processes;
        server.options.put("TRYST_CLUSTER_SUBJECT", "test" + NAMES.incrementAndGet());
        return server;
    }

    /** How many server processes this is. */
    public int processes() {
        return processes;
    }

    /** Sets an option by its environment variable name. */
    public TestServer with(String environmentName, String value) {
        options.put(environmentName, value);
        return this;
    }

    /** Runs the server on a clock the test controls. */
    public TestServer with(Clock clock) {
        this.clock = clock;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        data = Scratch.directory("tryst-test");
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        Scratch.delete(data);
    }

    /** Starts (again) on the same data directory; a cluster starts all its processes. */
    public void start() throws InterruptedException {
        if (clustered()) options.putIfAbsent("TRYST_CLUSTER_NATS_URL", SharedNats.url());
        server = Server.start(config(0), clock);
        for (int process = 1; process < processes; process++) others.add(Server.start(config(process), clock));
    }

    /** Stops one process of a cluster, as an orderly shutdown would (its sockets are told to go elsewhere). */
    public void stop(int process) {
        if (process == 0) {
            server.close();
            server = null;
        } else {
            others.get(process - 1).close();
        }
    }

    private Config config(int process) {
        Map<String, String> environment = new HashMap<>(options);
        environment.put("TRYST_HTTP_DATA", data.toString());
        if (clustered()) environment.put("TRYST_CLUSTER_NODE", "process-" + process);
        return ConfigLoader.load(null, environment);
    }

    private boolean clustered() {
        return options.containsKey("TRYST_CLUSTER_SUBJECT");
    }

    /** The options another process of this cluster runs with, as environment variables: the same database, bus and limits. */
    public Map<String, String> environment(String node) {
        Map<String, String> environment = new HashMap<>(options);
        environment.put("TRYST_CLUSTER_NODE", node);
        return environment;
    }

    /** The server's configuration, as an operator's tool on the same data would load it. */
    public Config config() {
        return config(0);
    }

    public void stop() {
        if (server != null) server.close();
        server = null;
        others.forEach(Server::close);
        others.clear();
    }

    /** A JDBC connection to the server's database, to check what it stores. */
    public java.sql.Connection database() throws java.sql.SQLException {
        if ("postgresql".equals(options.get("TRYST_STORAGE_KIND"))) {
            return java.sql.DriverManager.getConnection(options.get("TRYST_STORAGE_POSTGRESQL_URL"),
                    options.get("TRYST_STORAGE_POSTGRESQL_USER"), options.get("TRYST_STORAGE_POSTGRESQL_PASSWORD"));
        }
        return java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("tryst.db"));
    }

    /** The server's database opened a second time, as another server process or the command line would. */
    public org.tryst.storage.Database openDatabase() {
        if ("postgresql".equals(options.get("TRYST_STORAGE_KIND"))) {
            return org.tryst.storage.Database.postgresql(options.get("TRYST_STORAGE_POSTGRESQL_URL"), options.get("TRYST_STORAGE_POSTGRESQL_USER"),
                    options.get("TRYST_STORAGE_POSTGRESQL_PASSWORD"), 4);
        }
        return org.tryst.storage.Database.sqlite(data.resolve("tryst.db"));
    }

    /** Every directory where this server's state lands: its data directory, and the database cluster's when on PostgreSQL. */
    public java.util.List<Path> storageDirectories() {
        if ("postgresql".equals(options.get("TRYST_STORAGE_KIND"))) return java.util.List.of(data, EmbeddedPostgres.dataDirectory());
        return java.util.List.of(data);
    }

    public Path data() {
        return data;
    }

    public int port() {
        return server.httpPort();
    }

    /** The port telnet listens on. */
    public int telnetPort() {
        return server.telnetPort();
    }

    /** The port telnet over TLS listens on; the test must have given a certificate. */
    public int telnetTlsPort() {
        return server.telnetTlsPort().orElseThrow();
    }

    /** The port of one process of a cluster (0 is the first). */
    public int port(int process) {
        return process == 0 ? port() : others.get(process - 1).httpPort();
    }

    /** The WebSocket address of one process of a cluster. */
    public URI ws(int process) {
        return URI.create("ws://127.0.0.1:" + port(process) + "/ws");
    }

    /** A socket that said hello as the user on one process, with a ticket fetched from the first. */
    public Wire connect(User user, int process) {
        Wire wire = Wire.connect(ws(process), "http://127.0.0.1:" + port(process));
        String id = wire.nextId();
        wire.send(new ClientMessage.Hello(id, Codec.VERSION, ticket(user.token())));
        wire.expect(ServerMessage.Welcome.class);
        return wire;
    }

    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    public URI ws() {
        return URI.create("ws://127.0.0.1:" + port() + "/ws");
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** The port of the server's metrics listener, unless it is off. */
    public java.util.OptionalInt metricsPort() {
        return server.metricsPort();
    }

    /** The address of {@code /metrics} on the server's metrics listener. */
    public URI metrics() {
        return URI.create("http://127.0.0.1:" + metricsPort().orElseThrow() + "/metrics");
    }

    /** The value of a metric without labels, read from {@code /metrics} as Prometheus would. */
    public double metric(String name) {
        return metric(0, name);
    }

    /** The value of a metric without labels on one process of a cluster. */
    public double metric(int process, String name) {
        int port = (process == 0 ? server : others.get(process - 1)).metricsPort().orElseThrow();
        try {
            String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return text.lines().filter(line -> line.startsWith(name + " ")).mapToDouble(line ->
                    Double.parseDouble(line.substring(name.length() + 1).strip())).findFirst().orElse(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code ./tryst admin ARGS} on this server's data directory, as an operator on the same machine would; the exit code. */
    public int admin(String... args) {
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of("admin"));
        line.addAll(java.util.List.of(args));
        line.addAll(java.util.List.of("--data", data.toString()));
        return Main.commandLine().execute(line.toArray(String[]::new));
    }

    /** A unique username for a test account. */
    public static String uniqueName(String base) {
        return base + NAMES.incrementAndGet();
    }

    /** A registered and logged-in account. */
    public record User(String username, String password, String token, String session) {}

    public User register(String base) {
        String username = uniqueName(base);
        HttpResponse<String> response = post("/api/register", Map.of("username", username, "password", PASSWORD, "adult", true), null);
        if (response.statusCode() != 201) throw new IllegalStateException("register failed: " + response.body());
        HttpApi.LoggedIn in = read(response.body(), HttpApi.LoggedIn.class);
        return new User(username, PASSWORD, in.token(), in.session());
    }

    /** POSTs JSON to the API, with an optional bearer token. */
    public HttpResponse<String> post(String path, Object body, String token) {
        try {
            return postJson(path, Codec.mapper().writeValueAsString(body), token);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** POSTs a body written by hand, for JSON that no serializer would write, with an optional bearer token. */
    public HttpResponse<String> postJson(String path, String json, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(http(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (token != null) request.header("Authorization", "Bearer " + token);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh single-use socket ticket for a session token. */
    public String ticket(String token) {
        HttpResponse<String> response = post("/api/tickets", Map.of(), token);
        if (response.statusCode() != 200) throw new IllegalStateException("ticket failed: " + response.body());
        return read(response.body(), HttpApi.Ticket.class).ticket();
    }

    /** A socket that said hello as the user; on a cluster, on the next process in turn. */
    public Wire connect(User user) {
        return connect(user, placed.getAndIncrement() % processes);
    }

    /** Creates a persona on a socket and returns it. */
    public static Views.Persona persona(Wire wire, String base) {
        String id = wire.nextId();
        wire.send(new ClientMessage.PersonaCreate(id, uniqueName(base), "a summary", "a description", "they/them"));
        return wire.expect(ServerMessage.PersonaInfo.class).persona();
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return Codec.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
