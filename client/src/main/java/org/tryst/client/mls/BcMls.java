package org.tryst.client.mls;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.mls.TreeKEM.LeafNode;
import org.bouncycastle.mls.TreeKEM.LifeTime;
import org.bouncycastle.mls.codec.Capabilities;
import org.bouncycastle.mls.codec.Credential;
import org.bouncycastle.mls.codec.Extension;
import org.bouncycastle.mls.codec.ExternalSender;
import org.bouncycastle.mls.codec.KeyPackage;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSMessage;
import org.bouncycastle.mls.codec.MLSOutputStream;
import org.bouncycastle.mls.crypto.MlsCipherSuite;

/**
 * {@link Mls} over Bouncy Castle's MLS (bcmls). Bouncy Castle keeps group state in memory only, so
 * the whole state is written with {@link StateCodec}; everything Bouncy Castle-specific stays in
 * this package.
 */
public final class BcMls implements Mls {
    /**
     * Bouncy Castle's one shared suite object, whose hash and cipher engines are not thread-safe:
     * every MLS operation of every device in this process holds its lock.
     */
    static final MlsCipherSuite SUITE = suite();
    private static final String KEY_PACKAGE_REF = "MLS 1.0 KeyPackage Reference";

    /** The state written to disk: the device's keys, unused KeyPackages' secrets, and its groups. */
    static final class State {
        AsymmetricCipherKeyPair signature;
        Map<String, JoinSecrets> keyPackages = new HashMap<>();
        Map<String, BcGroup> groups = new HashMap<>();
    }

    /** The private half of a KeyPackage, kept until a Welcome uses it (a class, not a record: Kryo fills its fields). */
    static final class JoinSecrets {
        AsymmetricCipherKeyPair init;
        AsymmetricCipherKeyPair encryption;
        KeyPackage keyPackage;

        JoinSecrets(AsymmetricCipherKeyPair init, AsymmetricCipherKeyPair encryption, KeyPackage keyPackage) {
            this.init = init;
            this.encryption = encryption;
            this.keyPackage = keyPackage;
        }
    }

    private final State state;

    private BcMls(State state) {
        this.state = state;
    }

    /** A new device with a fresh signature key. */
    public static BcMls create() {
        synchronized (BcMls.SUITE) {
            State state = new State();
            state.signature = SUITE.generateSignatureKeyPair();
            return new BcMls(state);
        }
    }

    /** A device restored from {@link #save()}. */
    public static BcMls restore(byte[] saved) {
        return new BcMls(StateCodec.read(saved));
    }

    @Override
    public byte[] save() {
        return StateCodec.write(state);
    }

    @Override
    public byte[] signatureKey() {
        return SUITE.serializeSignaturePublicKey(state.signature.getPublic());
    }

    byte[] signaturePrivateKey() {
        return SUITE.serializeSignaturePrivateKey(state.signature.getPrivate());
    }

    @Override
    public byte[] newKeyPackage(String personaId) {
        synchronized (BcMls.SUITE) {
            try {
                AsymmetricCipherKeyPair init = SUITE.getHPKE().generatePrivateKey();
                AsymmetricCipherKeyPair encryption = SUITE.getHPKE().generatePrivateKey();
                KeyPackage keyPackage = new KeyPackage(SUITE, SUITE.getHPKE().serializePublicKey(init.getPublic()),
                        leaf(personaId, encryption), new ArrayList<>(), signaturePrivateKey());
                byte[] message = MLSOutputStream.encode(MLSMessage.keyPackage(keyPackage));
                state.keyPackages.put(hex(SUITE.refHash(MLSOutputStream.encode(keyPackage), KEY_PACKAGE_REF)),
                        new JoinSecrets(init, encryption, keyPackage));
                return message;
            } catch (Exception e) {
                throw new MlsException("making a KeyPackage failed", e);
            }
        }
    }

    @Override
    public int unusedKeyPackages(String personaId) {
        byte[] identity = personaId.getBytes(StandardCharsets.UTF_8);
        return (int) state.keyPackages.values().stream()
                .filter(secrets -> java.util.Arrays.equals(secrets.keyPackage.getLeafNode().getCredential().getIdentity(), identity))
                .count();
    }

    @Override
    public Group create(String groupId, String personaId, byte[] externalSenderKey) {
        synchronized (BcMls.SUITE) {
            try {
                AsymmetricCipherKeyPair encryption = SUITE.getHPKE().generatePrivateKey();
                LeafNode leaf = leaf(personaId, encryption);
                List<Extension> extensions = new ArrayList<>(List.of(Extension.externalSender(List.of(
                        new ExternalSender(externalSenderKey, Credential.forBasic("tryst-server".getBytes(StandardCharsets.UTF_8)))))));
                var group = new org.bouncycastle.mls.protocol.Group(groupId.getBytes(StandardCharsets.UTF_8), SUITE, encryption,
                        signaturePrivateKey(), leaf.copy(leaf.getEncryptionKey()), extensions);
                BcGroup created = new BcGroup(groupId, group);
                state.groups.put(groupId, created);
                return created;
            } catch (Exception e) {
                throw new MlsException("creating a group failed", e);
            }
        }
    }

    @Override
    public Group join(byte[] welcome) {
        synchronized (BcMls.SUITE) {
            MLSMessage message = decode(welcome);
            if (message.welcome == null) throw new MlsException("not a Welcome", null);
            for (var entry : state.keyPackages.entrySet()) {
                JoinSecrets secrets = entry.getValue();
                try {
                    if (message.welcome.find(secrets.keyPackage) < 0) continue;
                    var group = new org.bouncycastle.mls.protocol.Group(SUITE.getHPKE().serializePrivateKey(secrets.init.getPrivate()),
                            secrets.encryption, signaturePrivateKey(), secrets.keyPackage, message.welcome, null, new HashMap<>(),
                            new HashMap<>());
                    state.keyPackages.remove(entry.getKey());
                    BcGroup joined = new BcGroup(new String(group.getGroupID(), StandardCharsets.UTF_8), group);
                    state.groups.put(joined.id(), joined);
                    return joined;
                } catch (Exception e) {
                    throw new MlsException("joining from the Welcome failed", e);
                }
            }
            throw new MlsException("the Welcome is for none of this device's KeyPackages", null);
        }
    }

    @Override
    public Group group(String groupId) {
        return state.groups.get(groupId);
    }

    @Override
    public void forget(String groupId) {
        state.groups.remove(groupId);
    }

    private LeafNode leaf(String personaId, AsymmetricCipherKeyPair encryption) throws Exception {
        return new LeafNode(SUITE, SUITE.getHPKE().serializePublicKey(encryption.getPublic()), signatureKey(),
                Credential.forBasic(personaId.getBytes(StandardCharsets.UTF_8)), new Capabilities(), new LifeTime(),
                new ArrayList<>(), signaturePrivateKey());
    }

    static MLSMessage decode(byte[] bytes) {
        try {
            return (MLSMessage) MLSInputStream.decode(bytes, MLSMessage.class);
        } catch (Exception | StackOverflowError e) {
            throw new MlsException("not a well-formed MLS message", e instanceof Exception cause ? cause : null);
        }
    }

    static byte[] random(int bytes) {
        byte[] secret = new byte[bytes];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static MlsCipherSuite suite() {
        try {
            return MlsCipherSuite.getSuite(MlsCipherSuite.MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519);
        } catch (Exception e) {
            throw new IllegalStateException("MLS cipher suite 1 is not available", e);
        }
    }
}
