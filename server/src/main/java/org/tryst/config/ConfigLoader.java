package org.tryst.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
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

    private ConfigLoader() {}

    /** Loads the configuration; {@code file} may be null when there is none. */
    public static Config load(Path file, Map<String, String> environment) {
        ObjectNode tree = TOML.valueToTree(Config.defaults());
        if (file != null) merge(tree, readFile(file));
        for (Option option : leaves(tree)) {
            String value = environment.get(option.environmentName());
            if (value != null) option.set(value);
        }
        try {
            return validated(TOML.treeToValue(tree, Config.class));
        } catch (JsonProcessingException e) {
            throw new ConfigException("invalid configuration: " + e.getOriginalMessage(), e);
        }
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

        void set(String text) {
            if (value().isArray()) {
                ArrayNode list = section.putArray(key);
                for (String item : text.split(",")) if (!item.isBlank()) list.add(item.strip());
            } else {
                section.set(key, TextNode.valueOf(text));
            }
        }
    }

    private static JsonNode readFile(Path file) {
        try {
            return TOML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode into, JsonNode from) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = into.get(field.getKey());
            if (existing == null) throw new ConfigException("unknown configuration option " + field.getKey());
            if (existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, field.getValue());
            } else if (existing.isObject()) {
                throw new ConfigException(field.getKey() + " is a section, not a value");
            } else {
                into.set(field.getKey(), field.getValue());
            }
        }
    }

    private static Config validated(Config config) {
        requireRange("http.port", config.http().port(), 0, 65_535);
        requireRange("telnet.port", config.telnet().port(), 0, 65_535);
        requireOneOf("storage.kind", config.storage().kind(), "sqlite", "postgresql");
        requireOneOf("rooms.channel_creation", config.rooms().channelCreation(), "anyone", "operators");
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
            throw new ConfigException("web.panic_page must be a path on this server (/...) or an https:// address");
        }
        requireRange("moderation.report_window_days", config.moderation().reportWindowDays(), 1, 365);
        requireRange("moderation.franking_key_hours", config.moderation().frankingKeyHours(), 1, 720);
        requireRange("moderation.sweep_seconds", config.moderation().sweepSeconds(), 1, 3_600);
        requireRange("scenes.max_members", config.scenes().maxMembers(), 2, 64);
        requireRange("scenes.invitation_ttl_hours", config.scenes().invitationTtlHours(), 1, 24 * 30);
        if (!org.tryst.protocol.ClientMessage.TIMER_CHOICES.contains((long) config.scenes().defaultTimerSeconds())) {
            throw new ConfigException("scenes.default_timer_seconds must be one of " + org.tryst.protocol.ClientMessage.TIMER_CHOICES);
        }
        requireRange("scenes.expiry_sweep_seconds", config.scenes().expirySweepSeconds(), 1, 300);
        requireRange("scenes.max_devices_per_account", config.scenes().maxDevicesPerAccount(), 1, 100);
        requireRange("scenes.key_packages_low_water", config.scenes().keyPackagesLowWater(), 0, 100);
        requireRange("scenes.resend_window_hours", config.scenes().resendWindowHours(), 1, 24 * 7);
        try {
            org.tryst.protocol.Fields.safeword(config.consent().defaultSafeword());
        } catch (org.tryst.protocol.ProtocolException e) {
            throw new ConfigException("consent.default_safeword: " + e.getMessage());
        }
        requirePositive(config.rateLimits());
        try {
            org.tryst.gateway.TrustedProxies.of(config.http());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("http.trusted_proxies: " + e.getMessage());
        }
        requireListen(config.metrics());
        requireRange("rooms.max_text_length", config.rooms().maxTextLength(), 1, org.tryst.protocol.Fields.MAX_TEXT);
        return config;
    }

    private static void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(option + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    /** Every rate limit is a count of at least one: a bucket of none would refuse everything forever. */
    private static void requirePositive(Config.RateLimits limits) {
        for (var component : Config.RateLimits.class.getRecordComponents()) {
            try {
                int value = (int) component.getAccessor().invoke(limits);
                if (value < 1) throw new ConfigException("rate_limits options must be at least 1, not " + value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
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
            throw new ConfigException(option + " must be one of " + String.join(", ", allowed) + ", not " + value);
        }
    }
}
