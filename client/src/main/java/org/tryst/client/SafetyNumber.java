package org.tryst.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The number two partners compare, by voice or in person, to know that nobody sits between them:
 * sixty digits derived from both personas' device signature keys as they appear in the scene's MLS
 * group, the same on every client. Each side's half is thirty digits from 5,200 rounds of SHA-512
 * over its persona id and sorted keys (slow on purpose, so that a forged key matching a half is
 * costly to search for); the halves are shown in a fixed order, so both partners see one number.
 */
public final class SafetyNumber {
    private static final byte[] VERSION = "tryst-safety-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int ROUNDS = 5_200;

    private SafetyNumber() {}

    /** The safety number of two personas, each with the signature keys of its devices, in twelve groups of five digits. */
    public static String of(String personaA, List<byte[]> keysA, String personaB, List<byte[]> keysB) {
        String first = half(personaA, keysA);
        String second = half(personaB, keysB);
        String digits = first.compareTo(second) <= 0 ? first + second : second + first;
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 5) {
            if (i > 0) grouped.append(' ');
            grouped.append(digits, i, i + 5);
        }
        return grouped.toString();
    }

    /** One persona's thirty digits. */
    static String half(String personaId, List<byte[]> keys) {
        byte[] material = material(personaId, keys);
        MessageDigest sha512 = sha512();
        byte[] hash = sha512.digest(material);
        for (int round = 1; round < ROUNDS; round++) {
            sha512.update(hash);
            hash = sha512.digest(material);
        }
        StringBuilder digits = new StringBuilder();
        for (int chunk = 0; chunk < 6; chunk++) {
            long value = 0;
            for (int i = 0; i < 5; i++) value = (value << 8) | (hash[chunk * 5 + i] & 0xff);
            digits.append(String.format("%05d", value % 100_000));
        }
        return digits.toString();
    }

    private static byte[] material(String personaId, List<byte[]> keys) {
        byte[] id = personaId.getBytes(StandardCharsets.UTF_8);
        List<byte[]> sorted = keys.stream().sorted(Comparator.comparing(key -> key, Arrays::compareUnsigned)).toList();
        ByteBuffer buffer = ByteBuffer.allocate(VERSION.length + 2 + id.length + sorted.stream().mapToInt(key -> 2 + key.length).sum());
        buffer.put(VERSION).putShort((short) id.length).put(id);
        sorted.forEach(key -> buffer.putShort((short) key.length).put(key));
        return buffer.array();
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is missing from this JDK", e);
        }
    }
}
