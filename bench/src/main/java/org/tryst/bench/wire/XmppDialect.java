package org.tryst.bench.wire;

import io.netty.buffer.ByteBuf;
import java.net.URI;

/**
 * XMPP over WebSocket (RFC 7395) to Prosody: anonymous SASL login, resource binding, then a
 * multi-user chat room joined without history; messages are {@code groupchat} stanzas. Each frame
 * is a whole XML document, so every stanza names the {@code jabber:client} namespace itself.
 */
public record XmppDialect(int port) implements Dialect {
    static final String DOMAIN = "anon.localhost";
    static final String ROOMS = "conference.localhost";
    private static final String OPEN =
            "<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='" + DOMAIN + "' version='1.0'/>";

    @Override
    public URI endpoint(int index) {
        return URI.create("ws://127.0.0.1:" + port + "/xmpp-websocket");
    }

    @Override
    public String subprotocol() {
        return "xmpp";
    }

    @Override
    public Conversation open(int index, String room) {
        return new XmppConversation(room + "@" + ROOMS, "n" + index);
    }

    private record XmppConversation(String room, String nick) implements Conversation {
        @Override
        public void opened(Link link) {
            link.send(OPEN);
        }

        @Override
        public long delivery(ByteBuf frame) {
            return Payload.startsWith(frame, "<message") ? Payload.scheduledAt(frame) : -1;
        }

        @Override
        public void received(String frame, Link link) {
            if (frame.startsWith("<message")) {
                return; // a message without a benchmark payload
            } else if (frame.startsWith("<presence")) {
                if (frame.contains("type='error'")) link.failed("room join refused: " + frame);
                else if (frame.contains("code='110'")) link.ready();
            } else if (frame.startsWith("<stream:features") || frame.startsWith("<features")) {
                if (frame.contains("<mechanisms")) {
                    link.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='ANONYMOUS'/>");
                } else if (frame.contains("<bind")) {
                    link.send("<iq xmlns='jabber:client' type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
                }
            } else if (frame.startsWith("<success")) {
                link.send(OPEN);
            } else if (frame.startsWith("<iq") && frame.contains("id='bind'")) {
                if (!frame.contains("type='result'")) link.failed("bind refused: " + frame);
                else link.send("<presence xmlns='jabber:client' to='" + room + "/" + nick + "'><x xmlns='http://jabber.org/protocol/muc'>"
                        + "<history maxstanzas='0'/></x></presence>");
            } else if (frame.startsWith("<failure") || frame.startsWith("<stream:error") || frame.startsWith("<close")) {
                link.failed("xmpp refused: " + frame);
            }
        }

        @Override
        public String publish(String payload) {
            return "<message xmlns='jabber:client' to='" + room + "' type='groupchat'><body>" + payload + "</body></message>";
        }
    }
}
