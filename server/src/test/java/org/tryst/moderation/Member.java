package org.tryst.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/** A registered account on a raw socket, speaking as one persona, for moderation tests. */
record Member(TestServer server, TestServer.User user, Wire wire, Views.Persona persona) {
    static Member join(TestServer server, String name) {
        TestServer.User user = server.register(name.toLowerCase());
        Wire wire = server.connect(user);
        return new Member(server, user, wire, TestServer.persona(wire, name));
    }

    /** Sends a request and returns its reply (which may be an error). */
    ServerMessage request(Function<String, ClientMessage> build) {
        String id = wire.nextId();
        wire.send(build.apply(id));
        return wire.expect(ServerMessage.Reply.class, reply -> id.equals(reply.id()));
    }

    String refusal(Function<String, ClientMessage> build) {
        ServerMessage reply = request(build);
        assertThat(reply).isInstanceOf(ServerMessage.Error.class);
        return ((ServerMessage.Error) reply).code();
    }

    /** Joins a channel, creating it when it does not exist. */
    void joinChannel(String channel) {
        ServerMessage reply = request(id -> new ClientMessage.ChannelJoin(id, persona.id(), channel));
        if (reply instanceof ServerMessage.Error) request(id -> new ClientMessage.ChannelCreate(id, persona.id(), channel, null));
    }

    ServerMessage say(String channel, String text) {
        return request(id -> new ClientMessage.Say(id, persona.id(), channel, text));
    }

    /** The same account and persona on a new socket. */
    Member reconnect() {
        return new Member(server, user, server.connect(user), persona);
    }
}
