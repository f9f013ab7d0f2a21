package org.tryst.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.Codec;
import org.tryst.world.Room;

/** The options a MUD client and the server agree, each as a client meets it: width, colour, GMCP, MCCP2, MSSP, escaping. */
class TelnetNegotiationTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite().with("TRYST_TELNET_MSSP", "true").with("TRYST_TELNET_NAME", "Test Garden");

    private TelnetClient connect(TelnetClient.Options options) {
        return TelnetClient.connect(server.telnetPort(), options);
    }

    @Test
    void textIsWrappedToTheWidthTheClientReports() {
        try (TelnetClient client = connect(TelnetClient.Options.plain().width(40))) {
            Players.playAsNew(client, server.register("naws"), "Fay");
            client.send("look");
            String room = client.expect("Exits:") + client.expect("\n");
            assertThat(room.lines()).isNotEmpty().allSatisfy(line -> assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(40));
            assertThat(room.lines().count()).isGreaterThan(6);
        }
    }

    @Test
    void colourFollowsTheTerminalTypesAndMttsBits() {
        try (TelnetClient mudlet = connect(TelnetClient.Options.mudlet()); TelnetClient plain = connect(TelnetClient.Options.plain());
             TelnetClient dumb = connect(TelnetClient.Options.plain().types("DUMB", "DUMB"));
             TelnetClient mttsOnly = connect(TelnetClient.Options.plain().types("SOMECLIENT", "UNKNOWN", "MTTS 4"))) {
            Players.playAsNew(mudlet, server.register("col"), "Gus");
            Players.playAsNew(plain, server.register("nocol"), "Hal");
            Players.playAsNew(dumb, server.register("dumb"), "Ike");
            Players.playAsNew(mttsOnly, server.register("mtts"), "Jo");
            assertThat(mudlet.all()).contains("\u001b[1;36mThe Courtyard\u001b[0m");
            assertThat(mudlet.terminalTypesAsked()).as("the MTTS cycle: name, terminal, bits, and the repeat").isEqualTo(4);
            assertThat(dumb.terminalTypesAsked()).as("a repeated type ends the cycle").isEqualTo(2);
            assertThat(plain.all()).doesNotContain("\u001b");
            assertThat(dumb.all()).doesNotContain("\u001b");
            assertThat(mttsOnly.all()).as("MTTS 4 says UTF-8 and no ANSI").doesNotContain("\u001b");
        }
    }

    @Test
    void gmcpTellsTheMapperEachRoomAndItsExits() throws Exception {
        try (TelnetClient client = connect(TelnetClient.Options.mudlet())) {
            String persona = Players.playAsNew(client, server.register("gmcp"), "Kit");
            assertThat(client.gmcpOf("Char.Name")).contains("\"name\":\"" + persona + "\"");
            JsonNode courtyard = Codec.mapper().readTree(client.gmcpOf("Room.Info"));
            assertThat(courtyard.path("name").asText()).isEqualTo("The Courtyard");
            assertThat(courtyard.path("area").asText()).isEqualTo("Test Garden");
            assertThat(courtyard.path("environment").asText()).isEqualTo("general");
            assertThat(courtyard.path("num").asInt()).as("the number is the room id's").isEqualTo(Room.mapNumber("courtyard")).isPositive();
            assertThat(courtyard.path("exits").properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactlyInAnyOrder("n", "e", "s", "w");
            assertThat(courtyard.path("exits").path("e").asInt()).as("east leads to the tea house's number")
                    .isEqualTo(Room.mapNumber("tea-house"));
            client.send("north");
            client.expect("The Library");
            JsonNode library = Codec.mapper().readTree(client.gmcpOf("Room.Info", "\"The Library\""));
            assertThat(library.path("name").asText()).isEqualTo("The Library");
            assertThat(library.path("num").asInt()).as("the courtyard's north exit leads to the library's number")
                    .isEqualTo(courtyard.path("exits").path("n").asInt()).isNotEqualTo(courtyard.path("num").asInt());
            assertThat(library.path("exits").path("s").asInt()).isEqualTo(courtyard.path("num").asInt());
        }
    }

    @Test
    void mccp2CompressesEverythingAfterTheMarker() {
        try (TelnetClient client = connect(TelnetClient.Options.mudlet().compressed())) {
            Players.playAsNew(client, server.register("zip"), "Lu");
            assertThat(client.isCompressing()).isTrue();
            client.send("look");
            assertThat(client.expect("Exits:")).contains("The Courtyard");
            assertThat(client.compressedBytes()).isPositive();
        }
    }

    @Test
    void msspNamesTheServerWhenTheOperatorTurnsItOn() {
        try (TelnetClient client = connect(TelnetClient.Options.mudlet())) {
            client.expect("Username: ");
            assertThat(client.negotiated("SB " + Telnet.MSSP)).isTrue();
            String mssp = new String(client.subnegotiations(Telnet.MSSP).getFirst(), StandardCharsets.UTF_8);
            assertThat(mssp).contains("\u0001NAME\u0002Test Garden").contains("\u0001PLAYERS\u0002").contains("\u0001UPTIME\u0002");
        }
    }

    @Test
    void aDoubledIacIsTextAndNeverACommand() {
        try (TelnetClient ana = connect(TelnetClient.Options.plain()); TelnetClient bo = connect(TelnetClient.Options.plain())) {
            String anaName = Players.playAsNew(ana, server.register("iac"), "Mo");
            Players.playAsNew(bo, server.register("iac"), "Ned");
            // "say a", IAC IAC (one 0xFF of text: not UTF-8, so shown as U+FFFD), IAC NOP (nothing), "b".
            ana.raw('s', 'a', 'y', ' ', 'a', 255, 255, 255, 241, 'b', '\r', '\n');
            bo.expect(anaName + " says, \"a\ufffdb\"");
        }
    }

    @Test
    void charsetIsAgreedAsUtf8() {
        try (TelnetClient client = connect(TelnetClient.Options.mudlet())) {
            client.expect("Username: ");
            assertThat(client.negotiated("DO " + Telnet.CHARSET)).isTrue();
            assertThat(client.negotiated("SB " + Telnet.CHARSET)).isTrue();
            assertThat(new String(client.subnegotiations(Telnet.CHARSET).getFirst(), StandardCharsets.US_ASCII)).endsWith(";UTF-8");
        }
    }
}
