package org.tryst.bench.wire;

import io.netty.buffer.ByteBuf;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;

/**
 * A player of Tryst's text world over the WebSocket: {@code hello}, a persona made (or used), the
 * world entered, then a walk from the starting room through the exits that lead to its room, one
 * command at a time, as a person would type them. It speaks with {@code say} command lines; the
 * room's {@code world.line} events are its deliveries, recognised by their type prefix alone.
 */
final class WorldConversation implements Conversation {
    private static final String LINE = "{\"type\":\"world.line\"";

    private final String ticket;
    private final String personaName;
    private final Walk walk;
    private String persona;

    WorldConversation(String ticket, String personaName, Walk walk) {
        this.ticket = ticket;
        this.personaName = personaName;
        this.walk = walk;
    }

    @Override
    public void opened(Link link) {
        TrystFrames.send(link, new ClientMessage.Hello("hello", Codec.VERSION, ticket));
    }

    @Override
    public long delivery(ByteBuf frame) {
        return Payload.startsWith(frame, LINE) ? Payload.scheduledAt(frame) : -1;
    }

    @Override
    public void received(String frame, Link link) {
        if (!needed(TrystFrames.type(frame))) return;
        ServerMessage message = TrystFrames.decode(frame, link);
        if (message == null) return;
        switch (message) {
            case ServerMessage.Welcome welcome -> welcome.personas().stream().filter(known -> known.name().equals(personaName)).findFirst()
                    .ifPresentOrElse(known -> use(link, known.id()),
                            () -> TrystFrames.send(link, new ClientMessage.PersonaCreate("persona", personaName, null, null, null)));
            case ServerMessage.PersonaInfo info -> use(link, info.persona().id());
            case ServerMessage.PersonaInUse _ -> TrystFrames.send(link, new ClientMessage.WorldEnter("enter", persona));
            case ServerMessage.WorldRoom room when room.id() != null -> step(link);
            case ServerMessage.Ok ok when "walk".equals(ok.id()) -> step(link);
            case ServerMessage.Error error when !"say".equals(error.id()) -> link.failed(error.code() + ": " + error.message());
            default -> { }
        }
    }

    @Override
    public String publish(String payload) {
        return TrystFrames.text(new ClientMessage.WorldCommand("say", persona, Walk.say(payload)));
    }

    private void use(Link link, String id) {
        persona = id;
        TrystFrames.send(link, new ClientMessage.PersonaUse("use", persona));
    }

    private void step(Link link) {
        walk.step(link, exit -> TrystFrames.text(new ClientMessage.WorldCommand("walk", persona, exit)));
    }

    private static boolean needed(String type) {
        return switch (type) {
            case "welcome", "persona", "persona.in_use", "world.room", "ok", "error" -> true;
            default -> false;
        };
    }

}
