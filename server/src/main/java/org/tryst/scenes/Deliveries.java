package org.tryst.scenes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.tryst.cluster.Audience;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.cluster.Sight;
import org.tryst.cluster.Streams;
import org.tryst.protocol.ServerMessage;
import org.tryst.scenes.SceneStore.Stored;
import org.tryst.storage.Sql;

/**
 * Scene messages on their way to devices, on whichever process each device's sockets are: published
 * numbered in their scene, so that a process that missed some fetches them from the queue in the
 * database, and delivered after a device's queue when it attaches (a message both queued and live
 * arrives twice, and clients drop repeats by id).
 */
final class Deliveries {
    /** The kind of the scenes' ordered streams. */
    static final String KIND = "scene";

    private final Delivery delivery;
    private final Sql sql;
    private final SceneViews views;

    Deliveries(Delivery delivery, Streams streams, Sql sql, SceneViews views) {
        this.delivery = delivery;
        this.sql = sql;
        this.views = views;
        streams.repairWith(KIND, this::missed);
    }

    /** Attaches a socket to a device: sends {@code first} (given the queue's length), then the queue, then lets live messages through. */
    void attach(Caller socket, String device, IntFunction<ServerMessage> first, Supplier<List<ServerMessage>> queue) {
        delivery.attach(socket, device, () -> {
            List<ServerMessage> queued = queue.get();
            List<ServerMessage> backlog = new ArrayList<>(queued.size() + 1);
            backlog.add(first.apply(queued.size()));
            backlog.addAll(queued);
            return backlog;
        });
    }

    /** Publishes a stored scene message to the devices it was queued for, in its place in the scene. */
    void push(Stored message, List<String> devices) {
        delivery.publish(event(message, devices));
    }

    /** Sends a message to every socket of the given devices. */
    void tell(List<String> devices, ServerMessage message) {
        delivery.publish(new Event.Tell(new Audience.Devices(devices), message, Sight.ANYONE));
    }

    private Event.Tell event(Stored message, List<String> devices) {
        return new Event.Tell(new Audience.Devices(devices), new ServerMessage.SceneDelivery(views.message(message)), Sight.ANYONE,
                new Event.Position(Streams.name(KIND, message.scene()), message.seq()));
    }

    /** The messages of a scene between two positions still queued for some device, for a process that missed them. */
    private List<Event.Tell> missed(String stream, long after, long before) {
        String scene = stream.substring(KIND.length() + 1);
        Map<String, Stored> messages = new LinkedHashMap<>();
        Map<String, List<String>> queuedFor = new LinkedHashMap<>();
        sql.useHandle(handle -> handle.createQuery("""
                        SELECT m.*, q.device_id AS queued_for FROM scene_messages m JOIN scene_queue q ON q.message_id = m.id
                        WHERE m.scene_id = :scene AND m.seq > :after AND m.seq < :before ORDER BY m.seq, q.device_id""")
                .bind("scene", scene).bind("after", after).bind("before", before)
                .map((rs, ctx) -> Map.entry(SceneStore.MESSAGE.map(rs, ctx), rs.getString("queued_for")))
                .forEach(row -> {
                    messages.putIfAbsent(row.getKey().id(), row.getKey());
                    queuedFor.computeIfAbsent(row.getKey().id(), unused -> new ArrayList<>()).add(row.getValue());
                }));
        return messages.values().stream().map(message -> event(message, queuedFor.get(message.id()))).toList();
    }
}
