package org.tryst.telnet;

import java.util.List;
import org.tryst.cluster.Format;
import org.tryst.cluster.Outbox;
import org.tryst.protocol.ServerMessage;

/** Text for MUD clients: rendered per connection, since each has its own width, colour and persona. */
final class TelnetFormat implements Format {
    static final TelnetFormat INSTANCE = new TelnetFormat();

    private TelnetFormat() {}

    @Override
    public void write(ServerMessage message, List<Outbox> sockets) {
        for (Outbox socket : sockets) socket.send(message);
    }
}
