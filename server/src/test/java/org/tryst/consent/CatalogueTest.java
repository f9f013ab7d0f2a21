package org.tryst.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tryst.config.Config;
import org.tryst.config.ConfigException;
import org.tryst.config.ConfigLoader;
import org.tryst.protocol.Views;

class CatalogueTest {
    @Test
    void theShippedCatalogueIsUsableAndNeutral() {
        Catalogue shipped = Catalogue.load(Config.defaults().consent());
        assertThat(shipped.topics()).hasSizeBetween(25, 40);
        assertThat(shipped.ids()).doesNotHaveDuplicates().contains("romance", "praise", "webcam-nudity", "aftercare");
        assertThat(shipped.topics()).allSatisfy(topic -> assertThat(topic.description()).isNotBlank());
    }

    @Test
    void anOperatorsFileReplacesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("catalogue.toml");
        Files.writeString(file, """
                [[topics]]
                id = "tea"
                label = "Tea"
                group = "Drinks"
                description = "A cup of tea."
                """);
        Config config = ConfigLoader.load(null, Map.of("TRYST_CONSENT_CATALOGUE", file.toString()));
        assertThat(Catalogue.load(config.consent()).topics()).containsExactly(new Views.Topic("tea", "Tea", "Drinks", "A cup of tea."));
    }

    @Test
    void aMalformedCatalogueStopsTheServerWithTheReason(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Catalogue.parse("[[topics]\nid = ", "broken.toml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("broken.toml is not a catalogue");
        assertThatThrownBy(() -> Catalogue.parse("", "empty.toml")).hasMessageContaining("must list 1 to 100");
        assertThatThrownBy(() -> Catalogue.parse("[[topics]]\nid = \"Bad Id\"\nlabel = \"x\"\ngroup = \"g\"\n", "f"))
                .hasMessageContaining("topic id");
        assertThatThrownBy(() -> Catalogue.parse("[[topics]]\nid = \"a\"\ngroup = \"g\"\n", "f")).hasMessageContaining("label");
        assertThatThrownBy(() -> Catalogue.parse("[[topics]]\nid = \"a\"\nlabel = \"A\"\ngroup = \"g\"\ncolour = \"red\"\n", "f"))
                .hasMessageContaining("not a catalogue");
        assertThatThrownBy(() -> Catalogue.parse("""
                [[topics]]
                id = "a"
                label = "A"
                group = "g"
                [[topics]]
                id = "a"
                label = "A again"
                group = "g"
                """, "f")).hasMessageContaining("appears twice");
        Path missing = dir.resolve("nowhere.toml");
        assertThatThrownBy(() -> Catalogue.load(new Config.Consent(missing.toString(), "red")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
    }

    @Test
    void aDefaultSafewordMustBeTypable() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TRYST_CONSENT_DEFAULT_SAFEWORD", " ")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("consent.default_safeword");
    }
}
