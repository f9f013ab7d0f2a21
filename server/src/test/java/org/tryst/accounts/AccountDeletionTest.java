package org.tryst.accounts;

import org.tryst.protocol.CloseCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/** Deleting an account really deletes what it owns, down to the bytes in the database file. */
class AccountDeletionTest {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Test
    void deletionRemovesPersonasMessagesAndSessionsAndHandsChannelsOn() throws Exception {
        String canary = "canary-" + System.nanoTime();
        TestServer.User leaver = SERVER.register("leaver");
        Wire wire = SERVER.connect(leaver);
        Wire otherDevice = SERVER.connect(leaver);
        Views.Persona persona = TestServer.persona(wire, "Departing");
        wire.send(new ClientMessage.PersonaUpdate(wire.nextId(), persona.id(), null, "description " + canary, null));
        wire.expect(ServerMessage.PersonaInfo.class);
        String channel = "left-" + persona.id().toLowerCase().replaceAll("[^a-z0-9]", "x").substring(0, 10);
        wire.send(new ClientMessage.ChannelCreate(wire.nextId(), persona.id(), channel, null));
        wire.expect(ServerMessage.ChannelJoined.class);

        Wire stayer = SERVER.connect(SERVER.register("stayer"));
        Views.Persona heir = TestServer.persona(stayer, "Heir");
        stayer.send(new ClientMessage.ChannelJoin(stayer.nextId(), heir.id(), channel));
        stayer.expect(ServerMessage.ChannelJoined.class);
        wire.send(new ClientMessage.Say(wire.nextId(), persona.id(), channel, "said " + canary));
        wire.expect(ServerMessage.Sent.class);

        wire.send(new ClientMessage.AccountDelete(wire.nextId(), "not my password"));
        wire.expectError("wrong_password");
        wire.send(new ClientMessage.AccountDelete(wire.nextId(), leaver.password()));
        wire.expect(ServerMessage.Ok.class);
        assertThat(wire.closeCode(Duration.ofSeconds(5))).isEqualTo(CloseCodes.SESSION_ENDED);
        assertThat(otherDevice.closeCode(Duration.ofSeconds(5))).isEqualTo(CloseCodes.SESSION_ENDED);

        assertThat(stayer.expect(ServerMessage.MemberLeft.class).reason()).isEqualTo("deleted");
        stayer.send(new ClientMessage.MembersList(stayer.nextId(), channel));
        assertThat(stayer.expect(ServerMessage.Members.class).members()).extracting(Views.Member::name, Views.Member::owner)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(heir.name(), true));
        stayer.send(new ClientMessage.HistoryFetch(stayer.nextId(), heir.id(), channel, null, null));
        assertThat(stayer.expect(ServerMessage.History.class).messages()).isEmpty();
        stayer.send(new ClientMessage.PersonaShow(stayer.nextId(), persona.name()));
        stayer.expectError("not_found");
        assertThat(SERVER.post("/api/login", Map.of("username", leaver.username(), "password", leaver.password()), null)
                .statusCode()).isEqualTo(401);

        Path database = SERVER.data().resolve("tryst.db");
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            for (String table : new String[] {"accounts", "sessions", "personas", "channel_messages"}) {
                try (var rows = sql.createStatement().executeQuery("SELECT COUNT(*) FROM " + table + " WHERE "
                        + (table.equals("accounts") ? "username = '" + leaver.username() + "'"
                        : table.equals("sessions") ? "id = '" + leaver.session() + "'"
                        : table.equals("personas") ? "id = '" + persona.id() + "'"
                        : "persona_id = '" + persona.id() + "'"))) {
                    assertThat(rows.getInt(1)).as(table).isZero();
                }
            }
            sql.createStatement().execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        try (Stream<Path> files = Files.list(SERVER.data())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(canary);
            }
        }
    }
}
