package org.tryst.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/** A MUD client in a world with recognition: strangers come, talk and are looked at by their short descriptions. */
class TelnetRecognitionTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite().with("TRYST_WORLD_RECOGNITION", "true");

    @Test
    void aTelnetPlayerSeesAStrangerByTheirShortDescriptionUntilRecognisingThem() {
        TestServer.User user = server.register("web");
        try (Wire web = server.connect(user); TelnetClient mud = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.plain())) {
            Views.Persona ada = TestServer.persona(web, "Ada");
            web.send(new ClientMessage.PersonaUse(web.nextId(), ada.id()));
            web.expect(ServerMessage.PersonaInUse.class);
            String entered = web.nextId();
            web.send(new ClientMessage.WorldEnter(entered, ada.id()));
            web.expect(ServerMessage.WorldRoom.class, room -> entered.equals(room.id()));
            command(web, ada, "sdesc a tall woman in a green coat", ServerMessage.WorldDone.class);
            String kit = Players.playAsNew(mud, server.register("mud"), "Kit");
            web.expect(ServerMessage.WorldArrived.class);
            mud.send("look");
            mud.expect("a tall woman in a green coat");
            mud.expect("Exits:");

            command(web, ada, "\"Good evening.", ServerMessage.Sent.class);
            mud.expect("A tall woman in a green coat says, \"Good evening.\"");
            mud.send("look green coat");
            mud.expect("a tall woman in a green coat");
            mud.send("recog green coat as Moss");
            mud.expect("You will know a tall woman in a green coat as Moss.");
            command(web, ada, ":smiles.", ServerMessage.Sent.class);
            mud.expect("Moss smiles.");
            mud.send("introduce");
            mud.expect(kit + " introduces themself as " + kit + ".");
            ServerMessage.WorldLine introduced = web.expect(ServerMessage.WorldLine.class, line -> line.line().text().startsWith("introduces"));
            assertThat(introduced.line().author().shown()).as("a stranger, until introduced").isEqualTo(Views.Shown.SDESC);
        }
    }

    private static void command(Wire web, Views.Persona persona, String line, Class<? extends ServerMessage.Reply> reply) {
        String id = web.nextId();
        web.send(new ClientMessage.WorldCommand(id, persona.id(), line));
        web.expect(reply, answer -> id.equals(answer.id()));
    }
}
