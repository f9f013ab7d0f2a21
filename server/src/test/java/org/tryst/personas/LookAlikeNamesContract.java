package org.tryst.personas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * Names that a reader could take for one already held are refused, for personas, usernames and
 * channels, through a real server and raw sockets; run on SQLite and on PostgreSQL by the subclasses.
 */
abstract class LookAlikeNamesContract {
    abstract TestServer server();

    @Test
    void cyrillicGreekAndSmallCapitalLettersCannotPassForALatinName() {
        Wire alice = connect("alice");
        Wire mallory = connect("mallory");
        assertThat(create(alice, "Rowan").name()).isEqualTo("Rowan");

        for (String lookAlike : new String[] {"R\u043Ewan", "R\u03BFwan", "\u0280owan", "\u0280\u043Ewan"}) {
            ask(mallory, lookAlike);
            assertThat(mallory.expectError("name_confusable").message()).doesNotContain("Rowan");
        }
        mallory.send(new ClientMessage.PersonaList(mallory.nextId()));
        assertThat(mallory.expect(ServerMessage.Personas.class).personas()).isEmpty();
    }

    @Test
    void aNameWithMoreSpacesIsTheSameName() {
        Wire alice = connect("sage");
        Wire bob = connect("moon");
        assertThat(create(alice, "Sage Moon").name()).isEqualTo("Sage Moon");
        for (String spaced : new String[] {"Sage  Moon", " Sage Moon", "Sage\tMoon", "Sage\u00A0Moon", "SAGE MOON"}) {
            ask(bob, spaced);
            assertThat(bob.expectError("name_taken").message()).doesNotContain("Sage");
        }
        assertThat(create(bob, "Wren   of  the Hollow ").name()).isEqualTo("Wren of the Hollow");
    }

    @Test
    void dottedAndDotlessIAreOneLetter() {
        Wire alice = connect("iris");
        Wire bob = connect("irises");
        assertThat(create(alice, "\u0130ris").name()).isEqualTo("\u0130ris");
        for (String other : new String[] {"\u0131ris", "Iris", "iris", "IRIS"}) {
            ask(bob, other);
            bob.expectError("name_taken");
        }
    }

    @Test
    void namesInOneScriptOfAnyKindAreWelcome() {
        Wire alice = connect("scripts");
        Wire bob = connect("copycat");
        for (String name : new String[] {"\u041C\u0438\u0448\u0430", "\u3055\u304F\u3089", "Zo\u00EB", "\u092E\u0940\u0930\u093E",
                "\u0395\u03BB\u03AD\u03BD\u03B7"}) {
            assertThat(create(alice, name).name()).isEqualTo(name);
        }
        ask(bob, "Zoe\u0308");
        bob.expectError("name_taken");
    }

    @Test
    void personaNamesMayEndInTheirPunctuation() {
        Wire alice = connect("ends");
        for (String name : new String[] {"Jo'", "Ash_", "St.", "Mary-", "Ann-Marie O'Neil"}) {
            assertThat(create(alice, name).name()).isEqualTo(name);
        }
    }

    @Test
    void aUsernameThatLooksLikeATakenOneIsRefusedAsTaken() {
        assertThat(register("maple").statusCode()).isEqualTo(201);
        assertThat(register("hollow").statusCode()).isEqualTo(201);
        for (String lookAlike : new String[] {"rnaple", "ho11ow", "h0ll0w"}) {
            HttpResponse<String> refused = register(lookAlike);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(TestServer.read(refused.body(), ServerMessage.Error.class).code()).isEqualTo("username_taken");
        }
        assertThat(register("maples").statusCode()).isEqualTo(201);
    }

    @Test
    void aChannelNameThatLooksLikeATakenOneIsRefusedAsTaken() {
        Wire alice = connect("channels");
        Views.Persona host = TestServer.persona(alice, "Host");
        alice.send(new ClientMessage.ChannelCreate(alice.nextId(), host.id(), "quiet-room", null));
        alice.expect(ServerMessage.ChannelJoined.class);
        for (String lookAlike : new String[] {"quiet-roorn", "quiet-r0om"}) {
            alice.send(new ClientMessage.ChannelCreate(alice.nextId(), host.id(), lookAlike, null));
            alice.expectError("name_taken");
        }
        alice.send(new ClientMessage.ChannelList(alice.nextId()));
        assertThat(alice.expect(ServerMessage.Channels.class).channels()).extracting(Views.Channel::name)
                .contains("quiet-room").doesNotContain("quiet-roorn", "quiet-r0om");
    }

    private Wire connect(String base) {
        return server().connect(server().register(base));
    }

    private static Views.Persona create(Wire wire, String name) {
        ask(wire, name);
        return wire.expect(ServerMessage.PersonaInfo.class).persona();
    }

    /** Sends persona.create as raw JSON, so that no client-side check stands between the name and the server. */
    private static void ask(Wire wire, String name) {
        try {
            wire.sendJson(Codec.mapper().writeValueAsString(Map.of("type", "persona.create", "id", wire.nextId(), "name", name)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> register(String username) {
        return server().post("/api/register", Map.of("username", username, "password", TestServer.PASSWORD, "adult", true), null);
    }
}
