package org.tryst.telnet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.world.Room;

/**
 * GMCP, the JSON beside the text: what the gateway tells a client's scripts and mapper (Char.Name,
 * Room.Info on every room, Comm.Channel.Text for each channel line) and what it reads from the
 * client (Core.Hello, which names the client). A message is a package name, a space and JSON.
 */
final class Gmcp {
    private Gmcp() {}

    /** A message for the client: its package and its data. */
    record Message(String name, Object data) {
        byte[] bytes() {
            try {
                return (name + " " + Codec.mapper().writeValueAsString(data)).getBytes(StandardCharsets.UTF_8);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("maps of text and numbers always encode", e);
            }
        }
    }

    /** What a server message is worth to GMCP, if anything: a room for the mapper, or a channel's line. */
    static Optional<Message> of(ServerMessage message, Viewer viewer, String area) {
        return switch (message) {
            case ServerMessage.WorldRoom room -> Optional.of(roomInfo(room.room(), area));
            case ServerMessage.WorldUpdated updated -> Optional.of(roomInfo(updated.room(), area));
            case ServerMessage.ChannelMessage line -> Optional.of(new Message("Comm.Channel.Text", ordered(
                    "channel", line.message().channel(), "talker", line.message().persona().name(),
                    "text", TextRenderer.channelLine(line.message()))));
            default -> Optional.empty();
        };
    }

    /** Char.Name, once a persona is picked. */
    static Message charName(String persona) {
        return new Message("Char.Name", ordered("name", persona, "fullname", persona));
    }

    /** The short words mappers give the compass, up and down as exit keys; other exits keep their names. */
    private static final Map<String, String> DIRECTIONS = Map.ofEntries(Map.entry("north", "n"), Map.entry("northeast", "ne"),
            Map.entry("east", "e"), Map.entry("southeast", "se"), Map.entry("south", "s"), Map.entry("southwest", "sw"),
            Map.entry("west", "w"), Map.entry("northwest", "nw"), Map.entry("up", "u"), Map.entry("down", "d"));

    /**
     * Room.Info as Mudlet's mapper reads it (the IRE convention): {@code num}, the room's number made
     * from its id ({@link Room#mapNumber}); its name; {@code area}, the server's name, since the world
     * is one area; {@code environment}, the room's rating, the one kind of room the world has, which
     * lets a mapper colour rooms by it; and {@code exits}, each exit's direction ({@code n}, {@code se},
     * {@code u}; other exits by their name) with the number of the room it leads to.
     */
    static Message roomInfo(Views.RoomView room, String area) {
        Map<String, Object> exits = new LinkedHashMap<>();
        if (room.exits() != null) {
            room.exits().forEach(exit -> exits.putIfAbsent(DIRECTIONS.getOrDefault(exit.name().toLowerCase(Locale.ROOT), exit.name()),
                    Room.mapNumber(exit.toId())));
        }
        return new Message("Room.Info", ordered("num", Room.mapNumber(room.id()), "name", room.name(), "area", area,
                "environment", room.rating() == null ? "general" : room.rating(), "exits", exits));
    }

    /** The client's name and version from Core.Hello ({@code {"client":"Mudlet","version":"4.17.2"}}), if this is it. */
    static Optional<String> clientOf(byte[] payload) {
        String text = TelnetReader.decode(payload);
        int space = text.indexOf(' ');
        if (space < 0 || !text.substring(0, space).equalsIgnoreCase("Core.Hello")) return Optional.empty();
        try {
            JsonNode hello = Codec.mapper().readTree(text.substring(space + 1));
            String client = hello.path("client").asText("").strip();
            String version = hello.path("version").asText("").strip();
            if (client.isEmpty()) return Optional.empty();
            return Optional.of(version.isEmpty() ? client : client + " " + version);
        } catch (JsonProcessingException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], pairs[i + 1]);
        return map;
    }
}
