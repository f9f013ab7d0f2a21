package org.tryst.scenes;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.tryst.gateway.Connection;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;

/**
 * Which sockets speak for which device, and the order in which a device hears of scene messages.
 * A device that attaches gets its stored queue first; live messages for it wait on the device's lock
 * meanwhile, so they arrive after the queue and nothing stored in between is skipped (a message both
 * queued and live arrives twice, and clients drop repeats by id).
 */
final class Deliveries {
    private final Map<String, Set<Connection>> byDevice = new ConcurrentHashMap<>();
    private final Stripes locks = new Stripes(256);

    /** Attaches a socket to a device: sends {@code first} (given the queue's length), then the queue, then lets live messages through. */
    void attach(Connection socket, String device, IntFunction<ServerMessage> first, Supplier<List<ServerMessage>> queue) {
        locks.locked(device, () -> {
            socket.attach(device);
            byDevice.computeIfAbsent(device, id -> ConcurrentHashMap.newKeySet()).add(socket);
            List<ServerMessage> queued = queue.get();
            socket.send(first.apply(queued.size()));
            queued.forEach(socket::send);
        });
    }

    void detach(Connection socket) {
        String device = socket.device();
        if (device == null) return;
        byDevice.computeIfPresent(device, (id, sockets) -> {
            sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        });
    }

    /** Sends a message to every socket of the given devices. */
    void send(Iterable<String> devices, ServerMessage message) {
        byte[] json = Codec.encode(message);
        for (String device : devices) {
            locks.locked(device, () -> {
                Set<Connection> sockets = byDevice.get(device);
                if (sockets != null) sockets.forEach(socket -> socket.send(json));
            });
        }
    }
}
