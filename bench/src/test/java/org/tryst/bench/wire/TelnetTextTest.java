package org.tryst.bench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load's telnet framing without sockets: what it answers to the server's options, and where its lines end. */
class TelnetTextTest {
    private static final int IAC = 255;
    private static final int WILL = 251;
    private static final int WONT = 252;
    private static final int DO = 253;
    private static final int DONT = 254;
    private static final int SB = 250;
    private static final int SE = 240;
    private static final int GA = 249;
    private static final int ECHO = 1;
    private static final int SGA = 3;
    private static final int TTYPE = 24;
    private static final int NAWS = 31;
    private static final int COMPRESS2 = 86;

    /** What reached the client, read as the client reads it: before the framing reuses its buffer. */
    private final List<String> lines = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new TelnetText(), new SimpleChannelInboundHandler<ByteBuf>() {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
            lines.add(line.toString(StandardCharsets.UTF_8));
        }
    });

    @Test
    void refusesWhatTheServerOffersAndAsksButNawsWhichItAnswersWithAWideWindow() {
        channel.writeInbound(bytes(IAC, WILL, SGA, IAC, WILL, COMPRESS2, IAC, DO, TTYPE, IAC, DO, NAWS));
        assertThat(written()).isEqualTo(hex(IAC, DONT, SGA, IAC, DONT, COMPRESS2, IAC, WONT, TTYPE,
                IAC, WILL, NAWS, IAC, SB, NAWS, 0, 250, 0, 50, IAC, SE));
    }

    @Test
    void answersNawsOnceAndRefusalsNotAtAll() {
        channel.writeInbound(bytes(IAC, DO, NAWS));
        written();
        channel.writeInbound(bytes(IAC, DO, NAWS, IAC, WONT, ECHO, IAC, DONT, SGA));
        assertThat(written()).isEmpty();
    }

    @Test
    void aLineEndsAtALineFeedOrAtTheGoAheadAfterAPrompt() {
        channel.writeInbound(text("Welcome.\r\nUser"), text("name: "), bytes(IAC, GA));
        assertThat(lines).containsExactly("Welcome.", "Username: ");
    }

    @Test
    void commandsInsideALineAreTakenOutAndADoubledIacIsOneByte() {
        channel.writeInbound(text("Pass"), bytes(IAC, WILL, ECHO), text("word: "), bytes(IAC, GA, 'a', IAC, IAC, 'b', '\n'));
        assertThat(lines).containsExactly("Password: ", "a\uFFFDb");
    }

    @Test
    void aSubnegotiationIsSkippedWholeEvenWhenSplitAcrossReads() {
        channel.writeInbound(text("Ro"), bytes(IAC, SB, 201, 'R', 'o', 'o', 'm', IAC), bytes(SE), text("om\n"));
        assertThat(lines).containsExactly("Room");
    }

    @Test
    void emptyLinesAreNotHandedOn() {
        channel.writeInbound(text("\r\n\r\n"), bytes(IAC, GA), text("x\n"));
        assertThat(lines).containsExactly("x");
    }

    @Test
    void whatTheClientWritesGoesOutAsALine() {
        channel.writeOutbound("say hello");
        assertThat(written()).isEqualTo(HexFormat.of().formatHex("say hello\r\n".getBytes(StandardCharsets.UTF_8)));
    }

    private static ByteBuf bytes(int... octets) {
        byte[] out = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) out[i] = (byte) octets[i];
        return Unpooled.wrappedBuffer(out);
    }

    private static ByteBuf text(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    private static String hex(int... octets) {
        return HexFormat.of().formatHex(bytes(octets).array());
    }

    /** Everything the framing wrote to the server so far, as hex. */
    private String written() {
        StringBuilder out = new StringBuilder();
        for (ByteBuf bytes; (bytes = channel.readOutbound()) != null; bytes.release()) out.append(HexFormat.of().formatHex(ByteBufUtil.getBytes(bytes)));
        return out.toString();
    }
}
