package org.tryst.gateway;

import org.tryst.protocol.CloseCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * Bad input of every kind gets its typed error, and a well-behaved user on the same server sees
 * none of it: the bystander's conversation goes on, and nothing stored is lost.
 */
class BadInputTest {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Test
    void malformedUnknownAndIncompleteMessagesGetTypedErrors() {
        Bystanders pair = Bystanders.start();
        Wire wire = SERVER.connect(SERVER.register("sloppy"));
        wire.sendJson("{this is not json");
        wire.expectError("malformed");
        wire.sendJson("{\"type\":\"teleport\",\"id\":\"r1\"}");
        assertThat(wire.expectError("unknown_type").id()).isEqualTo("r1");
        wire.sendJson("{\"type\":\"say\",\"id\":\"r2\",\"channel\":\"lobby\"}");
        assertThat(wire.expectError("invalid_message").id()).isEqualTo("r2");
        wire.sendJson("{\"type\":\"persona.create\",\"id\":\"r3\",\"name\":\"" + "x".repeat(100) + "\"}");
        wire.expectError("invalid_message");
        wire.send(new ClientMessage.Hello(wire.nextId(), Codec.VERSION, "another"));
        wire.expectError("already_authenticated");
        pair.stillTalking();
    }

    @Test
    void actionsBeforeHelloAreRefusedAndAWrongVersionOrTicketEndsTheSocket() {
        Wire early = Wire.connect(SERVER.ws(), SERVER.origin());
        early.send(new ClientMessage.PersonaList(early.nextId()));
        early.expectError("not_authenticated");

        TestServer.User user = SERVER.register("versions");
        Wire future = Wire.connect(SERVER.ws(), SERVER.origin());
        future.send(new ClientMessage.Hello(future.nextId(), Codec.VERSION + 1, SERVER.ticket(user.token())));
        future.expectError("unsupported_version");
        assertThat(future.closeCode(Duration.ofSeconds(5))).isEqualTo(CloseCodes.HELLO_REFUSED);

        Wire forged = Wire.connect(SERVER.ws(), SERVER.origin());
        forged.send(new ClientMessage.Hello(forged.nextId(), Codec.VERSION, "not-a-real-ticket"));
        forged.expectError("ticket_invalid");
        assertThat(forged.closeCode(Duration.ofSeconds(5))).isEqualTo(CloseCodes.HELLO_REFUSED);
    }

    @Test
    void nobodyActsAsSomeoneElsesPersona() {
        Bystanders pair = Bystanders.start();
        Wire intruder = SERVER.connect(SERVER.register("intruder"));
        intruder.send(new ClientMessage.Say(intruder.nextId(), pair.speaker.id(), pair.channel, "it was me"));
        intruder.expectError("not_your_persona");
        intruder.send(new ClientMessage.PersonaUse(intruder.nextId(), pair.speaker.id()));
        intruder.expectError("not_your_persona");
        intruder.send(new ClientMessage.PersonaDelete(intruder.nextId(), pair.speaker.id()));
        intruder.expectError("not_your_persona");
        intruder.send(new ClientMessage.PersonaUpdate(intruder.nextId(), pair.speaker.id(), "hijacked", null, null));
        intruder.expectError("not_your_persona");
        pair.listenerSocket.expectNothing(Duration.ofMillis(300));
        pair.stillTalking();
    }

    @Test
    void joiningTwiceAndUnknownChannelsAndNamesAreRefused() {
        Bystanders pair = Bystanders.start();
        pair.listenerSocket.send(new ClientMessage.ChannelJoin(pair.listenerSocket.nextId(), pair.listener.id(), pair.channel));
        pair.listenerSocket.expectError("already_member");
        pair.listenerSocket.send(new ClientMessage.ChannelJoin(pair.listenerSocket.nextId(), pair.listener.id(), "no-such-place"));
        pair.listenerSocket.expectError("not_found");
        pair.listenerSocket.send(new ClientMessage.ChannelCreate(pair.listenerSocket.nextId(), pair.listener.id(), pair.channel, null));
        pair.listenerSocket.expectError("name_taken");
        pair.listenerSocket.send(new ClientMessage.PersonaCreate(pair.listenerSocket.nextId(), pair.speaker.name().toUpperCase(),
                null, null, null));
        pair.listenerSocket.expectError("name_taken");
        pair.stillTalking();
    }

