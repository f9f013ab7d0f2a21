package org.tryst.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Any bytes from a telnet client, read as the session reads them: the reader never fails and holds
 * no more than its limits (each line, each subnegotiation, and whatever is still pending when the
 * bytes stop); how the bytes are cut into reads changes nothing; the options agreed from them never
 * fail and answer each negotiation at most once, up to the storm limit; GMCP's Core.Hello, NAWS and
 * TTYPE payloads are read without failing. MCCP reads nothing from the client: only its negotiation,
 * which is here. The seeds are real clients' openings and the telnet tests' byte strings.
 */
class TelnetReaderFuzzTest {
    private static final int MAX_LINE = 512;
    /** Completes a negotiation or subnegotiation left open, then ends the line, so that what was pending shows. */
    private static final byte[] FLUSH = {0, (byte) Telnet.IAC, (byte) Telnet.SE, (byte) Telnet.IAC, (byte) Telnet.SE, '\r', '\n'};

    @FuzzTest(maxDuration = "5s")
    void readsAnyBytesWithinTheLimits(byte[] stream) {
        List<TelnetInput> whole = read(stream, stream.length);
        int cut = stream.length == 0 ? 0 : (stream[0] & 0xff) % (stream.length + 1);
        assertThat(render(read(stream, cut))).isEqualTo(render(whole));

        List<ByteBuf> sent = new ArrayList<>();
        Negotiation negotiation = new Negotiation(Set.of(Telnet.SGA, Telnet.GMCP, Telnet.COMPRESS2, Telnet.MSSP),
                Set.of(Telnet.TTYPE, Telnet.NAWS, Telnet.CHARSET), sent::add, (option, ours, on) -> { });
        boolean cutOff = false;
        for (TelnetInput input : whole) {
            switch (input) {
                case TelnetInput.Line line -> {
                    assertThat(line.text().length()).isLessThanOrEqualTo(MAX_LINE);
                    assertThat(line.text()).isEqualTo(TelnetReader.printable(line.text()));
                }
                case TelnetInput.Negotiate negotiate -> {
                    assertThat(negotiate.verb()).isBetween(Telnet.WILL, Telnet.DONT);
                    // The session closes a storming connection at the first refusal, and reads no more of it.
                    if (!cutOff) cutOff = !negotiation.received(negotiate.verb(), negotiate.option());
                }
                case TelnetInput.Sub sub -> {
                    assertThat(sub.payload().length).isLessThanOrEqualTo(TelnetReader.MAX_SUBNEGOTIATION);
                    subnegotiation(sub);
                }
                case TelnetInput.AreYouThere _, TelnetInput.TooLong _ -> { }
            }
        }
        // Each negotiation is answered at most once, so that no client can make the server negotiate more than it does.
        assertThat(sent.size()).isLessThanOrEqualTo(Negotiation.MOST_NEGOTIATIONS);
        sent.forEach(ByteBuf::release);
    }

    /** What the session makes of a subnegotiation's payload. */
    private static void subnegotiation(TelnetInput.Sub sub) {
        byte[] payload = sub.payload();
        switch (sub.option()) {
            case Telnet.NAWS -> {
                if (payload.length >= 4) {
                    int width = Viewer.plain().width(((payload[0] & 0xff) << 8) | (payload[1] & 0xff)).width();
                    assertThat(width).isBetween(Viewer.NARROWEST, Viewer.WIDEST);
                }
            }
            case Telnet.TTYPE -> {
                if (payload.length > 1) TelnetReader.printable(new String(payload, 1, payload.length - 1, StandardCharsets.US_ASCII));
            }
            case Telnet.GMCP -> Gmcp.clientOf(payload).ifPresent(client -> assertThat(client).isNotBlank());
            default -> { }
        }
    }

    /** The bytes read in two parts, cut at {@code cut}, and then flushed. */
    private static List<TelnetInput> read(byte[] stream, int cut) {
        TelnetReader reader = new TelnetReader(MAX_LINE);
        List<TelnetInput> inputs = new ArrayList<>();
        reader.read(Unpooled.wrappedBuffer(stream, 0, cut), inputs::add);
        reader.read(Unpooled.wrappedBuffer(stream, cut, stream.length - cut), inputs::add);
        reader.read(Unpooled.wrappedBuffer(FLUSH), inputs::add);
        return inputs;
    }

    /** Inputs compared by value: a subnegotiation's payload is an array. */
    private static List<String> render(List<TelnetInput> inputs) {
        return inputs.stream().map(input -> input instanceof TelnetInput.Sub sub
                ? "Sub " + sub.option() + " " + Arrays.toString(sub.payload()) : input.toString()).toList();
    }
}
