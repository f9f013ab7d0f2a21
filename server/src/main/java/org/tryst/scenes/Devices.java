package org.tryst.scenes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.mls.codec.KeyPackage;
import org.jdbi.v3.core.Handle;
import org.tryst.config.Config;
import org.tryst.personas.Persona;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.storage.Ids;
import org.tryst.storage.Sql;

/**
 * Devices and their KeyPackages. A device is one client installation with an MLS signature key;
 * it uploads KeyPackages per persona, and each is handed out once, to add that persona to a scene
 * whose invitation it accepted. A last-resort package is handed out when the others are gone.
 */
public final class Devices {
    /** Unused KeyPackages the server keeps per device and persona: plenty for invitations, not a place to store data. */
    static final int MAX_STORED = 100;
    private final Sql sql;
    private final Config.Scenes config;
    private final Clock clock;

    public Devices(Sql sql, Config.Scenes config, Clock clock) {
        this.sql = sql;
        this.config = config;
        this.clock = clock;
    }

    /** Registers a device with its Ed25519 signature public key. */
    public Views.Device register(String accountId, byte[] signatureKey) {
        if (signatureKey.length != 32) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "signatureKey must be a raw Ed25519 public key of 32 bytes");
        String id = Ids.random();
        long now = clock.millis();
        sql.useTransaction(handle -> {
            int devices = handle.createQuery("SELECT COUNT(*) FROM devices WHERE account_id = :account")
                    .bind("account", accountId).mapTo(Integer.class).one();
            if (devices >= config.maxDevicesPerAccount()) {
                throw new ProtocolException(ErrorCode.FORBIDDEN, "this account has as many devices as the server allows");
            }
            boolean taken = handle.createQuery("SELECT COUNT(*) FROM devices WHERE signature_key = :key")
                    .bind("key", signatureKey).mapTo(Integer.class).one() > 0;
            if (taken) throw new ProtocolException(ErrorCode.NAME_TAKEN, "that signature key belongs to a device already");
            handle.createUpdate("INSERT INTO devices (id, account_id, signature_key, created_at) VALUES (:id, :account, :key, :now)")
                    .bind("id", id).bind("account", accountId).bind("key", signatureKey).bind("now", now).execute();
        });
        return new Views.Device(id, Base64.getEncoder().encodeToString(signatureKey), now);
    }

    /** The device's signature key, when the device belongs to the account. */
    Optional<byte[]> signatureKey(String accountId, String deviceId) {
        return sql.withHandle(handle -> handle.createQuery("SELECT signature_key FROM devices WHERE id = :id AND account_id = :account")
                .bind("id", deviceId).bind("account", accountId).mapTo(byte[].class).findOne());
    }

    /** Checks that the device belongs to the account; NOT_FOUND otherwise. */
    public void requireOwned(String accountId, String deviceId) {
        if (signatureKey(accountId, deviceId).isEmpty()) throw new ProtocolException(ErrorCode.NOT_FOUND, "no such device");
    }

    /**
     * Stores KeyPackages of a device for a persona, each checked: suite 1, valid signatures, the
     * device's signature key, and a credential naming the persona. Returns how many are available.
     */
    public int upload(String accountId, String deviceId, Persona persona, List<byte[]> packages, byte[] lastResort) {
        byte[] deviceKey = signatureKey(accountId, deviceId).orElseThrow(() -> new ProtocolException(ErrorCode.NO_DEVICE, "attach a device first"));
        List<KeyPackage> ordinary = packages.stream().map(bytes -> checked(bytes, deviceKey, persona)).toList();
        KeyPackage resort = lastResort == null ? null : checked(lastResort, deviceKey, persona);
        long now = clock.millis();
        return sql.inTransaction(handle -> {
            if (available(handle, deviceId, persona.id()) + ordinary.size() > MAX_STORED) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "a device keeps at most " + MAX_STORED + " KeyPackages per persona here");
            }
            for (int i = 0; i < ordinary.size(); i++) insert(handle, ordinary.get(i), packages.get(i), deviceId, persona.id(), false, now);
            if (resort != null) {
                handle.createUpdate("DELETE FROM key_packages WHERE device_id = :device AND persona_id = :persona AND last_resort")
                        .bind("device", deviceId).bind("persona", persona.id()).execute();
                insert(handle, resort, lastResort, deviceId, persona.id(), true, now);
            }
            return available(handle, deviceId, persona.id());
        });
    }

    /** A device whose KeyPackages for a persona are running low, to be told so. */
    record Low(String device, String persona, int available) {
        ServerMessage event() {
            return new ServerMessage.KeyPackagesLow(device, persona, available);
        }
    }

    /** What a claim hands out, and which devices should be asked for more. */
    record Claimed(List<Views.DeviceKeyPackage> keyPackages, List<Low> low) {}

    /**
     * Takes one KeyPackage of each device that has one for the persona, and records it as claimed
     * for the scene, so that a commit adding it can be checked against the invitation.
     */
    Claimed claim(Handle handle, String sceneId, String personaId) {
        List<String> devices = handle.createQuery("SELECT DISTINCT device_id FROM key_packages WHERE persona_id = :persona ORDER BY device_id")
                .bind("persona", personaId).mapTo(String.class).list();
        List<Views.DeviceKeyPackage> claimed = new ArrayList<>();
        List<Low> low = new ArrayList<>();
        long now = clock.millis();
        for (String device : devices) {
            var row = handle.createQuery("""
                            SELECT ref, data, last_resort FROM key_packages WHERE device_id = :device AND persona_id = :persona
                            ORDER BY last_resort, created_at LIMIT 1""")
                    .bind("device", device).bind("persona", personaId)
                    .map((rs, ctx) -> new Stored(rs.getBytes("ref"), rs.getBytes("data"), rs.getBoolean("last_resort"))).one();
            byte[] ref = row.ref();
            byte[] data = row.data();
            if (!row.lastResort()) handle.createUpdate("DELETE FROM key_packages WHERE ref = :ref").bind("ref", ref).execute();
            handle.createUpdate("""
                            INSERT INTO key_package_claims (scene_id, ref, device_id, persona_id, data, claimed_at)
                            VALUES (:scene, :ref, :device, :persona, :data, :now) ON CONFLICT (scene_id, ref) DO NOTHING""")
                    .bind("scene", sceneId).bind("ref", ref).bind("device", device).bind("persona", personaId)
                    .bind("data", data).bind("now", now).execute();
            claimed.add(new Views.DeviceKeyPackage(device, Base64.getEncoder().encodeToString(data)));
            int left = available(handle, device, personaId);
            if (left < config.keyPackagesLowWater()) low.add(new Low(device, personaId, left));
        }
        if (claimed.isEmpty()) throw new ProtocolException(ErrorCode.NO_KEY_PACKAGES, "that persona has no KeyPackages; it must come online first");
        return new Claimed(claimed, low);
    }

    private record Stored(byte[] ref, byte[] data, boolean lastResort) {}

    private static KeyPackage checked(byte[] bytes, byte[] deviceKey, Persona persona) {
        KeyPackage keyPackage = MlsFrames.keyPackage(bytes);
        if (!Arrays.equals(keyPackage.getLeafNode().getSignatureKey(), deviceKey)) {
            throw new ProtocolException(ErrorCode.BAD_MLS, "the KeyPackage is signed with another key than the device's");
        }
        if (!Arrays.equals(keyPackage.getLeafNode().getCredential().getIdentity(), MlsIdentity.of(persona.id()))) {
            throw new ProtocolException(ErrorCode.BAD_MLS, "the KeyPackage's credential must name the persona");
        }
        return keyPackage;
    }

    private static void insert(Handle handle, KeyPackage keyPackage, byte[] bytes, String device, String persona, boolean lastResort, long now) {
        handle.createUpdate("""
                        INSERT INTO key_packages (ref, device_id, persona_id, data, last_resort, created_at)
                        VALUES (:ref, :device, :persona, :data, :lastResort, :now) ON CONFLICT (ref) DO NOTHING""")
                .bind("ref", MlsFrames.reference(keyPackage)).bind("device", device).bind("persona", persona)
                .bind("data", bytes).bind("lastResort", lastResort).bind("now", now).execute();
    }

    private static int available(Handle handle, String device, String persona) {
        return handle.createQuery("SELECT COUNT(*) FROM key_packages WHERE device_id = :device AND persona_id = :persona AND NOT last_resort")
                .bind("device", device).bind("persona", persona).mapTo(Integer.class).one();
    }
}
