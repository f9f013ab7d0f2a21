package org.tryst.bench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The XMPP conversation against the frames Prosody 0.12 sends over WebSocket (quoted with single quotes). */
class XmppDialectTest {
    private final Conversation conversation = new XmppDialect(5280).open(3, "room-1");
    private final RecordingLink link = new RecordingLink();

    @Test
    void anonymousLoginBindAndRoomJoin() {
        conversation.opened(link);
        assertThat(link.last()).startsWith("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='anon.localhost'");
        conversation.received("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' from='anon.localhost' version='1.0' id='a'/>", link);
        conversation.received("<stream:features xmlns:stream='http://etherx.jabber.org/streams' xmlns='jabber:client'>"
                + "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>ANONYMOUS</mechanism></mechanisms></stream:features>", link);
        assertThat(link.last()).contains("mechanism='ANONYMOUS'");
        conversation.received("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>", link);
        assertThat(link.last()).startsWith("<open ");
        conversation.received("<stream:features xmlns='jabber:client'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><required/></bind></stream:features>", link);
        assertThat(link.last()).startsWith("<iq xmlns='jabber:client' type='set' id='bind'>");
        conversation.received("<iq xmlns='jabber:client' id='bind' type='result'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                + "<jid>u@anon.localhost/r</jid></bind></iq>", link);
        assertThat(link.last()).startsWith("<presence xmlns='jabber:client' to='room-1@conference.localhost/n3'>")
                .contains("<history maxstanzas='0'/>");
        conversation.received("<presence from='room-1@conference.localhost/n3' xmlns='jabber:client'><x xmlns='http://jabber.org/protocol/muc#user'>"
                + "<status code='201'/><status code='110'/></x></presence>", link);
        assertThat(link.ready).isTrue();
        assertThat(link.failures).isEmpty();
        assertThat(conversation.publish("p")).isEqualTo("<message xmlns='jabber:client' to='room-1@conference.localhost' type='groupchat'><body>p</body></message>");
    }

    @Test
    void groupchatBodiesAreDeliveriesAndOtherMessagesAreNot() {
        String delivery = "<message xmlns='jabber:client' type='groupchat' from='room-1@conference.localhost/n1'><body>"
                + Payload.stamp(5, 77) + "</body></message>";
        assertThat(conversation.delivery(PayloadTest.bytes(delivery))).isEqualTo(77L);
        assertThat(conversation.delivery(PayloadTest.bytes("<message xmlns='jabber:client' type='groupchat'><subject/></message>"))).isEqualTo(-1);
    }

    @Test
    void aStreamErrorFails() {
        conversation.received("<stream:error xmlns:stream='http://etherx.jabber.org/streams'><unsupported-stanza-type/></stream:error>", link);
        assertThat(link.failures).hasSize(1);
    }
}
