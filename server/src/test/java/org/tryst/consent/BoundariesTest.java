package org.tryst.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.Answer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/** Boundaries are set by the persona's owner only, readable by anyone, and checked against the catalogue. */
class BoundariesTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    @Test
    void anyoneSeesWhatTheOwnerPublished() {
        try (Wire alice = server.connect(server.register("alice")); Wire bob = server.connect(server.register("bob"))) {
            Views.Persona rowan = TestServer.persona(alice, "Rowan");
            Views.Boundaries set = set(alice, rowan, Map.of("pain", Answer.NO, "romance", Answer.YES, "praise", Answer.MAYBE), "ask me first");
            assertThat(set.answers()).containsExactly(Map.entry("romance", Answer.YES), Map.entry("praise", Answer.MAYBE), Map.entry("pain", Answer.NO));

            bob.send(new ClientMessage.BoundariesShow(bob.nextId(), rowan.id()));
            Views.Boundaries seen = bob.expect(ServerMessage.BoundariesInfo.class).boundaries();
            assertThat(seen.persona()).isEqualTo(new Views.Author(rowan.id(), rowan.name()));
            assertThat(seen.answers()).isEqualTo(set.answers());
            assertThat(seen.notes()).isEqualTo("ask me first");

            // A new list replaces the old one whole.
            assertThat(set(alice, rowan, Map.of("praise", Answer.YES), "").answers()).containsOnlyKeys("praise");
        }
    }

    @Test
    void theCatalogueComesWithTheDefaultSafeword() {
        try (Wire alice = server.connect(server.register("alice"))) {
            alice.send(new ClientMessage.CatalogueShow(alice.nextId()));
            ServerMessage.Catalogue catalogue = alice.expect(ServerMessage.Catalogue.class);
            assertThat(catalogue.defaultSafeword()).isEqualTo("red");
            assertThat(catalogue.topics()).extracting(Views.Topic::id).contains("romance", "webcam-nudity", "aftercare");
        }
    }

    @Test
    void badInputIsRefusedAndChangesNothing() throws Exception {
        try (Wire alice = server.connect(server.register("alice")); Wire mallory = server.connect(server.register("mallory"))) {
            Views.Persona rowan = TestServer.persona(alice, "Rowan");
            set(alice, rowan, Map.of("romance", Answer.YES), "kind words");

            alice.send(new ClientMessage.BoundariesSet(alice.nextId(), rowan.id(), Map.of("romance", Answer.NO, "no-such-topic", Answer.YES), ""));
            alice.expectError("unknown_topic");
            Map<String, Answer> tooMany = new HashMap<>();
            for (int i = 0; i <= ClientMessage.MAX_TOPICS; i++) tooMany.put("t" + i, Answer.YES);
            alice.sendJson(json("boundaries.set", rowan.id(), org.tryst.protocol.Codec.mapper().writeValueAsString(tooMany), "\"\""));
            alice.expectError("invalid_message");
            alice.sendJson(json("boundaries.set", rowan.id(), "{\"romance\":\"yes\"}", "\"" + "x".repeat(ClientMessage.MAX_BOUNDARY_NOTES + 1) + "\""));
            alice.expectError("invalid_message");
            alice.sendJson(json("boundaries.set", rowan.id(), "{\"romance\":\"sure\"}", "\"\""));
            alice.expectError("invalid_message");
            alice.sendJson(json("boundaries.set", rowan.id(), "{\"Romance!\":\"yes\"}", "\"\""));
            alice.expectError("invalid_message");
            alice.sendJson(json("boundaries.set", rowan.id(), "[\"romance\"]", "\"\""));
            alice.expectError("invalid_message");
            alice.sendJson("{\"type\":\"boundaries.set\",\"id\":\"n\",\"persona\":\"" + rowan.id() + "\"}");
            alice.expectError("invalid_message");

            Views.Persona eve = TestServer.persona(mallory, "Eve");
            mallory.send(new ClientMessage.BoundariesSet(mallory.nextId(), rowan.id(), Map.of("romance", Answer.NO), "hijacked"));
            mallory.expectError("not_your_persona");
            mallory.send(new ClientMessage.BoundariesShow(mallory.nextId(), "no-such-persona"));
            mallory.expectError("not_found");

            mallory.send(new ClientMessage.BoundariesShow(mallory.nextId(), rowan.id()));
            Views.Boundaries unchanged = mallory.expect(ServerMessage.BoundariesInfo.class).boundaries();
            assertThat(unchanged.answers()).containsExactly(Map.entry("romance", Answer.YES));
            assertThat(unchanged.notes()).isEqualTo("kind words");
            assertThat(eve.id()).isNotEqualTo(rowan.id());
        }
    }

    @Test
    void answersToTopicsLaterRemovedFromTheCatalogueAreIgnored() throws Exception {
        try (Wire alice = server.connect(server.register("alice"))) {
            Views.Persona rowan = TestServer.persona(alice, "Rowan");
            set(alice, rowan, Map.of("romance", Answer.YES), "");
            try (var sql = server.database();
                 var insert = sql.prepareStatement("INSERT INTO boundaries (persona_id, topic, answer) VALUES (?, 'retired-topic', 'NO')")) {
                insert.setString(1, rowan.id());
                insert.executeUpdate();
            }
            alice.send(new ClientMessage.BoundariesShow(alice.nextId(), rowan.id()));
            assertThat(alice.expect(ServerMessage.BoundariesInfo.class).boundaries().answers()).containsOnlyKeys("romance");
        }
    }

    private static Views.Boundaries set(Wire wire, Views.Persona persona, Map<String, Answer> answers, String notes) {
        wire.send(new ClientMessage.BoundariesSet(wire.nextId(), persona.id(), new LinkedHashMap<>(answers), notes));
        return wire.expect(ServerMessage.BoundariesInfo.class).boundaries();
    }

    private static String json(String type, String persona, String answers, String notes) {
        return "{\"type\":\"" + type + "\",\"id\":\"x\",\"persona\":\"" + persona + "\",\"answers\":" + answers + ",\"notes\":" + notes + "}";
    }
}
