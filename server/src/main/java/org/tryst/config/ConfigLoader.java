package org.tryst.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@link Config}: defaults, then the TOML file, then environment variables. An
 * environment variable is named after the option's path, e.g. {@code gateway.max_frame_bytes} is
 * {@code TRYST_GATEWAY_MAX_FRAME_BYTES}; lists are comma-separated.
 */
public final class ConfigLoader {
    private static final ObjectMapper TOML = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** {@code TRYST_} variables that are not options: the {@code ./tryst} script's own. */
    private static final List<String> NOT_OPTIONS = List.of("TRYST_JAVA_OPTS");

    /** Sections that were renamed, by their old name: a file written for an older version is told the new one. */
    private static final Map<String, String> RENAMED = Map.of("rooms", "channels");

    private ConfigLoader() {}

    /**
     * Loads the configuration; {@code file} may be null when there is none. A value of the wrong
     * kind or out of range is refused with the option, the value, what it should be, and the file
     * key or environment variable that set it.
     */
    public static Config load(Path file, Map<String, String> environment) {
        ObjectNode tree = TOML.valueToTree(Config.defaults());
        Map<String, String> origins = new HashMap<>();
        if (file != null) merge(tree, readFile(file), "", file, origins);
        for (Option option : leaves(tree)) {
            String value = environment.get(option.environmentName());
            if (value == null) continue;
            String origin = "the environment variable " + option.environmentName();
            option.section().set(option.key(), option.value().isArray() ? list(value)
                    : typed(option.path(), option.value(), TextNode.valueOf(value), origin));
            origins.put(option.path(), origin);
        }
        try {
            return validated(TOML.treeToValue(tree, Config.class));
        } catch (JsonProcessingException e) {
            throw new ConfigException("invalid configuration: " + e.getOriginalMessage(), e);
        } catch (ConfigException e) {
            String origin = e.option() == null ? null : origins.get(e.option());
            throw origin == null ? e : e.setBy(origin);
        }
    }

    /**
     * A warning for each {@code TRYST_} environment variable that names no option, with the option
     * it was probably meant to be: a misspelt variable would otherwise be ignored without a word.
     */
    public static List<String> misspelt(Map<String, String> environment) {
        List<String> known = options(Config.defaults()).stream().map(Option::environmentName).toList();
        List<String> warnings = new ArrayList<>();
        environment.keySet().stream().filter(name -> name.startsWith("TRYST_") && !known.contains(name) && !NOT_OPTIONS.contains(name))
                .sorted().forEach(name -> warnings.add(name + " is not an option and is ignored; did you mean " + closest(name, known) + "?"));
        return warnings;
    }

    /** Every option with its value in a configuration, in file order: the list {@code docs/operating.md} documents. */
    public static List<Option> options(Config config) {
        return leaves(TOML.valueToTree(config));
    }

    private static List<Option> leaves(ObjectNode tree) {
        List<Option> options = new ArrayList<>();
        tree.properties().forEach(section -> {
            ObjectNode values = (ObjectNode) section.getValue();
            values.properties().forEach(value -> options.add(new Option(values, section.getKey(), value.getKey())));
        });
        return options;
    }

    /** One leaf of the configuration tree, to list it or override it from the environment. */
    public record Option(ObjectNode section, String sectionName, String key) {
        public String path() {
            return sectionName + "." + key;
        }

        public String environmentName() {
            return ("TRYST_" + sectionName + "_" + key).toUpperCase(Locale.ROOT);
        }

        public JsonNode value() {
            return section.get(key);
        }
    }

