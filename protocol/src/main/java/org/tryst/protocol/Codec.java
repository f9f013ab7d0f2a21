package org.tryst.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
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

    private static final int NESTING = 16;
    private static final int LONGEST = 1 << 20;

    private static final ObjectMapper JSON = strictMapper();
    /** Reads what clients send: numbers of any length are read (not converted) so that one too large is refused by field. */
    private static final JsonFactory FRAMES = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(NESTING)
                    .maxStringLength(LONGEST)
                    .maxNumberLength(LONGEST)
                    .build())
            .build();
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
        JsonTree.Read read;
        try {
            read = readObject(utf8, "frame");
        } catch (ProtocolException malformed) {
            return new Decoded.Rejected(null, malformed);
        }
        String id = requestId(read.root().path("id"));
        if (read.problem() != null) return new Decoded.Rejected(id, read.problem());
        JsonNode type = read.root().get("type");
        if (type == null || !type.isTextual() || !CLIENT_TYPES.contains(type.asText())) {
            return reject(id, ErrorCode.UNKNOWN_TYPE, "unknown message type");
        }
        try {
            return new Decoded.Accepted(bind(read.root(), ClientMessage.class, "invalid " + type.asText() + " message"));
        } catch (ProtocolException problem) {
            return new Decoded.Rejected(id, problem);
        }
    }

    /** Decodes a JSON body of the HTTP API by the same rules as a client frame; throws the typed rejection. */
    public static <T> T decodeBody(byte[] utf8, Class<T> type) {
        JsonTree.Read read = readObject(utf8, "body");
        if (read.problem() != null) throw read.problem();
        return bind(read.root(), type, "invalid request body");
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

    /** Reads a JSON object, or throws {@code malformed}; what JSON allows and the protocol refuses is left in the result's problem. */
    private static JsonTree.Read readObject(byte[] utf8, String what) {
        JsonTree.Read read;
        try {
            read = JsonTree.read(FRAMES, utf8);
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.MALFORMED, "the " + what + " is not valid JSON");
        }
        if (read.root() == null || !read.root().isObject()) throw new ProtocolException(ErrorCode.MALFORMED, "the " + what + " must be a JSON object");
        return read;
    }

    /** The request id to echo on a rejection: one that is readable and could be a valid id, else none. */
    private static String requestId(JsonNode id) {
        if (!id.isTextual()) return null;
        String text = id.asText();
        return Fields.characters(text) <= Fields.MAX_REQUEST_ID && Fields.wellFormed(text) ? text : null;
    }

    private static <T> T bind(JsonNode tree, Class<T> type, String invalid) {
        try {
            return JSON.treeToValue(tree, type);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ProtocolException problem) throw problem;
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, invalid);
        } catch (UnrecognizedPropertyException e) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "unknown field '" + e.getPropertyName() + "'");
        } catch (JsonProcessingException e) {
            // A number that fits a long but not the field's int is out of range as well, not of the wrong type.
            String wrong = e.getCause() instanceof InputCoercionException ? "is out of range" : "has the wrong type";
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "field '" + fieldOf(e) + "' " + wrong);
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
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(NESTING)
                .maxStringLength(LONGEST)
                .maxNumberLength(20)
                .build());
        return mapper;
    }
}
