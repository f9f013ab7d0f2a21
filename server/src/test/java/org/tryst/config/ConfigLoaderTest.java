package org.tryst.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void runsWithNoFileOnSafeDefaults() {
        Config config = ConfigLoader.load(null, Map.of());
        assertThat(config).isEqualTo(Config.defaults());
        assertThat(config.http().bind()).isEqualTo("127.0.0.1");
        assertThat(config.storage().kind()).isEqualTo("sqlite");
    }

    @Test
    void theFileOverridesDefaultsAndTheEnvironmentOverridesTheFile() throws Exception {
        Path file = dir.resolve("tryst.toml");
        Files.writeString(file, """
                [http]
                port = 9090
                [gateway]
                allowed_origins = ["https://chat.example"]
                max_frame_bytes = 32768
                """);
        Config config = ConfigLoader.load(file, Map.of("TRYST_GATEWAY_MAX_FRAME_BYTES", "16384",
                "TRYST_CHANNELS_CHANNEL_CREATION", "operators", "TRYST_GATEWAY_ALLOWED_ORIGINS", "https://a.example, https://b.example"));
        assertThat(config.http().port()).isEqualTo(9090);
        assertThat(config.gateway().maxFrameBytes()).isEqualTo(16_384);
        assertThat(config.channels().channelCreation()).isEqualTo("operators");
        assertThat(config.gateway().allowedOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(config.accounts()).isEqualTo(Config.defaults().accounts());
    }

    @Test
    void mistakesAreNamed() throws Exception {
        Path unknown = dir.resolve("unknown.toml");
        Files.writeString(unknown, "[http]\nprot = 1\n");
        assertThatThrownBy(() -> ConfigLoader.load(unknown, Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("prot");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TRYST_ACCOUNTS_ARGON2_MEMORY_KIB", "1024")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("accounts.argon2_memory_kib");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TRYST_STORAGE_KIND", "mysql")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("storage.kind");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TRYST_HTTP_PORT", "eighty")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.toml"), Map.of())).isInstanceOf(ConfigException.class);
    }

    @Test
    void proxiesMetricsAndTheCookieAreReadAsAnOperatorWritesThem() throws Exception {
        Path file = dir.resolve("proxy.toml");
        Files.writeString(file, """
                [http]
                trusted_proxies = ["10.0.0.0/8", "::1"]
                forwarded_header = "Forwarded"
                secure_cookie = "always"
                [metrics]
                listen = "[::1]:9100"
                """);
        Config config = ConfigLoader.load(file, Map.of("TRYST_METRICS_TOKEN", "secret"));
        assertThat(config.http().trustedProxies()).containsExactly("10.0.0.0/8", "::1");
        assertThat(config.http().forwardedHeader()).isEqualTo(Config.ForwardedHeader.FORWARDED);
        assertThat(config.http().secureCookie()).isEqualTo(Config.SecureCookie.ALWAYS);
        assertThat(config.metrics().host()).isEqualTo("::1");
        assertThat(config.metrics().port()).isEqualTo(9100);
        assertThat(config.metrics().token()).isEqualTo("secret");
        assertThat(ConfigLoader.load(null, Map.of("TRYST_METRICS_LISTEN", "off")).metrics().off()).isTrue();
    }

    @Test
    void proxyAndMetricsMistakesAreNamed() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TRYST_HTTP_TRUSTED_PROXIES", "10.0.0.0/8, proxy.internal")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.trusted_proxies").hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TRYST_HTTP_SECURE_COOKIE", "sometimes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sometimes");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TRYST_METRICS_LISTEN", "9464")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("metrics.listen");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TRYST_METRICS_LISTEN", "127.0.0.1:70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("metrics.listen");
    }

    @Test
    void aValueOfTheWrongKindNamesWhereItWasSetAndWhatIsExpected() throws Exception {
        Path file = dir.resolve("kinds.toml");
        Files.writeString(file, "[gateway]\nallow_missing_origin = \"maybe\"\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).hasMessage(
                "gateway.allow_missing_origin must be true or false, not \"maybe\" (set by [gateway] allow_missing_origin in " + file + ")");
        Files.writeString(file, "[http]\nbind = 127\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).hasMessageContaining("http.bind must be text in quotes, not 127");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TRYST_HTTP_PORT", "99999999999")))
                .hasMessage("http.port must be a whole number, not \"99999999999\" (set by the environment variable TRYST_HTTP_PORT)");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TRYST_RATE_LIMITS_BURST_PER_ACCOUNT", "0")))
                .hasMessage("rate_limits.burst_per_account must be at least 1, not 0 (set by the environment variable TRYST_RATE_LIMITS_BURST_PER_ACCOUNT)");
        assertThat(ConfigLoader.load(null, Map.of("TRYST_GATEWAY_ALLOW_MISSING_ORIGIN", "FALSE", "TRYST_SCENES_MAX_MEMBERS", " 12 ")))
                .satisfies(config -> {
                    assertThat(config.gateway().allowMissingOrigin()).isFalse();
                    assertThat(config.scenes().maxMembers()).isEqualTo(12);
                });
    }

    @Test
    void anUnknownNameIsAnsweredWithTheNearestOption() throws Exception {
        Path file = dir.resolve("typo.toml");
        Files.writeString(file, "[scenes]\nmax_membres = 4\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .hasMessage("unknown configuration option scenes.max_membres in " + file + "; did you mean scenes.max_members?");
        assertThat(ConfigLoader.misspelt(Map.of("TRYST_HTTP_PROT", "1", "TRYST_JAVA_OPTS", "-Xmx1g", "TRYST_HTTP_PORT", "1", "PATH", "/bin")))
                .containsExactly("TRYST_HTTP_PROT is not an option and is ignored; did you mean TRYST_HTTP_PORT?");
        assertThat(ConfigLoader.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(ConfigLoader.editDistance("", "abc")).isEqualTo(3);
    }

    @Test
    void theBussPasswordsNeverReachAMessage() {
        assertThat(Config.Cluster.withoutSecret("nats://tryst:hunter2@10.0.0.5:4222, tls://s3cret@nats.example:4222,nats://plain:4222"))
                .isEqualTo("nats://(secret)@10.0.0.5:4222, tls://(secret)@nats.example:4222,nats://plain:4222");
        assertThat(Config.Cluster.withoutSecret("nats://special:p@ss/w:rd#1@127.0.0.1:4222,nats://other:a@b@10.0.0.6:4222"))
                .as("a password holding @, / and :").isEqualTo("nats://(secret)@127.0.0.1:4222,nats://(secret)@10.0.0.6:4222");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TRYST_CLUSTER_NATS_URL", "nats://127.0.0.1:4222")))
                .hasMessageContaining("needs storage.kind = \"postgresql\"");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TRYST_CLUSTER_SUBJECT", "a.b")))
                .hasMessageContaining("cluster.subject");
    }

    @Test
    void aRenamedSectionIsAnsweredWithItsNewName() throws Exception {
        Path file = dir.resolve("old.toml");
        Files.writeString(file, "[rooms]\nhistory_on_join = 20\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .hasMessage("the section [rooms] in " + file + " is now called [channels]; rename it, its options are the same");
    }

    @Test
    void everyOptionIsDocumentedInTheOperatingGuide() throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "operating.md"));
        List<ConfigLoader.Option> options = ConfigLoader.options(Config.defaults());
        assertThat(options).hasSizeGreaterThan(30);
        for (ConfigLoader.Option option : options) {
            assertThat(guide).as("docs/operating.md documents " + option.path())
                    .contains("`" + option.key() + "`").contains("`" + option.environmentName() + "`");
        }
    }
}
