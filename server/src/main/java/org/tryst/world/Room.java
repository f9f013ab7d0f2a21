package org.tryst.world;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** A place in the world; {@code owner} is a persona id, empty for the shipped area and operators' rooms. */
public record Room(String id, String name, String description, Optional<String> owner, Rating rating, Optional<String> lock) {

    /**
     * The number MUD clients' mappers know a room by (GMCP {@code Room.Info}'s {@code num}): the first
     * 31 bits of the SHA-256 of its id, so the same in every process and after every restart, and
     * never 0 (mappers take 0 and negatives for "no number"). Two ids may hash alike (about once in a
     * thousand worlds of two thousand rooms), so {@code @dig} draws another id when a number is taken
     * and a world file whose ids share a number is refused, naming both.
     */
    public static int mapNumber(String id) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            int number = ((hash[0] & 0x7f) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
            return number == 0 ? 1 : number;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
