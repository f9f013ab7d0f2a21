package org.tryst.consent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tryst.config.Config;
import org.tryst.config.ConfigException;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.Fields;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.Views;

/**
 * The topics that boundaries answer and invitations propose, in the operator's order: the shipped
 * neutral catalogue, or the operator's own file. A file that cannot be used stops the server at
 * start, with the reason, rather than leaving people to negotiate against a broken list.
 */
public record Catalogue(List<Views.Topic> topics) {
    private static final ObjectMapper TOML = TomlMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final String SHIPPED = "/consent/catalogue.toml";
    private static final int MAX_TOPICS = 100;

    /** The shape of a catalogue file. */
    private record File(List<Views.Topic> topics) {}

    public Catalogue {
        topics = List.copyOf(topics);
    }

    /** The catalogue the configuration names, or the shipped one. */
    public static Catalogue load(Config.Consent config) {
        if (config.catalogue().isBlank()) {
            try (InputStream shipped = Catalogue.class.getResourceAsStream(SHIPPED)) {
                return parse(new String(shipped.readAllBytes(), StandardCharsets.UTF_8), "the shipped catalogue");
            } catch (IOException e) {
                throw new IllegalStateException("the shipped catalogue is missing", e);
            }
        }
        Path file = Path.of(config.catalogue());
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ConfigException("consent.catalogue: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks a catalogue; {@code source} names it in the error. */
    static Catalogue parse(String toml, String source) {
        File file;
        try {
            file = TOML.readValue(toml, File.class);
        } catch (IOException e) {
            throw new ConfigException("consent.catalogue: " + source + " is not a catalogue: " + e.getMessage(), e);
        }
        if (file.topics() == null || file.topics().isEmpty() || file.topics().size() > MAX_TOPICS) {
            throw new ConfigException("consent.catalogue: " + source + " must list 1 to " + MAX_TOPICS + " [[topics]]");
        }
        Set<String> ids = new HashSet<>();
        for (Views.Topic topic : file.topics()) {
            String where = "consent.catalogue: " + source + ", topic " + topic.id() + ": ";
            try {
                Fields.topicId(topic.id(), "id");
                Fields.nonBlank(topic.label(), "label", 60);
                Fields.nonBlank(topic.group(), "group", 40);
                Fields.text(topic.description() == null ? "" : topic.description(), "description", 200);
            } catch (ProtocolException e) {
                throw new ConfigException(where + e.getMessage());
            }
            if (!ids.add(topic.id())) throw new ConfigException(where + "the id appears twice");
        }
        return new Catalogue(file.topics().stream()
                .map(t -> new Views.Topic(t.id(), t.label(), t.group(), t.description() == null ? "" : t.description())).toList());
    }

    /** The topic ids, in order. */
    public List<String> ids() {
        return topics.stream().map(Views.Topic::id).toList();
    }

    /** Refuses a topic id this catalogue does not have. */
    public void requireKnown(Collection<String> topicIds) {
        Set<String> known = Set.copyOf(ids());
        for (String topic : topicIds) {
            if (!known.contains(topic)) throw new ProtocolException(ErrorCode.UNKNOWN_TOPIC, "no topic " + topic + " in this server's catalogue");
        }
    }

    /** The topics in the catalogue's order, so that two equal sets compare equal as lists. */
    public List<String> ordered(Collection<String> topicIds) {
        return ids().stream().filter(topicIds::contains).toList();
    }
}
