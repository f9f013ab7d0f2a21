package org.tryst.client.mls;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.FieldSerializer;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Writes and reads the MLS state as bytes. Bouncy Castle's groups have no serialised form of their
 * own, so Kryo copies their object graph field by field; the cipher suite, which holds engines
 * rather than state, is written as its number. The bytes are tied to the Bouncy Castle version
 * that wrote them, which is recorded first and checked on reading.
 */
final class StateCodec {
    private static final String FORMAT = "tryst-mls-state/bcmls-" + MlsCipherSuite.class.getPackage().getImplementationVersion();

    private StateCodec() {}

    static byte[] write(BcMls.State state) {
        try (Output output = new Output(4096, -1)) {
            output.writeString(FORMAT);
            kryo().writeObject(output, state);
            return output.toBytes();
        }
    }

    static BcMls.State read(byte[] bytes) {
        try (Input input = new Input(bytes)) {
            String format = input.readString();
            if (!FORMAT.equals(format)) throw new MlsException("the saved MLS state was written by " + format + ", not " + FORMAT, null);
            return kryo().readObject(input, BcMls.State.class);
        }
    }

    private static Kryo kryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setReferences(true);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        FieldSerializer.FieldSerializerConfig fields = new FieldSerializer.FieldSerializerConfig();
        // Bouncy Castle's key schedule keeps ratchets as inner classes, which reach their owner through a synthetic field.
        fields.setIgnoreSyntheticFields(false);
        kryo.setDefaultSerializer(new SerializerFactory.FieldSerializerFactory(fields));
        kryo.addDefaultSerializer(MlsCipherSuite.class, new Serializer<MlsCipherSuite>() {
            @Override
            public void write(Kryo kryo, Output output, MlsCipherSuite suite) {
                output.writeShort(suite.getSuiteID());
            }

            @Override
            public MlsCipherSuite read(Kryo kryo, Input input, Class<? extends MlsCipherSuite> type) {
                try {
                    return MlsCipherSuite.getSuite(input.readShort());
                } catch (Exception e) {
                    throw new MlsException("unknown cipher suite in saved state", e);
                }
            }
        });
        return kryo;
    }
}
