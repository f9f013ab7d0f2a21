package org.tryst.client;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tryst.protocol.ClientMessage;

/**
 * What a report of each received scene message needs (the body with its franking key, the
 * commitment, and the server's tag, key id, time and epoch as delivered), kept in memory only, for
 * as long as the message itself: it goes when the message's timer runs out, when this device leaves
 * the scene, and when the client closes. A scene ended by a safeword keeps it until then, so that a
 * member can still report what led to the safeword.
 */
final class Reportables {
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    /** One received message's franking material, and the persona of this device that received it. */
    record Reportable(String scene, String message, String receiver, String sender, long epoch, long at, int kid, String tag,
                      byte[] commitment, byte[] frankingKey, byte[] body, Long expiresAt) {
        ClientMessage.ReportScene report(String requestId, String reason, String note) {
            return new ClientMessage.ReportScene(requestId, receiver, scene, message, sender, epoch, at, kid, tag,
                    BASE64.encodeToString(commitment), BASE64.encodeToString(frankingKey), BASE64.encodeToString(body), reason, note);
        }
    }

    private final Map<String, Reportable> byMessage = new ConcurrentHashMap<>();

    void keep(Reportable reportable) {
        byMessage.put(reportable.message(), reportable);
    }

    Reportable find(String messageId) {
        Reportable found = byMessage.get(messageId);
        if (found == null) throw new IllegalArgumentException("no reportable message " + messageId + " on this device (gone with its timer?)");
        return found;
    }

    /** This device left the scene: its messages are gone. */
    void forgetScene(String sceneId) {
        byMessage.values().removeIf(reportable -> reportable.scene().equals(sceneId));
    }

    /** Messages past their timer are gone. */
    void purge(long now) {
        byMessage.values().removeIf(reportable -> reportable.expiresAt() != null && reportable.expiresAt() <= now);
    }

    void clear() {
        byMessage.clear();
    }
}
