package org.tryst.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JSON codec for both directions. Decoding happens once, at the edge: the result is either a
 * valid message or a typed rejection carrying the request id when one could be read.
 */
public final class Codec {
    /** The protocol version this codec speaks. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = strictMapper();
    private static final Set<String> CLIENT_TYPES = typeNames(ClientMessage.class);

    private Codec() {}

    /** The outcome of decoding one frame from a client. */
    public sealed interface Decoded {
        /** A valid message. */
        record Accepted(ClientMessage message) implements Decoded {}

        /** A frame that is not a valid message, with the request id if it had a readable one. */
        record Rejected(String id, ProtocolException problem) implements Decoded {}
    }

    /** Decodes one client frame; never throws. */
    public static Decoded decodeClient(byte[] utf8) {
        JsonNode tree;
        try {
            tree = JSON.readTree(utf8);
        } catch (IOException e) {
            return reject(null, ErrorCode.MALFORMED, "the frame is not valid JSON");
        }
        if (tree == null || !tree.isObject()) return reject(null, ErrorCode.MALFORMED, "a message is a JSON object");
        String id = tree.path("id").isTextual() ? tree.get("id").asText() : null;
        if (id != null && Fields.characters(id) > Fields.MAX_REQUEST_ID) id = null;
        JsonNode type = tree.get("type");
        if (type == null || !type.isTextual() || !CLIENT_TYPES.contains(type.asText())) {
            return reject(id, ErrorCode.UNKNOWN_TYPE, "unknown message type");
        }
        try {
            return new Decoded.Accepted(JSON.treeToValue(tree, ClientMessage.class));
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ProtocolException problem) return new Decoded.Rejected(id, problem);
            return reject(id, ErrorCode.INVALID_MESSAGE, "invalid " + type.asText() + " message");
        } catch (UnrecognizedPropertyException e) {
            return reject(id, ErrorCode.INVALID_MESSAGE, "unknown field '" + e.getPropertyName() + "'");
        } catch (JsonProcessingException e) {
            return reject(id, ErrorCode.INVALID_MESSAGE, "field '" + fieldOf(e) + "' has the wrong type");
        }
    }

    /** Encodes a server message as UTF-8 JSON. */
    public static byte[] encode(ServerMessage message) {
        return write(message);
    }

    /** Encodes a client message as UTF-8 JSON. */
    public static byte[] encode(ClientMessage message) {
        return write(message);
    }

    /** Decodes a server message, for clients; a frame this version does not know is an error. */
    public static ServerMessage decodeServer(byte[] utf8) throws IOException {
        return JSON.readValue(utf8, ServerMessage.class);
    }

    /** The shared mapper, for JSON outside the WebSocket (the HTTP API) that should follow the same rules. */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /** The wire names of the message types of a sealed protocol interface, through any sealed interfaces within it. */
    public static Set<String> typeNames(Class<?> sealedInterface) {
        return Arrays.stream(sealedInterface.getPermittedSubclasses())
                .flatMap(type -> type.isInterface() ? typeNames(type).stream() : Stream.of(type.getAnnotation(JsonTypeName.class).value()))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static byte[] write(Object message) {
        try {
            return JSON.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("protocol records always serialize", e);
        }
    }

    private static String fieldOf(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String name = mapping.getPath().getLast().getFieldName();
            if (name != null) return name;
        }
        return "?";
    }

    private static Decoded reject(String id, ErrorCode code, String message) {
        return new Decoded.Rejected(id, new ProtocolException(code, message));
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16)
                .maxStringLength(1 << 20)
                .maxNumberLength(20)
                .build());
        return mapper;
    }
}
