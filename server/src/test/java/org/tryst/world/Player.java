package org.tryst.world;

import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/** One person in the world for tests: their account, their socket and the persona they play. */
record Player(TestServer.User user, Wire wire, Views.Persona persona) {
    /** Registers someone, makes a persona and goes online as it. */
    static Player join(TestServer server, String base) {
        TestServer.User user = server.register(base);
        Wire wire = server.connect(user);
        return online(user, wire, TestServer.persona(wire, base));
    }

    /** The same person on a new socket, online as the persona again. */
    Player again(TestServer server) {
        return online(user, server.connect(user), persona);
    }

    private static Player online(TestServer.User user, Wire wire, Views.Persona persona) {
        wire.send(new ClientMessage.PersonaUse(wire.nextId(), persona.id()));
        wire.expect(ServerMessage.PersonaInUse.class);
        return new Player(user, wire, persona);
    }

    /** Gives the account a role, as {@code ./tryst admin role} does. */
    Player withRole(TestServer server, String role) {
        try (var connection = server.database(); var statement = connection.prepareStatement(
                "UPDATE accounts SET role = ? WHERE id = (SELECT account_id FROM personas WHERE id = ?)")) {
            statement.setString(1, role);
            statement.setString(2, persona.id());
            statement.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    ServerMessage.WorldRoom enter() {
        String id = wire.nextId();
        wire.send(new ClientMessage.WorldEnter(id, persona.id()));
        return wire.expect(ServerMessage.WorldRoom.class, room -> id.equals(room.id()));
    }

    void type(String line) {
        wire.send(new ClientMessage.WorldCommand(wire.nextId(), persona.id(), line));
    }

    /** Types a line and waits for its reply of the type. */
    <T extends ServerMessage.Reply> T answer(String line, Class<T> type) {
        String id = wire.nextId();
        wire.send(new ClientMessage.WorldCommand(id, persona.id(), line));
        return wire.expect(type, reply -> id.equals(reply.id()));
    }

    ServerMessage.Error refused(String line, String code) {
        type(line);
        return wire.expectError(code);
    }

    /** Moves through an exit and returns the room arrived in. */
    Views.RoomView go(String exit) {
        answer(exit, ServerMessage.Ok.class);
        return wire.expect(ServerMessage.WorldRoom.class, room -> room.id() == null).room();
    }

    String name() {
        return persona.name();
    }
}
