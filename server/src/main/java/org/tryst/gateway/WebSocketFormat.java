package org.tryst.gateway;

import java.util.ArrayList;
import java.util.List;
import org.tryst.cluster.Format;
import org.tryst.cluster.Outbox;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;

/** JSON in WebSocket text frames: encoded once per message, one task per event loop for all its sockets. */
final class WebSocketFormat implements Format {
    static final WebSocketFormat INSTANCE = new WebSocketFormat();

    private WebSocketFormat() {}

    @Override
    public void write(ServerMessage message, List<Outbox> sockets) {
        List<Connection> connections = new ArrayList<>(sockets.size());
        for (Outbox socket : sockets) connections.add((Connection) socket);
        Connection.sendAll(connections, Codec.encode(message));
    }
}
