package org.tryst.bench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Socket.IO conversation against the frames a Socket.IO 4 server sends. */
class SocketIoDialectTest {
    private final Conversation conversation = new SocketIoDialect(3000).open(7, "room-1");
    private final RecordingLink link = new RecordingLink();

    @Test
    void handshakeJoinHeartbeatAndDelivery() {
        conversation.opened(link);
        assertThat(link.sent).isEmpty();
        conversation.received("0{\"sid\":\"a\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}", link);
        assertThat(link.last()).isEqualTo("40");
        conversation.received("40{\"sid\":\"b\"}", link);
        assertThat(link.last()).isEqualTo("420[\"join\",\"room-1\"]");
        conversation.received("430[true]", link);
        assertThat(link.ready).isTrue();
        conversation.received("2", link);
        assertThat(link.last()).isEqualTo("3");
        assertThat(conversation.delivery(PayloadTest.bytes("42[\"msg\",\"" + Payload.stamp(1, 99) + "\"]"))).isEqualTo(99L);
        assertThat(conversation.delivery(PayloadTest.bytes("430[true]"))).isEqualTo(-1);
        assertThat(conversation.publish("p")).isEqualTo("42[\"pub\",\"room-1\",\"p\"]");
        assertThat(link.failures).isEmpty();
    }

    @Test
    void aRefusedNamespaceConnectFails() {
        conversation.received("44{\"message\":\"not allowed\"}", link);
        assertThat(link.failures).hasSize(1);
    }
}