    private static JsonNode readFile(Path file) {
        try {
            return TOML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode into, JsonNode from, String prefix, Path file, Map<String, String> origins) {
        for (Map.Entry<String, JsonNode> field : from.properties()) {
            String path = prefix + field.getKey();
            JsonNode existing = into.get(field.getKey());
            if (existing == null && prefix.isEmpty() && RENAMED.containsKey(field.getKey())) {
                throw new ConfigException("the section [" + field.getKey() + "] in " + file + " is now called [" + RENAMED.get(field.getKey())
                        + "]; rename it, its options are the same");
            }
            if (existing == null) {
                throw new ConfigException("unknown configuration option " + path + " in " + file + "; did you mean "
                        + prefix + closest(field.getKey(), into.properties().stream().map(Map.Entry::getKey).toList()) + "?");
            }
            if (existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, field.getValue(), path + ".", file, origins);
            } else if (existing.isObject()) {
                throw new ConfigException(path + " in " + file + " is a section ([" + path + "]), not a value");
            } else {
                String origin = (prefix.isEmpty() ? "" : "[" + prefix.substring(0, prefix.length() - 1) + "] ") + field.getKey() + " in " + file;
                into.set(field.getKey(), typed(path, existing, field.getValue(), origin));
                origins.put(path, origin);
            }
        }
    }

    /** A comma-separated list from the environment. */
    private static ArrayNode list(String text) {
        ArrayNode list = TOML.createArrayNode();
        for (String item : text.split(",")) if (!item.isBlank()) list.add(item.strip());
        return list;
    }

    /** {@code given} as the kind of value the option's default is, or a refusal saying what was expected. */
    private static JsonNode typed(String option, JsonNode standard, JsonNode given, String origin) {
        String text = given.asText().strip();
        if (standard.isInt()) {
            if (given.isInt()) return given;
            if (given.isTextual() && text.matches("-?[0-9]{1,9}")) return IntNode.valueOf(Integer.parseInt(text));
            throw wrongKind(option, given, origin, "a whole number");
        }
        if (standard.isBoolean()) {
            if (given.isBoolean()) return given;
            if (given.isTextual() && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
                return BooleanNode.valueOf(Boolean.parseBoolean(text));
            }
            throw wrongKind(option, given, origin, "true or false");
        }
        if (standard.isArray()) {
            if (given.isArray() && given.valueStream().allMatch(JsonNode::isTextual)) return given;
            throw wrongKind(option, given, origin, "a list of text, like [\"a\", \"b\"]");
        }
        if (standard.isTextual()) {
            if (given.isTextual()) return given;
            throw wrongKind(option, given, origin, "text in quotes");
        }
        return given; // a kind with no rule here is left to the record's own type
    }

    private static ConfigException wrongKind(String option, JsonNode given, String origin, String expected) {
        return new ConfigException(option + " must be " + expected + ", not " + given + " (set by " + origin + ")");
    }

