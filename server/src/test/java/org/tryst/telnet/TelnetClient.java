package org.tryst.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A MUD client on a raw socket, negotiating as Mudlet or TinTin++ would (or not at all): it
 * answers TTYPE with its list of types, NAWS with its width, CHARSET with UTF-8, takes GMCP and
 * MCCP2 when told to, and inflates the stream after IAC SB COMPRESS2 IAC SE with a real Inflater.
 * What the server sent is kept as text, negotiations and GMCP messages, for tests to wait on.
 */
final class TelnetClient implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How the client behaves: its width (0: no NAWS), terminal types (empty: no TTYPE), GMCP, MCCP2, and whether it answers at all. */
    record Options(int width, List<String> terminalTypes, boolean gmcp, boolean compress, boolean answers) {
        static Options mudlet() {
            return new Options(100, List.of("MUDLET", "ANSI-TRUECOLOR", "MTTS 2825"), true, false, true);
        }

        static Options plain() {
            return new Options(0, List.of(), false, false, true);
        }

        static Options silent() {
            return new Options(0, List.of(), false, false, false);
        }

        Options width(int columns) {
            return new Options(columns, terminalTypes, gmcp, compress, answers);
        }

        Options compressed() {
            return new Options(width, terminalTypes, gmcp, true, answers);
        }

        Options types(String... types) {
            return new Options(width, List.of(types), gmcp, compress, answers);
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final Options options;
    private final StringBuilder text = new StringBuilder();
    private final List<String> negotiations = new CopyOnWriteArrayList<>();
    private final List<String> gmcp = new CopyOnWriteArrayList<>();
    private final List<byte[]> subnegotiations = new CopyOnWriteArrayList<>();
    private final Thread reading;
    private int cursor;
    private int typeAsked;
    private volatile boolean closed;
    private volatile boolean compressing;
    private long compressedBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    // The parser's state, across reads.
    private int state;
    private int verb;
    private final ByteArrayOutputStream sub = new ByteArrayOutputStream();

    private TelnetClient(Socket socket, Options options) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.options = options;
        this.reading = Thread.ofVirtual().start(this::readAll);
    }

    static TelnetClient connect(int port, Options options) {
        try {
            return over(new Socket("127.0.0.1", port), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client on a socket the test opened, such as a TLS socket. */
    static TelnetClient over(Socket socket, Options options) {
        try {
            socket.setSoTimeout(0);
            return new TelnetClient(socket, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Sending ----

    /** Types a line: UTF-8, 0xFF doubled, CR LF. */
    void send(String typed) {
        byte[] utf8 = typed.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte b : utf8) {
            bytes.write(b);
            if (b == (byte) 0xff) bytes.write(b);
        }
        bytes.writeBytes(new byte[] {'\r', '\n'});
        raw(bytes.toByteArray());
    }

    void raw(byte... bytes) {
        try {
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void raw(int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) raw[i] = (byte) bytes[i];
        raw(raw);
    }

    /** Sends a GMCP message. */
    void gmcp(String message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 255, (byte) 250, (byte) Telnet.GMCP});
        bytes.writeBytes(message.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 255, (byte) 240});
        raw(bytes.toByteArray());
    }

    // ---- Waiting on what came ----

    /** Waits until the text after what was expected before holds {@code needle}; returns the text up to and including it. */
    String expect(String needle) {
        long until = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (text) {
            while (true) {
                int at = text.indexOf(needle, cursor);
                if (at >= 0) {
                    String seen = text.substring(cursor, at + needle.length());
                    cursor = at + needle.length();
                    return seen;
                }
                long left = until - System.nanoTime();
                if (left <= 0 || (closed && text.indexOf(needle, cursor) < 0)) {
                    throw new AssertionError("expected \"" + needle + "\" but got: " + text.substring(cursor)
                            + (closed ? " (closed)" : "") + "\n--- all ---\n" + text);
                }
                try {
                    text.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Everything received as text so far. */
    String all() {
        synchronized (text) {
            return text.toString();
        }
    }

    /** Waits for a negotiation from the server, e.g. "WILL 1" (IAC WILL ECHO); true once seen. */
    boolean negotiated(String what) {
        return await(() -> negotiations.contains(what));
    }

    List<String> negotiations() {
        return List.copyOf(negotiations);
    }

    /**
     * Waits for a GMCP message of a package whose JSON holds {@code containing}; the newest such. GMCP
     * follows the text it goes with, so a test that saw the text may still have to wait for it.
     */
    String gmcpOf(String name, String containing) {
        String prefix = name + " ";
        assertThat(await(() -> gmcp.stream().anyMatch(message -> message.startsWith(prefix) && message.contains(containing))))
                .as("GMCP " + name + " with " + containing + " among " + gmcp).isTrue();
        return gmcp.stream().filter(message -> message.startsWith(prefix) && message.contains(containing))
                .reduce((first, second) -> second).orElseThrow().substring(prefix.length());
    }

    /** Waits for a GMCP message of a package, e.g. "Room.Info"; its JSON. */
    String gmcpOf(String name) {
        assertThat(await(() -> gmcp.stream().anyMatch(message -> message.startsWith(name + " "))))
                .as("GMCP " + name + " among " + gmcp).isTrue();
        return gmcp.stream().filter(message -> message.startsWith(name + " ")).reduce((first, second) -> second)
                .orElseThrow().substring(name.length() + 1);
    }

    List<String> gmcpMessages() {
        return List.copyOf(gmcp);
    }

    /** Waits until the server has closed the connection; true if it did in time. */
    boolean closedByServer() {
        return await(() -> closed);
    }

    /** The payloads of the server's subnegotiations of an option, the option byte first. */
    List<byte[]> subnegotiations(int option) {
        return subnegotiations.stream().filter(payload -> (payload[0] & 0xff) == option).toList();
    }

    /** How many times the server asked for a terminal type. */
    int terminalTypesAsked() {
        return typeAsked;
    }

    boolean isCompressing() {
        return compressing;
    }

    long compressedBytes() {
        return compressedBytes;
    }

    private static boolean await(java.util.function.BooleanSupplier fact) {
        long until = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < until) {
            if (fact.getAsBoolean()) return true;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return fact.getAsBoolean();
    }

    // ---- Reading ----

    private void readAll() {
        Inflater inflater = new Inflater();
        byte[] buffer = new byte[16_384];
        byte[] inflated = new byte[65_536];
        try (InputStream in = socket.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                int at = 0;
                if (!compressing) at = parse(buffer, 0, read);
                if (compressing && at < read) {
                    compressedBytes += read - at;
                    inflater.setInput(buffer, at, read - at);
                    int produced;
                    while ((produced = inflater.inflate(inflated)) > 0) parse(inflated, 0, produced);
                }
            }
        } catch (IOException | DataFormatException e) {
            // closed, or a broken stream: either way the end of reading
        } finally {
            inflater.end();
            closed = true;
            synchronized (text) {
                text.notifyAll();
            }
        }
    }

    private static final int DATA = 0, IAC = 1, VERB = 2, SB = 3, SB_DATA = 4, SB_IAC = 5;

    /** Parses bytes; returns where it stopped: at the end, or right after the start of compression. */
    private int parse(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xff;
            switch (state) {
                case DATA -> {
                    if (b == 255) state = IAC;
                    else textByte(b);
                }
                case IAC -> {
                    if (b == 255) {
                        textByte(b);
                        state = DATA;
                    } else if (b >= 251 && b <= 254) {
                        verb = b;
                        state = VERB;
                    } else if (b == 250) {
                        sub.reset();
                        state = SB;
                    } else {
                        negotiations.add(b == 249 ? "GA" : "CMD " + b);
                        state = DATA;
                    }
                }
                case VERB -> {
                    state = DATA;
                    negotiation(verb, b);
                }
                case SB, SB_DATA -> {
                    if (b == 255) state = SB_IAC;
                    else {
                        sub.write(b);
                        state = SB_DATA;
                    }
                }
                case SB_IAC -> {
                    if (b == 240) {
                        state = DATA;
                        if (subnegotiation(sub.toByteArray())) return i + 1;
                    } else {
                        sub.write(b);
                        state = SB_DATA;
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        flushText();
        return to;
    }

    private void textByte(int b) {
        line.write(b);
        if (b == '\n') flushText();
    }

    private void flushText() {
        if (line.size() == 0) return;
        String decoded = line.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        line.reset();
        synchronized (text) {
            text.append(decoded);
            text.notifyAll();
        }
    }

    private void negotiation(int verb, int option) {
        String name = switch (verb) {
            case 251 -> "WILL";
            case 252 -> "WONT";
            case 253 -> "DO";
            default -> "DONT";
        };
        negotiations.add(name + " " + option);
        if (!options.answers()) return;
        switch (verb) {
            case 253 -> { // DO
                boolean yes = switch (option) {
                    case Telnet.TTYPE -> !options.terminalTypes().isEmpty();
                    case Telnet.NAWS -> options.width() > 0;
                    case Telnet.CHARSET -> true;
                    default -> false;
                };
                raw(255, yes ? 251 : 252, option);
                if (yes && option == Telnet.NAWS) {
                    raw(255, 250, Telnet.NAWS, options.width() >> 8, options.width() & 0xff, 0, 24, 255, 240);
                }
            }
            case 251 -> { // WILL
                boolean yes = switch (option) {
                    case Telnet.ECHO, Telnet.SGA -> true;
                    case Telnet.GMCP -> options.gmcp();
                    case Telnet.COMPRESS2 -> options.compress();
                    case Telnet.MSSP -> true;
                    default -> false;
                };
                raw(255, yes ? 253 : 254, option);
                if (yes && option == Telnet.GMCP) {
                    gmcp("Core.Hello {\"client\":\"Mudlet\",\"version\":\"4.17.2\"}");
                    gmcp("Core.Supports.Set [\"Char 1\",\"Room 1\",\"Comm.Channel 1\"]");
                }
            }
            case 252 -> raw(255, 254, option); // WONT: DONT, as a client that confirms every change would
            default -> { }
        }
    }

    /** Handles a subnegotiation; true when it starts compression. */
    private boolean subnegotiation(byte[] payload) {
        if (payload.length == 0) return false;
        int option = payload[0] & 0xff;
        subnegotiations.add(payload);
        switch (option) {
            case Telnet.COMPRESS2 -> {
                flushText();
                compressing = true;
                return true;
            }
            case Telnet.GMCP -> gmcp.add(new String(payload, 1, payload.length - 1, StandardCharsets.UTF_8));
            case Telnet.TTYPE -> {
                if (options.answers() && payload.length > 1 && payload[1] == Telnet.SEND) {
                    List<String> types = options.terminalTypes();
                    String type = types.get(Math.min(typeAsked++, types.size() - 1));
                    List<Integer> reply = new ArrayList<>(List.of(255, 250, Telnet.TTYPE, Telnet.IS));
                    for (byte b : type.getBytes(StandardCharsets.US_ASCII)) reply.add((int) b);
                    reply.addAll(List.of(255, 240));
                    raw(reply.stream().mapToInt(Integer::intValue).toArray());
                }
            }
            case Telnet.CHARSET -> {
                if (options.answers() && payload.length > 1 && payload[1] == Telnet.CHARSET_REQUEST) {
                    List<Integer> reply = new ArrayList<>(List.of(255, 250, Telnet.CHARSET, Telnet.CHARSET_ACCEPTED));
                    for (byte b : "UTF-8".getBytes(StandardCharsets.US_ASCII)) reply.add((int) b);
                    reply.addAll(List.of(255, 240));
                    raw(reply.stream().mapToInt(Integer::intValue).toArray());
                }
            }
            default -> { }
        }
        negotiations.add("SB " + option);
        return false;
    }

    @Override
    public void close() {
        try {
            socket.close();
            reading.join(TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
