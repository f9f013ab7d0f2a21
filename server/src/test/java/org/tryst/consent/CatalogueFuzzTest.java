package org.tryst.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.tryst.config.ConfigException;
import org.tryst.protocol.Fields;

/**
 * Any bytes as the operator's boundaries catalogue: reading gives a catalogue of 1 to 100 valid,
 * distinct topics, or the {@link ConfigException} that stops the server at start naming what is
 * wrong, nothing else. The seeds are the shipped catalogue and the catalogue tests' files.
 */
class CatalogueFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void readsACatalogueOrNamesWhatIsWrong(byte[] file) {
        Catalogue catalogue;
        try {
            catalogue = Catalogue.parse(new String(file, StandardCharsets.UTF_8), "the fuzzed catalogue");
        } catch (ConfigException refused) {
            assertThat(refused.getMessage()).startsWith("consent.catalogue: the fuzzed catalogue");
            return;
        }
        assertThat(catalogue.topics()).hasSizeBetween(1, 100);
        assertThat(catalogue.ids()).doesNotHaveDuplicates();
        catalogue.topics().forEach(topic -> {
            Fields.topicId(topic.id(), "id");
            Fields.nonBlank(topic.label(), "label", 60);
            Fields.nonBlank(topic.group(), "group", 40);
            Fields.text(topic.description(), "description", 200);
        });
    }
}
