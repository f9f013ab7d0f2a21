package org.tryst.telnet;

import java.util.concurrent.CompletableFuture;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Format;
import org.tryst.protocol.ServerMessage;
import org.tryst.requests.Exchange;

/**
 * The connection as the dispatcher sees it for one request whose reply the gateway reads itself
 * (a persona picked, a channel left) rather than renders: the reply completes {@code reply}, and
 * everything else (events, a close) goes to the connection as usual.
 */
record Asking(TelnetConnection connection, CompletableFuture<ServerMessage> reply) implements Exchange {
    @Override
    public Caller caller() {
        return connection.caller();
    }

    @Override
    public void owe(CompletableFuture<?> later) {
        connection.owe(later);
    }

    @Override
    public Format format() {
        return connection.format();
    }

    @Override
    public void send(ServerMessage message) {
        reply.complete(message);
    }

    @Override
    public void close(ServerMessage last, int code, String reason) {
        reply.complete(new ServerMessage.Ok(null));
        connection.close(last, code, reason);
    }

    @Override
    public String logId() {
        return connection.logId();
    }
}
