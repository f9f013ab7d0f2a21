package org.tryst.bench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A telnet world player against the lines a Tryst server sends it, from the username prompt to its room. */
class TelnetWorldConversationTest {
    private final TelnetWorldConversation player = new TelnetWorldConversation("bench0", "secret", "Bench3", new Walk(List.of("north", "up")));
    private final RecordingLink link = new RecordingLink();

    @Test
    void logsInPicksItsPersonaAndWalksToItsRoom() {
        login();
        hear("Persona: ");
        assertThat(link.sent).containsExactly("bench0", "secret", "Bench3");
        hear("You are Bench3.", "Type help for the world's commands.", "The Lantern Court", "Bench1 is here.", "Exits: north, east.");
        assertThat(link.last()).isEqualTo("north");
        hear("Bench2 arrives from the south.", "The Garden", "Exits: south, up.");
        assertThat(link.last()).isEqualTo("up");
        assertThat(link.ready).isFalse();
        hear("The Loft", "There is no way out.");
        assertThat(link.ready).isTrue();
        assertThat(link.failures).isEmpty();
    }

    @Test
    void makesItsPersonaWhenTheAccountHasNoneByThatName() {
        login();
        hear("Persona: ", "You have no persona called Bench3.", "Persona: ");
        assertThat(link.last()).isEqualTo("new Bench3");
        hear("You made Bench3.", "You are Bench3.", "The Lantern Court", "Exits: north.");
        assertThat(link.last()).isEqualTo("north");
    }

    @Test
    void roomsShownBeforeItPlaysAreNotSteps() {
        login();
        hear("Exits: north.");
        assertThat(link.last()).isEqualTo("secret");
    }

    @Test
    void aRefusedLoginOrAPersonaThatCannotBeMadeFails() {
        login();
        hear("Wrong username or password.", "Username: ");
        assertThat(link.failures).containsExactly("telnet login refused");
        TelnetWorldConversation other = new TelnetWorldConversation("bench0", "secret", "Bench3", new Walk(List.of()));
        RecordingLink otherLink = new RecordingLink();
        for (String line : List.of("Username: ", "Password: ", "Persona: ", "Persona: ", "Persona: ")) other.received(line, otherLink);
        assertThat(otherLink.failures).singleElement().asString().contains("could be neither picked nor made");
    }

    @Test
    void beingDisconnectedFails() {
        login();
        hear("Disconnected: you did not log in in time.");
        assertThat(link.failures).containsExactly("telnet: Disconnected: you did not log in in time.");
    }

    @Test
    void aSaidLineIsADeliveryDatedByItsPayloadAndOtherLinesAreNot() {
        String payload = Payload.stamp(5, 123_456_789);
        assertThat(player.publish(payload)).isEqualTo("say " + payload);
        assertThat(player.delivery(Unpooled.copiedBuffer("Bench0 says, \"" + payload + "\"", StandardCharsets.UTF_8))).isEqualTo(123_456_789);
        assertThat(player.delivery(Unpooled.copiedBuffer("You say, \"" + payload + "\"", StandardCharsets.UTF_8))).isEqualTo(123_456_789);
        assertThat(player.delivery(Unpooled.copiedBuffer("Exits: north, east.", StandardCharsets.UTF_8))).isEqualTo(-1);
    }

    private void login() {
        hear("Welcome to Tryst. Log in with your account (make one with the web client first).", "Username: ");
        hear("Password: ");
        hear("", "Hello, bench0.", "Play as which persona? Type its number or name, or new NAME to make another:", "1. Bench0");
    }

    private void hear(String... lines) {
        for (String line : lines) player.received(line, link);
    }
}
