package org.tryst.cluster;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.io.IOException;
import java.util.Arrays;
import org.tryst.protocol.Codec;

/**
 * Events as they travel between processes: JSON, with each event and audience named by its record,
 * and the messages inside as the protocol writes them. An envelope says which process published
 * it and when, for the bus's lag.
 */
public final class EventCodec {
    /** Largest envelope accepted from the bus: past it, something that is not one of our processes is talking. */
    public static final int MAX_BYTES = 4 << 20;

    /** One event on the bus: which process published it (its name, and the random id of its run), when (epoch milliseconds), and the event. */
    public record Envelope(String node, String instance, long at, Event event) {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
    private interface Named {}

    private static final ObjectMapper MAPPER = mapper();

    private EventCodec() {}

    public static byte[] encode(Envelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new IllegalStateException("an event could not be written", e);
        }
    }

    /** The envelope in the bytes; an exception for bytes that are not one of ours. */
    public static Envelope decode(byte[] bytes) throws IOException {
        if (bytes.length > MAX_BYTES) throw new IOException("an envelope of " + bytes.length + " bytes is over the limit");
        Envelope envelope = MAPPER.readValue(bytes, Envelope.class);
        if (envelope == null || envelope.node() == null || envelope.instance() == null || envelope.event() == null) {
            throw new IOException("an envelope lacks its node, its instance or its event");
        }
        return envelope;
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = Codec.mapper().copy();
        mapper.addMixIn(Event.class, Named.class).addMixIn(Audience.class, Named.class);
        for (Class<?> sealed : new Class<?>[] {Event.class, Audience.class}) {
            mapper.registerSubtypes(Arrays.stream(sealed.getPermittedSubclasses()).map(NamedType::new).toArray(NamedType[]::new));
        }
        return mapper;
    }
}
