package org.tryst.scenes;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tryst.config.Config;
import org.tryst.protocol.ClientMessage;
import org.tryst.storage.Sql;

/**
 * The server's franking keys, one per period: the key id is the number of the period since the
 * epoch, so every server process sharing the database agrees on the current one without talking,
 * and the first to need a key stores it for the others. Keys older than the report window are
 * deleted, and with them the means to verify (or forge) a report of what they tagged.
 */
final class FrankingKeys {
    private static final String PURPOSE = "franking";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sql sql;
    private final Clock clock;
    private final long periodMs;
    private final long windowMs;
    private final Map<Integer, Franking> known = new ConcurrentHashMap<>();

    FrankingKeys(Sql sql, Config.Moderation config, Clock clock) {
        this.sql = sql;
        this.clock = clock;
        this.periodMs = Duration.ofHours(config.frankingKeyHours()).toMillis();
        this.windowMs = Duration.ofDays(config.reportWindowDays()).toMillis();
    }

    /** The key that tags messages now, and its id. */
    record Current(int kid, Franking franking) {}

    Current current() {
        int kid = kidAt(clock.millis());
        return new Current(kid, known.computeIfAbsent(kid, this::storedOrNew));
    }

    /**
     * Checks a reported scene message: the key id must be one the server still keeps and match the
     * server time, the disclosed key and body must give the commitment, and the tag must be the
     * server's over it for the account and persona of the named sender.
     */
    Scenes.FrankingVerdict verify(ClientMessage.ReportScene report, String senderAccountId) {
        long now = clock.millis();
        if (report.kid() < kidAt(now - windowMs)) return rejected("the server key " + report.kid() + " has expired: the message is older than the report window");
        if (report.kid() > kidAt(now)) return rejected("the server has no key " + report.kid());
        if (kidAt(report.at()) != report.kid()) return rejected("the server time does not belong to key " + report.kid());
        Optional<Franking> key = stored(report.kid());
        if (key.isEmpty()) return rejected("the server has no key " + report.kid());
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] groupId = MlsIdentity.of(report.scene());
        byte[] commitment = base64.decode(report.commitment());
        byte[] recomputed = Franking.commitment(base64.decode(report.frankingKey()), groupId, report.epoch(), base64.decode(report.body()));
        if (!MessageDigest.isEqual(commitment, recomputed)) {
            return rejected("the text and franking key do not give the commitment: the text was altered or the key is wrong");
        }
        if (!key.get().tagged(base64.decode(report.tag()), commitment, senderAccountId, report.sender(), groupId, report.epoch(), report.at())) {
            return rejected("the server's tag does not match: the message was not sent by that persona, in that scene, epoch and time");
        }
        return new Scenes.FrankingVerdict(true, "commitment and server tag match");
    }

    /** Deletes the keys older than the report window; returns how many went. */
    int sweep() {
        int oldest = kidAt(clock.millis() - windowMs);
        known.keySet().removeIf(kid -> kid < oldest);
        return sql.withHandle(handle -> handle.createUpdate("DELETE FROM server_keys WHERE purpose = :purpose AND kid < :oldest")
                .bind("purpose", PURPOSE).bind("oldest", oldest).execute());
    }

    private static Scenes.FrankingVerdict rejected(String why) {
        return new Scenes.FrankingVerdict(false, why);
    }

    private int kidAt(long time) {
        return Math.toIntExact(Math.floorDiv(time, periodMs));
    }

    private Optional<Franking> stored(int kid) {
        Franking cached = known.get(kid);
        if (cached != null) return Optional.of(cached);
        return sql.withHandle(handle -> handle.createQuery("SELECT secret FROM server_keys WHERE purpose = :purpose AND kid = :kid")
                        .bind("purpose", PURPOSE).bind("kid", kid).mapTo(byte[].class).findOne())
                .map(secret -> known.computeIfAbsent(kid, unused -> new Franking(secret)));
    }

    /** The stored key for a period, storing a fresh one first if there is none (the first process to ask wins). */
    private Franking storedOrNew(int kid) {
        byte[] candidate = new byte[32];
        RANDOM.nextBytes(candidate);
        return new Franking(ServerKeys.stored(sql, PURPOSE, kid, candidate, clock));
    }
}