    /** The candidate nearest to {@code name} by edit distance. */
    private static String closest(String name, List<String> candidates) {
        return candidates.stream().min(Comparator.comparingInt(candidate -> editDistance(name, candidate))).orElse("");
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions that turn one into the other. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Config validated(Config config) {
        requireRange("http.port", config.http().port(), 0, 65_535);
        requireRange("telnet.port", config.telnet().port(), 0, 65_535);
        requireRange("telnet.tls_port", config.telnet().tlsPort(), 0, 65_535);
        if (config.telnet().tlsCert().isBlank() != config.telnet().tlsKey().isBlank()) {
            throw ConfigException.of(config.telnet().tlsCert().isBlank() ? "telnet.tls_cert" : "telnet.tls_key",
                    "must be set together with telnet.tls_cert and telnet.tls_key: TLS needs both the certificate and its key");
        }
        requireRange("telnet.login_timeout_seconds", config.telnet().loginTimeoutSeconds(), 1, 3_600);
        requireRange("telnet.connections_per_address", config.telnet().connectionsPerAddress(), 1, 10_000);
        requireRange("telnet.max_line_bytes", config.telnet().maxLineBytes(), 256, 1 << 20);
        if (!config.telnet().name().matches("\\p{Print}{1,64}")) {
            throw ConfigException.of("telnet.name", "must be 1 to 64 printable characters, not " + config.telnet().name());
        }
        requireRange("world.rooms_per_account", config.world().roomsPerAccount(), 0, 100_000);
        requireRange("world.exits_per_account", config.world().exitsPerAccount(), 0, 100_000);
        requireRange("world.things_per_account", config.world().thingsPerAccount(), 0, 100_000);
        requireOneOf("storage.kind", config.storage().kind(), "sqlite", "postgresql");
        requireOneOf("channels.channel_creation", config.channels().channelCreation(), "anyone", "operators");
        requireOneOf("log.format", config.log().format(), "text", "json");
        requireRange("gateway.max_frame_bytes", config.gateway().maxFrameBytes(), 1_024, 16 << 20);
        requireRange("gateway.max_message_bytes", config.gateway().maxMessageBytes(), 1_024, 16 << 20);
        requireRange("gateway.ticket_ttl_seconds", config.gateway().ticketTtlSeconds(), 5, 60);
        requireRange("accounts.argon2_memory_kib", config.accounts().argon2MemoryKib(), 19_456, 4 << 20);
        requireRange("accounts.argon2_iterations", config.accounts().argon2Iterations(), 2, 64);
        requireRange("accounts.min_password_length", config.accounts().minPasswordLength(), 8, 64);
        requireRange("accounts.max_password_length", config.accounts().maxPasswordLength(), 64, 1_024);
        String panic = config.web().panicPage();
        if (!(panic.startsWith("/") && !panic.startsWith("//")) && !panic.startsWith("https://")) {
            throw ConfigException.of("web.panic_page", "must be a path on this server (/...) or an https:// address, not " + panic);
        }
        requireRange("moderation.report_window_days", config.moderation().reportWindowDays(), 1, 365);
        requireRange("moderation.franking_key_hours", config.moderation().frankingKeyHours(), 1, 720);
        requireRange("moderation.sweep_seconds", config.moderation().sweepSeconds(), 1, 3_600);
        requireRange("scenes.max_members", config.scenes().maxMembers(), 2, 64);
        requireRange("scenes.invitation_ttl_hours", config.scenes().invitationTtlHours(), 1, 24 * 30);
        if (!org.tryst.protocol.ClientMessage.TIMER_CHOICES.contains((long) config.scenes().defaultTimerSeconds())) {
            throw ConfigException.of("scenes.default_timer_seconds", "must be one of " + org.tryst.protocol.ClientMessage.TIMER_CHOICES
                    + ", not " + config.scenes().defaultTimerSeconds());
        }
        requireRange("scenes.expiry_sweep_seconds", config.scenes().expirySweepSeconds(), 1, 300);
        requireRange("scenes.max_devices_per_account", config.scenes().maxDevicesPerAccount(), 1, 100);
        requireRange("scenes.key_packages_low_water", config.scenes().keyPackagesLowWater(), 0, 100);
        requireRange("scenes.resend_window_hours", config.scenes().resendWindowHours(), 1, 24 * 7);
        try {
            org.tryst.protocol.Fields.safeword(config.consent().defaultSafeword());
        } catch (org.tryst.protocol.ProtocolException e) {
            throw ConfigException.of("consent.default_safeword", "is refused: " + e.getMessage());
        }
        requirePositive(config.rateLimits());
        requireMedia(config.media());
        requireRange("wellbeing.sweep_seconds", config.wellbeing().sweepSeconds(), 1, 60);
        requireRange("board.ad_lifetime_hours", config.board().adLifetimeHours(), 1, 24 * 30);
        requireRange("board.bump_minutes", config.board().bumpMinutes(), 1, 24 * 60);
        try {
            org.tryst.gateway.TrustedProxies.of(config.http());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("http.trusted_proxies: " + e.getMessage());
        }
        requireAge(config.age());
        requireListen(config.metrics());
        requireRange("channels.max_text_length", config.channels().maxTextLength(), 1, org.tryst.protocol.Fields.MAX_TEXT);
        if (!config.cluster().subject().matches("[A-Za-z0-9_-]{1,64}")) {
            throw ConfigException.of("cluster.subject", "must be letters, digits, - or _ (a NATS subject token), not " + config.cluster().subject());
        }
        if (config.cluster().clustered() && !config.storage().kind().equals("postgresql")) {
            throw ConfigException.of("cluster.nats_url", "needs storage.kind = \"postgresql\": processes share their state through it, not through an SQLite file");
        }
        return config;
    }

    private static void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw ConfigException.of(option, "must be between " + min + " and " + max + ", not " + value);
        }
    }

    /** Every rate limit is a count of at least one: a bucket of none would refuse everything forever. */
    private static void requirePositive(Config.RateLimits limits) {
        for (var component : Config.RateLimits.class.getRecordComponents()) {
            try {
                int value = (int) component.getAccessor().invoke(limits);
                String option = "rate_limits." + PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(component.getName());
                if (value < 1) throw ConfigException.of(option, "must be at least 1, not " + value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void requireMedia(Config.Media media) {
        requireRange("media.turn_ttl_seconds", media.turnTtlSeconds(), 60, 86_400);
        for (String url : media.turnUrls()) {
            if (!url.matches("turns?:[^\\s]+")) throw ConfigException.of("media.turn_urls", "must be turn: or turns: addresses, not " + url);
        }
        if (media.turn() && media.turnSecret().length() < 16) {
            throw ConfigException.of("media.turn_secret", "must be coturn's static-auth-secret, at least 16 characters, when media.turn_urls is set");
        }
    }

    private static void requireAge(Config.Age age) {
        requireOneOf("age.provider", age.provider(), "oidc");
        if (!age.verifies()) {
            if (age.required()) {
                throw ConfigException.of("age.issuer", "must be set when age.required is true: it is the OpenID Connect provider that verifies ages");
            }
            return;
        }
        requireWebAddress("age.issuer", age.issuer());
        requireWebAddress("age.public_url", age.publicUrl());
        if (age.clientId().isBlank()) throw ConfigException.of("age.client_id", "must be set: the client id this server has at " + age.issuer());
        if (age.clientSecret().isBlank()) {
            throw ConfigException.of("age.client_secret", "must be set: the client secret this server has at " + age.issuer());
        }
        if (!age.claim().matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw ConfigException.of("age.claim", "must be a claim name such as birthdate or age_over_18, not " + age.claim());
        }
        if (!List.of(age.scope().split(" ")).contains("openid")) {
            throw ConfigException.of("age.scope", "must include openid (space-separated scopes), not " + age.scope());
        }
    }

    /** An https address, or http on this machine (a provider under test): people and secrets travel over it. */
    private static void requireWebAddress(String option, String address) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(address);
        } catch (java.net.URISyntaxException e) {
            throw ConfigException.of(option, "must be an https:// address, not " + address);
        }
        boolean local = "http".equals(uri.getScheme()) && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()));
        if (!(("https".equals(uri.getScheme()) || local) && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null)) {
            throw ConfigException.of(option, "must be an https:// address (http:// only for localhost), with no query, not " + address);
        }
    }

    private static void requireListen(Config.Metrics metrics) {
        if (metrics.off()) return;
        if (!metrics.listen().matches("\\S+:[0-9]{1,5}")) {
            throw new ConfigException("metrics.listen must be host:port or off, not " + metrics.listen());
        }
        requireRange("metrics.listen's port", metrics.port(), 0, 65_535);
    }

    private static void requireOneOf(String option, String value, String... allowed) {
        if (!List.of(allowed).contains(value)) {
            throw ConfigException.of(option, "must be one of " + String.join(", ", allowed) + ", not " + value);
        }
    }
}
