package org.tryst.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration of a server, with safe defaults for everything: a server runs with no
 * file at all. Each section is handed to the part it configures through its constructor.
 * {@code docs/operating.md} lists every option; a test keeps the two in step.
 */
public record Config(
        Http http,
        Telnet telnet,
        Storage storage,
        Gateway gateway,
        Web web,
        Accounts accounts,
        Personas personas,
        Channels channels,
        Scenes scenes,
        RateLimits rateLimits,
        Consent consent,
        Moderation moderation,
        Log log,
        Metrics metrics,
        Cluster cluster,
        World world,
        Media media,
        Wellbeing wellbeing,
        Board board,
        Age age) {

    /** The configuration used when nothing is configured. */
    public static Config defaults() {
        return new Config(
                new Http("127.0.0.1", 8080, "./data", List.of(), ForwardedHeader.X_FORWARDED_FOR, SecureCookie.AUTO),
                new Telnet(4000, 4443, "", "", 60, 10, 16_384, false, "Tryst"),
                new Storage("sqlite", "tryst.db", "", "", "", 10),
                new Gateway(List.of(), true, 65_536, 65_536, 10, 30, 60, 1_048_576, 524_288, 256),
                new Web("/neutral.html"),
                new Accounts(19_456, 2, 1, 8, 1_024, 30_000, 30, 14, 5, 15, 30, 10, 60),
                new Personas(10),
                new Channels("anyone", 168, 50, 4_000),
                new Scenes(8, 72, 86_400, 10, 10, 5, 24),
                new RateLimits(10, 30, 30, 90, 10, 30, 100, 60, 180, 20, 60, 60, 180, 12, 36, 60, 180),
                new Consent("", "red"),
                new Moderation(30, 24, 10),
                new Log("text", "info"),
                new Metrics("127.0.0.1:9464", ""),
                new Cluster("", "", "tryst", "", ""),
                new World(50, 150, 100, false),
                new Media(List.of(), "", 3_600),
                new Wellbeing(15),
                new Board(72, 30),
                new Age(false, "oidc", "", "", "", "age_over_18", "openid", ""));
    }

    /**
     * The HTTP and WebSocket listener, and where data lives; the reverse proxies (addresses or CIDR
     * blocks) whose forwarded-address header names the client, and when the session cookie is Secure.
     */
    public record Http(String bind, int port, String data, List<String> trustedProxies, ForwardedHeader forwardedHeader,
                       SecureCookie secureCookie) {
        public Path dataDir() {
            return Path.of(data);
        }
    }

    /** The one header the trusted proxies write the client's address into; the other is ignored, since clients can send it. */
    public enum ForwardedHeader {
        @JsonProperty("X-Forwarded-For") X_FORWARDED_FOR,
        @JsonProperty("Forwarded") FORWARDED
    }

    /** Whether the session cookie is marked Secure: {@code auto} when an allowed origin is https. */
    public enum SecureCookie {
        @JsonProperty("auto") AUTO,
        @JsonProperty("always") ALWAYS,
        @JsonProperty("never") NEVER
    }

    /**
     * The text world: how many rooms, exits and things the personas of one builder's account may own;
     * with {@code recognition}, others appear by their short descriptions until one recognises them.
     */
    public record World(int roomsPerAccount, int exitsPerAccount, int thingsPerAccount, boolean recognition) {}

    /**
     * The telnet listener of the shared text world, for MUD clients: its port, and TLS on a second
     * port with the operator's certificate and key (PEM files; both empty: no TLS); how long a
     * connection may take to log in, how many connections one address may hold, the longest line
     * read, whether crawlers get MSSP, and the name the listener greets with (and tells MSSP and
     * Mudlet's mapper).
     */
    public record Telnet(int port, int tlsPort, String tlsCert, String tlsKey, int loginTimeoutSeconds,
                         int connectionsPerAddress, int maxLineBytes, boolean mssp, String name) {
        /** Whether the TLS listener runs: the operator gave both a certificate and its key. */
        public boolean tls() {
            return !tlsCert.isBlank() && !tlsKey.isBlank();
        }
    }

    /**
     * Where state lives: {@code sqlite} (a file under the data directory, the default) or
     * {@code postgresql} (a database server of the operator's; still one Tryst process).
     */
    public record Storage(String kind, String sqliteFile, String postgresqlUrl, String postgresqlUser,
                          String postgresqlPassword, int poolSize) {}

    /** WebSocket limits; each one bounds what a single client can cost the server. */
    public record Gateway(
            List<String> allowedOrigins,
            boolean allowMissingOrigin,
            int maxFrameBytes,
            int maxMessageBytes,
            int handshakeTimeoutSeconds,
            int pingIntervalSeconds,
            int ticketTtlSeconds,
            int outboundHighWaterBytes,
            int outboundLowWaterBytes,
            int maxPendingRequests) {}

    /**
     * The web client: where its panic key (Escape twice, or the Hide button) sends the page, a path
     * on this server or an https address of the operator's choice.
     */
    public record Web(String panicPage) {}

    /** Passwords, sessions and login throttling. */
    public record Accounts(
            int argon2MemoryKib,
            int argon2Iterations,
            int argon2Parallelism,
            int minPasswordLength,
            int maxPasswordLength,
            int commonPasswordsRefused,
            int sessionTtlDays,
            int sessionIdleDays,
            int loginFailuresPerAccount,
            int loginWindowMinutes,
            int loginFailuresPerAddress,
            int registrationsPerAddress,
            int registrationWindowMinutes) {}

    /** Personas per account. */
    public record Personas(int maxPerAccount) {}

    /** Public channels: who may create them, how long history is kept and shown, message length. */
    public record Channels(String channelCreation, int historyRetentionHours, int historyOnJoin, int maxTextLength) {}

    /**
     * Private scenes: most members, how long an invitation stays open, the disappearing timer of a
     * new scene (seconds), how often expired ciphertext is deleted (seconds), devices per account,
     * the KeyPackage count under which a device is asked for more, and how long the ids of fully
     * delivered messages are kept to recognise a client's resend (hours).
     */
    public record Scenes(int maxMembers, int invitationTtlHours, int defaultTimerSeconds, int expirySweepSeconds,
                         int maxDevicesPerAccount, int keyPackagesLowWater, int resendWindowHours) {}

    /**
     * Messages per second a single account or address may send over the WebSocket, and bursts; then
     * how many invitations, channel lines, reports, TURN credentials and board ads one account or address may
     * ask for in a window.
     */
    public record RateLimits(int messagesPerSecondPerAccount, int burstPerAccount, int messagesPerSecondPerAddress,
                             int burstPerAddress, int ticketsPerMinutePerSession,
                             int invitationsPerHourPerAccount, int invitationsPerHourPerAddress,
                             int channelMessagesPerMinutePerAccount, int channelMessagesPerMinutePerAddress,
                             int reportsPerHourPerAccount, int reportsPerHourPerAddress,
                             int turnCredentialsPerHourPerAccount, int turnCredentialsPerHourPerAddress,
                             int adsPerHourPerAccount, int adsPerHourPerAddress,
                             int statusChangesPerHourPerAccount, int statusChangesPerHourPerAddress) {}

    /**
     * Boundaries and agreements: a TOML file replacing the shipped topic catalogue (empty: the
     * shipped one), and the safeword word an invitation proposes when its inviter names none.
     */
    public record Consent(String catalogue, String defaultSafeword) {}

    /**
     * Reports and moderation: how long a scene message stays reportable (days; older franking keys
     * are deleted), how often the franking key changes (hours), and how often a running server looks
     * for suspensions, bans, mutes and closed channels decided elsewhere (seconds).
     */
    public record Moderation(int reportWindowDays, int frankingKeyHours, int sweepSeconds) {}

    /** Log format ({@code text} or {@code json}) and level. */
    public record Log(String format, String level) {}

    /**
     * The Prometheus listener, apart from the public port: {@code host:port} (port 0 picks a free
     * one) or {@code off}, and a bearer token scrapers must send (empty: none).
     */
    public record Metrics(String listen, String token) {
        public boolean off() {
            return listen.equals("off");
        }

        public String host() {
            String host = listen.substring(0, listen.lastIndexOf(':'));
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        }

        public int port() {
            return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
        }
    }

    /**
     * Several processes on one PostgreSQL database: the NATS server(s) that carry live events between
     * them (empty: this is the only process, and events stay in it), this process's name among them
     * (empty: the host name and process id), the subject prefix shared by the processes of one
     * community, and NATS's credentials file and the CA that signed its TLS certificate, when it has them.
     */
    public record Cluster(String natsUrl, String node, String subject, String natsCredentials, String natsTlsCa) {
        public boolean clustered() {
            return !natsUrl.isBlank();
        }

        /** URLs with any {@code user:password@} or {@code token@} replaced, for logs and messages. */
        public static String withoutSecret(String urls) {
            // Up to the last @ of each URL: a password may hold @, / or : itself.
            return urls.replaceAll("//[^,\\s]*@", "//(secret)@");
        }

        /** This process's name: the one configured, or its host's name and its process id. */
        public String nodeName() {
            if (!node.isBlank()) return node;
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "localhost";
            }
            return host + "-" + ProcessHandle.current().pid();
        }
    }

    /**
     * Calls: the operator's TURN servers (coturn with {@code use-auth-secret}) and the secret shared
     * with them, from which the server mints credentials that expire after {@code turnTtlSeconds};
     * no URLs: calls use direct connections only.
     */
    public record Media(List<String> turnUrls, String turnSecret, int turnTtlSeconds) {
        /** Whether the operator configured TURN. */
        public boolean turn() {
            return !turnUrls.isEmpty();
        }
    }

    /**
     * People's own limits: how often a running server counts the minute of use and checks budgets and
     * quiet hours (it counts each minute once, however often it looks).
     */
    public record Wellbeing(int sweepSeconds) {}

    /**
     * The partner board: how long an ad stays up after it was posted or last bumped (hours), and how
     * long its persona waits between bumps (minutes); the board ranks fresh ads, so nobody reposts.
     */
    public record Board(int adLifetimeHours, int bumpMinutes) {}

    /**
     * Age verification: whether an account must have verified its age before it may do more than
     * manage itself (false: the adult confirmation at registration is enough), and the OpenID Connect
     * provider that verifies it: its issuer (discovered at {@code /.well-known/openid-configuration}),
     * this server's client id and secret there, the claim read from the ID token ({@code birthdate}, an
     * ISO date, or a boolean claim such as {@code age_over_18}), the scopes asked for, and this
     * server's public address, where the provider sends people back.
     */
    public record Age(boolean required, String provider, String issuer, String clientId, String clientSecret, String claim,
                      String scope, String publicUrl) {
        /** Whether a provider is configured, so that people can verify their age. */
        public boolean verifies() {
            return !issuer.isBlank();
        }
    }
}
