package org.tryst.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The telnet byte stream read without a socket: line ends, editing, IAC, bounds, bad UTF-8. */
class TelnetReaderTest {
    private static List<TelnetInput> read(int maxLine, int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) raw[i] = (byte) bytes[i];
        List<TelnetInput> out = new ArrayList<>();
        new TelnetReader(maxLine).read(Unpooled.wrappedBuffer(raw), out::add);
        return out;
    }

    private static String line(TelnetInput input) {
        return ((TelnetInput.Line) input).text();
    }

    @Test
    void everyLineEndEndsOneLine() {
        List<TelnetInput> lines = read(100, 'a', '\r', '\n', 'b', '\r', 0, 'c', '\n', 'd', '\r', 'e', '\r', '\n');
        assertThat(lines).extracting(TelnetReaderTest::line).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void backspaceAndDeleteTakeBackOneCharacterEvenAcrossUtf8() {
        // "hé" then BS removes é (two bytes), DEL removes h, then "ok".
        assertThat(read(100, 'h', 0xc3, 0xa9, 8, 127, 'o', 'k', '\r', '\n')).extracting(TelnetReaderTest::line).containsExactly("ok");
    }

    @Test
    void negotiationsAndSubnegotiationsAreReadApartFromText() {
        List<TelnetInput> inputs = read(100, 'h', 255, 251, 31, 'i', 255, 250, 31, 0, 40, 255, 255, 24, 255, 240, '\n');
        assertThat(inputs.get(0)).isEqualTo(new TelnetInput.Negotiate(Telnet.WILL, Telnet.NAWS));
        assertThat(((TelnetInput.Sub) inputs.get(1)).payload()).containsExactly(0, 40, 0xff, 24);
        assertThat(line(inputs.get(2))).isEqualTo("hi");
    }

    @Test
    void aDoubledIacIsAByteOfTextAndInvalidUtf8IsReplaced() {
        assertThat(line(read(100, 'a', 255, 255, 'b', 0xc3, 0x28, '\n').getFirst())).isEqualTo("a\ufffdb\ufffd(");
    }

    @Test
    void controlCharactersNeverReachALine() {
        assertThat(line(read(100, 0x1b, '[', '2', 'J', 'x', 0x07, '\t', 'y', '\n').getFirst())).isEqualTo("[2Jx y");
    }

    @Test
    void anOverlongLineIsReportedOnceAndDroppedAndTheNextIsRead() {
        int[] bytes = new int[50];
        java.util.Arrays.fill(bytes, 'x');
        int[] all = java.util.stream.IntStream.concat(java.util.Arrays.stream(bytes), java.util.stream.IntStream.of('\n', 'o', 'k', '\n')).toArray();
        assertThat(read(10, all)).containsExactly(new TelnetInput.TooLong(TelnetInput.TooLong.What.LINE), new TelnetInput.Line("ok"));
    }

    @Test
    void anEndlessSubnegotiationIsReportedOnceItPassesItsBound() {
        int[] bytes = new int[TelnetReader.MAX_SUBNEGOTIATION + 100];
        java.util.Arrays.fill(bytes, 'a');
        bytes[0] = 255;
        bytes[1] = 250;
        bytes[2] = 201;
        assertThat(read(100, bytes)).containsExactly(new TelnetInput.TooLong(TelnetInput.TooLong.What.SUBNEGOTIATION));
    }
}
