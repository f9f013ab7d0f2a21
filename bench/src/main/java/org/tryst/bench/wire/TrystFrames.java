package org.tryst.bench.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;

/** What every conversation in Tryst's protocol does with frames: send a message, read a frame's type, decode one. */
final class TrystFrames {
    private TrystFrames() {}

    static void send(Link link, ClientMessage message) {
        link.send(text(message));
    }

    /** The message as the text frame that carries it. */
    static String text(ClientMessage message) {
        return new String(Codec.encode(message), StandardCharsets.UTF_8);
    }

    /** The frame's {@code type}, read from its first bytes without decoding it; empty when it does not start with one. */
    static String type(String frame) {
        if (!frame.startsWith("{\"type\":\"")) return "";
        int end = frame.indexOf('"', 9);
        return end < 0 ? "" : frame.substring(9, end);
    }

    /** The frame decoded, or null once the link is failed because it cannot be read. */
    static ServerMessage decode(String frame, Link link) {
        try {
            return Codec.decodeServer(frame.getBytes(StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            link.failed("unreadable frame: " + unreadable.getMessage());
            return null;
        }
    }
}
