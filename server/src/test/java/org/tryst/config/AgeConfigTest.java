package org.tryst.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code [age]} section: off by default, and a provider that could not verify anyone is refused at start with the option to fix. */
class AgeConfigTest {
    private static final Map<String, String> PROVIDER = Map.of("TRYST_AGE_ISSUER", "https://id.example", "TRYST_AGE_CLIENT_ID", "tryst",
            "TRYST_AGE_CLIENT_SECRET", "a secret", "TRYST_AGE_PUBLIC_URL", "https://tryst.example");

    @Test
    void theSelfDeclaredConfirmationIsTheDefault() {
        Config.Age age = ConfigLoader.load(null, Map.of()).age();
        assertThat(age.required()).isFalse();
        assertThat(age.verifies()).isFalse();
        assertThat(age.provider()).isEqualTo("oidc");
        assertThat(age.claim()).isEqualTo("age_over_18");
        assertThat(age.scope()).isEqualTo("openid");
    }

    @Test
    void aProviderIsConfiguredByItsIssuerClientAndPublicAddress() {
        Config.Age age = ConfigLoader.load(null, with(Map.of("TRYST_AGE_REQUIRED", "true", "TRYST_AGE_CLAIM", "birthdate",
                "TRYST_AGE_SCOPE", "openid profile"))).age();
        assertThat(age.required()).isTrue();
        assertThat(age.verifies()).isTrue();
        assertThat(age.claim()).isEqualTo("birthdate");
    }

    @Test
    void requiringAVerificationNeedsAProvider() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TRYST_AGE_REQUIRED", "true")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("age.issuer must be set when age.required is true");
    }

    @Test
    void aProviderThatCannotWorkIsRefusedWithTheOptionToFix() {
        refused(Map.of("TRYST_AGE_PROVIDER", "saml"), "age.provider must be one of oidc, not saml");
        refused(Map.of("TRYST_AGE_ISSUER", "http://id.example"), "age.issuer must be an https:// address");
        refused(Map.of("TRYST_AGE_PUBLIC_URL", "tryst.example"), "age.public_url must be an https:// address");
        refused(Map.of("TRYST_AGE_CLIENT_ID", ""), "age.client_id must be set");
        refused(Map.of("TRYST_AGE_CLIENT_SECRET", ""), "age.client_secret must be set");
        refused(Map.of("TRYST_AGE_SCOPE", "profile"), "age.scope must include openid");
        refused(Map.of("TRYST_AGE_CLAIM", "age over 18"), "age.claim must be a claim name");
    }

    @Test
    void aProviderOnThisMachineMaySpeakPlainHttp() {
        assertThat(ConfigLoader.load(null, with(Map.of("TRYST_AGE_ISSUER", "http://localhost:8081/realms/tryst",
                "TRYST_AGE_PUBLIC_URL", "http://127.0.0.1:8080"))).age().verifies()).isTrue();
    }

    private static void refused(Map<String, String> change, String message) {
        assertThatThrownBy(() -> ConfigLoader.load(null, with(change))).isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }

    private static Map<String, String> with(Map<String, String> change) {
        Map<String, String> environment = new HashMap<>(PROVIDER);
        environment.putAll(change);
        return environment;
    }
}
