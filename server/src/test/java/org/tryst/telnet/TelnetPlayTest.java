package org.tryst.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/** Playing the text world from a MUD client over telnet: login, personas, the world, channels, sessions. */
class TelnetPlayTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    private TelnetClient connect(TelnetClient.Options options) {
        return TelnetClient.connect(server.telnetPort(), options);
    }

    @Test
    void aNewAccountMakesAPersonaAndLooksAround() {
        TestServer.User user = server.register("tel");
        try (TelnetClient client = connect(TelnetClient.Options.mudlet())) {
            Players.playAsNew(client, user, "Ana");
            client.send("look");
            String room = client.expect("Exits:");
            assertThat(room).contains("The Courtyard").contains("north");
        }
    }

    @Test
    void aPersonaIsPickedByNumberOrName() {
        TestServer.User user = server.register("pick");
        String first;
        try (TelnetClient client = connect(TelnetClient.Options.plain())) {
            first = Players.playAsNew(client, user, "Bea");
            client.send("QUIT");
            client.expect("Goodbye.");
            assertThat(client.closedByServer()).isTrue();
        }
        try (TelnetClient client = connect(TelnetClient.Options.plain())) {
            Players.logIn(client, user);
            client.expect("1. " + first);
            client.send("new " + first + "x");
            client.expect("You are " + first + "x.");
            client.send("@persona " + first);
            client.expect("You are " + first + ".");
            client.expect("The Courtyard");
        }
        try (TelnetClient client = connect(TelnetClient.Options.plain())) {
            Players.logIn(client, user);
            client.expect("Persona: ");
            client.send("2");
            client.expect("You are " + first + "x.");
        }
    }

    @Test
    void twoPlayersSeeEachOtherArriveTalkAndLeave() {
        try (TelnetClient ana = connect(TelnetClient.Options.mudlet()); TelnetClient bo = connect(TelnetClient.Options.plain())) {
            String anaName = Players.playAsNew(ana, server.register("ana"), "Ana");
            String boName = Players.playAsNew(bo, server.register("bo"), "Bo");
            ana.expect(boName + " ");
            ana.send("say Hello there");
            ana.expect("You say, \"Hello there\"");
            bo.expect(anaName + " says, \"Hello there\"");
            bo.send(":waves.");
            ana.expect(boName + " waves.");
            bo.send("north");
            bo.expect("The Library");
            ana.expect(boName + " leaves north.");
        }
    }

    @Test
    void channelsAreJoinedAndSpokenInWithPlusLines() {
        TestServer.User owner = server.register("chan");
        String channel = "tea" + TestServer.uniqueName("").replaceAll("[^0-9]", "");
        try (Wire web = server.connect(owner)) {
            Views.Persona persona = TestServer.persona(web, "Web");
            web.send(new ClientMessage.PersonaUse(web.nextId(), persona.id()));
            web.expect(ServerMessage.PersonaInUse.class);
            web.send(new ClientMessage.ChannelCreate(web.nextId(), persona.id(), channel, "Tea talk"));
            web.expect(ServerMessage.ChannelJoined.class);
            try (TelnetClient client = connect(TelnetClient.Options.mudlet())) {
                String name = Players.playAsNew(client, server.register("chat"), "Cy");
                client.send("+channels");
                client.expect(channel);
                client.send("+join " + channel);
                client.expect("[" + channel + "] You are in");
                client.send("+" + channel + " hi all");
                client.expect("[" + channel + "] " + name + " says, \"hi all\"");
                assertThat(client.gmcpOf("Comm.Channel.Text")).contains("\"channel\":\"" + channel + "\"").contains("hi all");
                web.expect(ServerMessage.ChannelMessage.class, message -> message.message().text().equals("hi all"));
                client.send("+" + channel + " :smiles");
                client.expect("[" + channel + "] " + name + " smiles");
                web.send(new ClientMessage.Say(web.nextId(), persona.id(), channel, "welcome"));
                client.expect("[" + channel + "] " + persona.name() + " says, \"welcome\"");
                client.send("+leave " + channel);
                client.expect("You left [" + channel + "].");
            }
        }
    }

    @Test
    void theLoginIsASessionNamedAfterTheClientAndRevokingItCloses() {
        TestServer.User user = server.register("sess");
        try (TelnetClient client = connect(TelnetClient.Options.mudlet()); Wire web = server.connect(user)) {
            Players.playAsNew(client, user, "Di");
            web.send(new ClientMessage.SessionsList(web.nextId()));
            List<Views.Session> sessions = web.expect(ServerMessage.Sessions.class).sessions();
            Views.Session telnet = sessions.stream().filter(session -> session.userAgent().startsWith("telnet")).findFirst().orElseThrow();
            assertThat(telnet.userAgent()).isEqualTo("telnet (Mudlet 4.17.2)");
            web.send(new ClientMessage.SessionRevoke(web.nextId(), telnet.id()));
            web.expect(ServerMessage.Ok.class);
            client.expect("Disconnected");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void privateScenesPointToAClientThatHoldsKeys() {
        try (TelnetClient client = connect(TelnetClient.Options.plain())) {
            Players.playAsNew(client, server.register("scn"), "Ed");
            client.send("help scenes");
            assertThat(client.expect("./tryst chat")).contains("web client");
            assertThat(client.expect("yes.").replaceAll("\\s+", " "))
                    .contains("Invite to a private scene").contains("set in the room you are in");
        }
    }
}
