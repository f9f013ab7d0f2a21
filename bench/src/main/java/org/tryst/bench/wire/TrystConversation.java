package org.tryst.bench.wire;

import io.netty.buffer.ByteBuf;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * A Tryst connection: {@code hello} with its ticket, the persona used (or created the first time),
 * the channel joined (or created by whoever comes first). Deliveries are recognised by their type
 * prefix alone, so the hot path decodes no JSON.
 */
final class TrystConversation implements Conversation {
    private static final String MESSAGE = "{\"type\":\"message\"";

    private final String ticket;
    private final String personaName;
    private final String room;
    /** False for a sender whose own messages come back to it: those are not deliveries to anyone. */
    private final boolean hears;
    private String persona;

    TrystConversation(String ticket, String personaName, String room, boolean hears) {
        this.ticket = ticket;
        this.personaName = personaName;
        this.room = room;
        this.hears = hears;
    }

    @Override
    public void opened(Link link) {
        TrystFrames.send(link, new ClientMessage.Hello("hello", Codec.VERSION, ticket));
    }

    @Override
    public long delivery(ByteBuf frame) {
        return hears && Payload.startsWith(frame, MESSAGE) ? Payload.scheduledAt(frame) : -1;
    }

    @Override
    public void received(String frame, Link link) {
        if (!needed(TrystFrames.type(frame))) return;
        ServerMessage message = TrystFrames.decode(frame, link);
        if (message == null) return;
        switch (message) {
            case ServerMessage.Welcome welcome -> welcome.personas().stream()
                    .filter(known -> known.name().equals(personaName)).findFirst()
                    .ifPresentOrElse(known -> {
                        persona = known.id();
                        TrystFrames.send(link, new ClientMessage.PersonaUse("use", persona));
                    }, () -> TrystFrames.send(link, new ClientMessage.PersonaCreate("persona", personaName, null, null, null)));
            case ServerMessage.PersonaInfo info -> {
                persona = info.persona().id();
                join(link);
            }
            case ServerMessage.PersonaInUse inUse -> {
                if (inUse.channels().stream().map(Views.Joined::channel).anyMatch(room::equals)) link.ready();
                else join(link);
            }
            case ServerMessage.ChannelJoined joined -> link.ready();
            case ServerMessage.Error error -> recover(error, link);
            default -> { }
        }
    }

    @Override
    public String publish(String payload) {
        return TrystFrames.text(new ClientMessage.Say("say", persona, room, payload));
    }

    /** Whoever finds the channel missing creates it; whoever loses that race joins it. */
    private void recover(ServerMessage.Error error, Link link) {
        if ("join".equals(error.id()) && error.code().equals("not_found")) {
            TrystFrames.send(link, new ClientMessage.ChannelCreate("create", persona, room, null));
        } else if ("create".equals(error.id()) && error.code().equals("name_taken")) {
            join(link);
        } else if ("join".equals(error.id()) && error.code().equals("already_member")) {
            link.ready();
        } else if (!"say".equals(error.id())) {
            link.failed(error.code() + ": " + error.message());
        }
    }

    private void join(Link link) {
        TrystFrames.send(link, new ClientMessage.ChannelJoin("join", persona, room));
    }

    private static boolean needed(String type) {
        return switch (type) {
            case "welcome", "persona", "persona.in_use", "channel.joined", "error" -> true;
            default -> false;
        };
    }

}
