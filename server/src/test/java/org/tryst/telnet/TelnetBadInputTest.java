package org.tryst.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/**
 * What a telnet connection does with input that no MUD client sends: each gets a clear answer or a
 * closed socket, and a player already in the world goes on playing. The login deadline is three
 * seconds here, so that waiting for it is short and a busy machine still logs the bystander in.
 */
class TelnetBadInputTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite().with("TRYST_TELNET_LOGIN_TIMEOUT_SECONDS", "3");

    private TelnetClient bystander;

    @BeforeEach
    void somebodyIsPlaying() {
        bystander = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.mudlet());
        Players.playAsNew(bystander, server.register("bystander"), "Bystander");
    }

    /** The player in the world still gets answers. */
    @AfterEach
    void theBystanderIsUnaffected() {
        bystander.send("look");
        bystander.expect("The Courtyard");
        bystander.close();
    }

    @Test
    void aConnectionThatNeverLogsInIsClosedAfterTheDeadline() {
        try (TelnetClient silent = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.silent())) {
            silent.expect("Username: ");
            assertThat(silent.closedByServer()).isTrue();
            assertThat(silent.all()).contains("you did not log in in time");
        }
    }

    @Test
    void randomBytesGetAnAnswerOrACloseAndNothingElse() {
        Random random = new Random(42);
        try (TelnetClient noise = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.plain())) {
            noise.expect("Username: ");
            byte[] bytes = new byte[64 * 1024];
            random.nextBytes(bytes);
            noise.raw(bytes);
            noise.raw('\r', '\n');
            // Either the connection is still there and asks again, or the server cut it off: never a hang or a crash.
            if (!noise.closedByServer()) noise.expect("Password: ");
        }
    }

    @Test
    void aLineOfAMebibyteIsDroppedWithAMessageAndTheThirdCloses() {
        try (TelnetClient flood = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.plain())) {
            flood.expect("Username: ");
            byte[] line = new byte[1024 * 1024];
            java.util.Arrays.fill(line, (byte) 'a');
            flood.raw(line);
            flood.raw('\r', '\n');
            flood.expect("was dropped");
            flood.raw(line);
            flood.raw('\r', '\n');
            flood.raw(line);
            flood.raw('\r', '\n');
            assertThat(flood.closedByServer()).isTrue();
        }
    }

    @Test
    void anEndlessSubnegotiationClosesTheConnection() {
        try (TelnetClient endless = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.plain())) {
            endless.expect("Username: ");
            endless.raw(255, 250, 201);
            byte[] payload = new byte[64 * 1024];
            java.util.Arrays.fill(payload, (byte) 'x');
            endless.raw(payload);
            assertThat(endless.closedByServer()).isTrue();
        }
    }

    @Test
    void aNegotiationStormIsCutOff() {
        try (TelnetClient storm = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.plain())) {
            storm.expect("Username: ");
            byte[] storming = new byte[3 * 5_000];
            for (int i = 0; i < 5_000; i++) {
                storming[3 * i] = (byte) 255;
                storming[3 * i + 1] = (byte) (i % 2 == 0 ? 251 : 252);
                storming[3 * i + 2] = (byte) 24;
            }
            storm.raw(storming);
            assertThat(storm.closedByServer()).isTrue();
        }
    }

    @Test
    void invalidUtf8BecomesReplacementCharactersNotAFailure() {
        try (TelnetClient broken = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.plain())) {
            broken.expect("Username: ");
            broken.raw(0xc3, 0x28, 0xa0, 0xa1, '\r', '\n');
            broken.expect("Password: ");
        }
    }
}