    @Test
    void anOversizedFrameClosesOnlyThatSocket() {
        Bystanders pair = Bystanders.start();
        Wire big = SERVER.connect(SERVER.register("big"));
        big.sendJson("{\"type\":\"persona.list\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(big.closeCode(Duration.ofSeconds(5))).isEqualTo(CloseCodes.TOO_BIG);
        pair.stillTalking();
    }

    @Test
    void aTooLongTextIsRefusedWithoutClosing() {
        Bystanders pair = Bystanders.start();
        pair.speakerSocket.send(new ClientMessage.Say(pair.speakerSocket.nextId(), pair.speaker.id(), pair.channel, "y".repeat(4_001)));
        pair.speakerSocket.expectError("text_too_long");
        pair.stillTalking();
    }

    @Test
    void repeatedKeysUnpairedSurrogatesAndNumbersOutOfRangeAreRefusedWithTheRequestId() {
        Bystanders pair = Bystanders.start();
        Wire wire = pair.speakerSocket;
        String say = "{\"type\":\"say\",\"persona\":\"" + pair.speaker.id() + "\",\"channel\":\"" + pair.channel + "\",";
        wire.sendJson(say + "\"id\":\"twice\",\"text\":\"hi\",\"text\":\"bye\"}");
        assertThat(wire.expectError("invalid_message")).satisfies(error -> {
            assertThat(error.id()).isEqualTo("twice");
            assertThat(error.message()).contains("'text' appears twice");
        });
        wire.sendJson(say + "\"id\":\"lone\",\"text\":\"half an emoji \\ud83d\"}");
        assertThat(wire.expectError("invalid_message")).satisfies(error -> {
            assertThat(error.id()).isEqualTo("lone");
            assertThat(error.message()).contains("'text'", "unpaired surrogate");
        });
        String history = "{\"type\":\"channel.history\",\"persona\":\"" + pair.speaker.id() + "\",\"channel\":\"" + pair.channel + "\",";
        for (String limit : new String[] {"2.5", "99999999999999999999999999", "1e999999"}) {
            wire.sendJson(history + "\"id\":\"n" + limit.length() + "\",\"limit\":" + limit + "}");
            assertThat(wire.expectError("invalid_message")).satisfies(error -> {
                assertThat(error.id()).isEqualTo("n" + limit.length());
                assertThat(error.message()).contains("'limit'");
            });
        }
        pair.stillTalking();
        pair.listenerSocket.send(new ClientMessage.HistoryFetch(pair.listenerSocket.nextId(), pair.listener.id(), pair.channel, null, 200));
        assertThat(pair.listenerSocket.expect(ServerMessage.History.class).messages()).extracting(Views.Message::text)
                .containsExactly("still here");
    }

    @Test
    void textIsCountedInCharactersSoEmojiCountOneEach() {
        Bystanders pair = Bystanders.start();
        String emoji = "\uD83D\uDE00";
        int limit = SERVER.config().channels().maxTextLength();
        pair.speakerSocket.send(new ClientMessage.Say(pair.speakerSocket.nextId(), pair.speaker.id(), pair.channel, emoji.repeat(limit)));
        pair.speakerSocket.expect(ServerMessage.Sent.class);
        assertThat(pair.listenerSocket.expect(ServerMessage.ChannelMessage.class).message().text()).isEqualTo(emoji.repeat(limit));
        pair.speakerSocket.send(new ClientMessage.Say(pair.speakerSocket.nextId(), pair.speaker.id(), pair.channel, emoji.repeat(limit + 1)));
        pair.speakerSocket.expectError("text_too_long");
        pair.stillTalking();
    }

    /** Two users talking in a channel, to show that other people's bad input does not reach them. */
    record Bystanders(Wire speakerSocket, Views.Persona speaker, Wire listenerSocket, Views.Persona listener, String channel) {
        static Bystanders start() {
            Wire speakerSocket = SERVER.connect(SERVER.register("speaker"));
            Views.Persona speaker = TestServer.persona(speakerSocket, "Speaker");
            Wire listenerSocket = SERVER.connect(SERVER.register("listener"));
            Views.Persona listener = TestServer.persona(listenerSocket, "Listener");
            String channel = "calm-" + speaker.id().toLowerCase().replaceAll("[^a-z0-9]", "x").substring(0, 10);
            speakerSocket.send(new ClientMessage.ChannelCreate(speakerSocket.nextId(), speaker.id(), channel, null));
            speakerSocket.expect(ServerMessage.ChannelJoined.class);
            listenerSocket.send(new ClientMessage.ChannelJoin(listenerSocket.nextId(), listener.id(), channel));
            listenerSocket.expect(ServerMessage.ChannelJoined.class);
            speakerSocket.expect(ServerMessage.MemberJoined.class);
            return new Bystanders(speakerSocket, speaker, listenerSocket, listener, channel);
        }

        /** The pair can still talk, and everything said before is in the history. */
        void stillTalking() {
            speakerSocket.drain();
            listenerSocket.drain();
            speakerSocket.send(new ClientMessage.Say(speakerSocket.nextId(), speaker.id(), channel, "still here"));
            assertThat(listenerSocket.expect(ServerMessage.ChannelMessage.class).message().text()).isEqualTo("still here");
            speakerSocket.expect(ServerMessage.Sent.class);
            listenerSocket.send(new ClientMessage.HistoryFetch(listenerSocket.nextId(), listener.id(), channel, null, 200));
            assertThat(listenerSocket.expect(ServerMessage.History.class).messages()).extracting(Views.Message::text)
                    .endsWith("still here");
        }
    }
}
