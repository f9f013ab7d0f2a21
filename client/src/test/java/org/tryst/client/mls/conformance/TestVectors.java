package org.tryst.client.mls.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.mls.TreeKEM.TreeKEMPublicKey;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.bouncycastle.mls.crypto.Secret;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingConsumer;

/** Loads the RFC 9420 test vectors under {@code /mls-test-vectors} and turns each one into a named dynamic test. */
final class TestVectors {

    private static final String FOLDER = "/mls-test-vectors/";

    /** Every binary field in the vector files is a hex string, so byte[] means hex here, not Jackson's base64. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new SimpleModule().addDeserializer(byte[].class, new HexDeserializer()))
            .build();

    private TestVectors() {
    }

    /** Reads every vector of a file; an empty or missing file is an error so that a family can never pass vacuously. */
    static <T> List<T> load(String file, Class<T> type) {
        try (InputStream in = TestVectors.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("test vector file not on the classpath: " + file);
            }
            List<T> vectors = JSON.readValue(in, JSON.getTypeFactory().constructCollectionType(List.class, type));
            if (vectors.isEmpty()) {
                throw new IllegalStateException("test vector file holds no vectors: " + file);
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    /** One test per vector, named by its position in the file and a short description. */
    static <T> Stream<DynamicTest> eachVector(String file, Class<T> type, Function<T, String> describe,
                                              ThrowingConsumer<T> check) {
        List<T> vectors = load(file, type);
        return IntStream.range(0, vectors.size()).mapToObj(i -> {
            T vector = vectors.get(i);
            return DynamicTest.dynamicTest(name(i, describe.apply(vector)), () -> check.accept(vector));
        });
    }

    /** One container per vector, for vectors whose parts are independent enough to report one by one. */
    static <T> Stream<DynamicContainer> eachVectorAsGroup(String file, Class<T> type, Function<T, String> describe,
                                                      Function<T, Stream<? extends DynamicNode>> checks) {
        List<T> vectors = load(file, type);
        return IntStream.range(0, vectors.size()).mapToObj(i -> {
            T vector = vectors.get(i);
            return DynamicContainer.dynamicContainer(name(i, describe.apply(vector)), checks.apply(vector));
        });
    }

    static DynamicTest check(String name, Executable executable) {
        return DynamicTest.dynamicTest(name, executable);
    }

    static MlsCipherSuite suite(int id) {
        try {
            return MlsCipherSuite.getSuite((short) id);
        } catch (Exception e) {
            throw new IllegalArgumentException("cipher suite " + id + " is not supported by Bouncy Castle", e);
        }
    }

    /** Decodes a ratchet tree and computes its hashes, which Bouncy Castle leaves unset until a suite is attached. */
    static TreeKEMPublicKey ratchetTree(MlsCipherSuite suite, byte[] bytes) throws IOException {
        TreeKEMPublicKey tree = (TreeKEMPublicKey) MLSInputStream.decode(bytes, TreeKEMPublicKey.class);
        tree.setSuite(suite);
        tree.setHashAll();
        return tree;
    }

    /**
     * Wraps a copy: Bouncy Castle's {@link Secret} zeroes the array it was given once the secret is consumed, which
     * would otherwise wipe the vector's own bytes for the checks that follow.
     */
    static Secret secret(byte[] value) {
        return new Secret(value.clone());
    }

    /** Compares as hex so that a failure shows which bytes differ instead of two array identities. */
    static void assertHex(byte[] expected, byte[] actual, String what) {
        assertEquals(Hex.toHexString(expected), actual == null ? null : Hex.toHexString(actual), what);
    }

    /** Counted from 1, like the {@code [n]} by which Surefire's reports name the same test. */
    private static String name(int index, String description) {
        return "vector " + (index + 1) + " (" + description + ")";
    }

    /** Decodes a JSON hex string into bytes. */
    private static final class HexDeserializer extends StdDeserializer<byte[]> {

        HexDeserializer() {
            super(byte[].class);
        }

        @Override
        public byte[] deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return Hex.decode(parser.getValueAsString());
        }
    }
}
