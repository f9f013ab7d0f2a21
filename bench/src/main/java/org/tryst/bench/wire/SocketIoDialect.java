package org.tryst.bench.wire;

import io.netty.buffer.ByteBuf;
import java.net.URI;

/**
 * Socket.IO 4 over a plain WebSocket (Engine.IO protocol 4): open packet {@code 0}, namespace
 * connect {@code 40}, events {@code 42[...]} with an acknowledgement id when one is wanted, and
 * the server's heartbeat {@code 2} answered with {@code 3}.
 */
public record SocketIoDialect(int port) implements Dialect {
    @Override
    public URI endpoint(int index) {
        return URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket");
    }

    @Override
    public String subprotocol() {
        return null;
    }

    @Override
    public Conversation open(int index, String room) {
        return new SocketIoConversation(room);
    }

    private record SocketIoConversation(String room) implements Conversation {
        @Override
        public void opened(Link link) {
            // The server speaks first, with its open packet.
        }

        @Override
        public long delivery(ByteBuf frame) {
            return Payload.startsWith(frame, "42[\"msg\"") ? Payload.scheduledAt(frame) : -1;
        }

        @Override
        public void received(String frame, Link link) {
            if (frame.equals("2")) {
                link.send("3");
            } else if (frame.startsWith("40")) {
                link.send("420[\"join\",\"" + room + "\"]");
            } else if (frame.startsWith("430")) {
                link.ready();
            } else if (frame.startsWith("0")) {
                link.send("40");
            } else if (frame.startsWith("44") || frame.startsWith("1")) {
                link.failed("socket.io refused: " + frame);
            }
        }

        @Override
        public String publish(String payload) {
            return "42[\"pub\",\"" + room + "\",\"" + payload + "\"]";
        }
    }
}
