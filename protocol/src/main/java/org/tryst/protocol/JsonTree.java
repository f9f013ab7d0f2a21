package org.tryst.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads a JSON document into a tree, noting the first thing in it that JSON allows and the protocol
 * refuses: a key given twice, text with an unpaired surrogate, a number no field can hold. It reads
 * on to the end all the same, so that the refusal can still carry the request id.
 */
final class JsonTree {
    /** The longest integer, in characters with its sign, that can fit a {@code long}. */
    private static final int LONGEST_LONG = String.valueOf(Long.MIN_VALUE).length();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String UNPAIRED = "is not Unicode text: it has an unpaired surrogate";

    /** A document's tree (null for an empty one) and the first problem in it, or null. */
    record Read(JsonNode root, ProtocolException problem) {}

    private final JsonParser parser;
    private ProtocolException problem;

    private JsonTree(JsonParser parser) {
        this.parser = parser;
    }

    /** Reads one document; throws only for what is not JSON (or breaks the factory's limits). */
    static Read read(JsonFactory factory, byte[] utf8) throws IOException {
        try (JsonParser parser = factory.createParser(utf8)) {
            JsonTree tree = new JsonTree(parser);
            JsonNode root = parser.nextToken() == null ? null : tree.value(null);
            if (parser.nextToken() != null) throw new JsonParseException(parser, "more after the document");
            return new Read(root, tree.problem);
        }
    }

    /** The value at the current token; {@code field} is the name it is under, for arrays the array's. */
    private JsonNode value(String field) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> object();
            case START_ARRAY -> array(field);
            case VALUE_STRING -> string(field);
            case VALUE_NUMBER_INT -> integer(field);
            case VALUE_NUMBER_FLOAT -> decimal(field);
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
            case VALUE_NULL -> NODES.nullNode();
            case NOT_AVAILABLE, VALUE_EMBEDDED_OBJECT, FIELD_NAME, END_OBJECT, END_ARRAY ->
                    throw new JsonParseException(parser, "unexpected " + parser.currentToken());
        };
    }

    private ObjectNode object() throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (!Fields.wellFormed(name)) note("a field name " + UNPAIRED);
            parser.nextToken();
            JsonNode value = value(name);
            if (object.replace(name, value) != null) {
                // Readers disagree on which of two values counts, so neither does: a repeated id is not echoed.
                object.set(name, NODES.nullNode());
                note("field '" + name + "' appears twice");
            }
        }
        return object;
    }

    private ArrayNode array(String field) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) array.add(value(field));
        return array;
    }

    private JsonNode string(String field) throws IOException {
        String value = parser.getText();
        if (!Fields.wellFormed(value)) note("field '" + field + "' " + UNPAIRED);
        return NODES.textNode(value);
    }

    private JsonNode integer(String field) throws IOException {
        // A number too long for a long is out of range without the cost of reading its thousands of digits.
        if (parser.getTextLength() > LONGEST_LONG || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return outOfRange(field);
        }
        return NODES.numberNode(parser.getLongValue());
    }

    private JsonNode decimal(String field) throws IOException {
        double value = parser.getDoubleValue();
        return Double.isFinite(value) ? NODES.numberNode(value) : outOfRange(field);
    }

    private JsonNode outOfRange(String field) {
        note("field '" + field + "' is out of range");
        return NODES.nullNode();
    }

    private void note(String message) {
        if (problem == null) problem = new ProtocolException(ErrorCode.INVALID_MESSAGE, message);
    }
}
