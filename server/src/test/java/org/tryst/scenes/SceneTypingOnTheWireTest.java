package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.Canary;
import org.tryst.RecordingScreen;
import org.tryst.TestServer;
import org.tryst.client.TrystClient;
import org.tryst.client.chat.ClientBackend;
import org.tryst.client.chat.Commands;
import org.tryst.client.chat.Feeds;
import org.tryst.client.chat.Shell;
import org.tryst.testkit.Scratch;

/**
 * Typing in a private scene, as two terminal chats send and show it through a real server: the
 * partner sees who is typing, and the server never does. Every WebSocket frame between the chats
 * and the server passes through a recording relay; neither those frames, nor the server's files,
 * nor its log hold the typing signal's JSON in any form. The same relay sees typing in a public
 * channel, which the server passes on by design, so that it is known to see what it should.
 */
class SceneTypingOnTheWireTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    private static final String STARTED = "{\"kind\":\"typing\",\"typing\":true}";
    private static final String STOPPED = "{\"kind\":\"typing\",\"typing\":false}";

    @Test
    void thePartnerSeesTypingInASceneAndTheServerNeverReadsIt() throws Exception {
        Canary canary = new Canary();
        List<String> frames;
        try (Relay relay = Relay.to(server.port())) {
            try (var juno = Chat.open(relay.address(), "Juno"); var kit = Chat.open(relay.address(), "Kit")) {
                String channel = "wire" + TestServer.uniqueName("");
                juno.type("/join " + channel);
                kit.type("/join " + channel);
                juno.sees(line -> line.equals(kit.name() + " came in."));
                juno.edited("hello, wire");
                kit.waitsUntil(() -> kit.shell.whoIsTyping(), juno.name() + " is typing\u2026");
                juno.sent();
                kit.waitsUntil(() -> kit.shell.whoIsTyping(), "");

                juno.type("/invite " + kit.name() + " a word in private?");
                kit.sees(line -> line.contains("/accept 1"));
                kit.type("/accept 1");
                kit.sees(line -> line.startsWith("You are in the scene with " + juno.name()));
                juno.sees(line -> line.equals(kit.name() + " joined the scene."));

                juno.edited("I have a confession");
                kit.waitsUntil(() -> kit.shell.whoIsTyping(), juno.name() + " is typing\u2026");
                juno.sent();
                kit.waitsUntil(() -> kit.shell.whoIsTyping(), "");
                kit.edited("Go on");
                juno.waitsUntil(() -> juno.shell.whoIsTyping(), kit.name() + " is typing\u2026");
                kit.type("Go on");
                kit.sent();
                juno.sees(line -> line.endsWith(kit.name() + ": Go on"));
                assertThat(juno.shell.whoIsTyping()).isEmpty();
            }
            frames = relay.messages();
        }

        // The relay saw the whole conversation: the channel's typing in the clear, the scene's signals sealed.
        assertThat(frames).anyMatch(frame -> frame.contains("\"type\":\"typing\"") && frame.contains("\"channel\":\"wire"));
        assertThat(frames.stream().filter(frame -> frame.contains("\"type\":\"scene.signal\""))).hasSizeGreaterThanOrEqualTo(6);
        List<String> secrets = new ArrayList<>();
        for (String inner : List.of(STARTED, STOPPED)) {
            byte[] utf8 = inner.getBytes(StandardCharsets.UTF_8);
            secrets.addAll(List.of(inner, Base64.getEncoder().encodeToString(utf8), HexFormat.of().formatHex(utf8)));
        }
        secrets.add("\"kind\":\"typing\"");
        // Nor as a string inside another message, escaped, or spaced out.
        Pattern inner = Pattern.compile("kind\\\\?\"\\s*:\\s*\\\\?\"typing");
        for (String frame : frames) {
            for (String secret : secrets) assertThat(frame).as("a frame on the wire").doesNotContain(secret);
            assertThat(inner.matcher(frame).find()).as("a frame on the wire holds a typing signal: " + frame).isFalse();
        }
        canary.assertNowhere(server.storageDirectories(), secrets);
    }

    /** A terminal chat on a real client, typing as a person does, with the screen kept in a list. */
    private record Chat(String name, TrystClient client, Shell shell, Feeds feeds, List<String> screen) implements AutoCloseable {
        static Chat open(URI server, String base) throws Exception {
            TestServer.User user = SceneTypingOnTheWireTest.server.register(base.toLowerCase());
            TrystClient client = TrystClient.open(server, user.token(), Scratch.directory("tryst-chat"));
            RecordingScreen recording = new RecordingScreen();
            List<String> screen = recording.lines();
            Shell shell = Shell.create(new ClientBackend(client), recording, Clock.systemDefaultZone());
            shell.start();
            Chat chat = new Chat(TestServer.uniqueName(base), client, shell, Feeds.start(client, shell, () -> {}), screen);
            chat.type("/persona new " + chat.name());
            return chat;
        }

        void type(String line) {
            shell.run(Commands.parse(line));
        }

        /** The line being typed changed, as the terminal's reader tells the shell. */
        void edited(String line) {
            shell.edited(line);
        }

        void sent() {
            shell.sent();
        }

        void sees(Predicate<String> line) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (screen.stream().anyMatch(line)) return;
                Thread.sleep(20);
            }
            throw new AssertionError(name + ": not on the screen within 10 s; the screen was:\n" + String.join("\n", screen));
        }

        void waitsUntil(Supplier<String> shown, String expected) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (shown.get().equals(expected)) return;
                Thread.sleep(20);
            }
            assertThat(shown.get()).as(name + "'s status area").isEqualTo(expected);
        }

        @Override
        public void close() {
            feeds.close();
            client.close();
        }
    }

    /**
     * A TCP relay on loopback in front of the server that keeps every byte each way, connection by
     * connection, and reads the WebSocket messages out of them: text frames unmasked and joined with
     * their continuations. The chats speak plain HTTP/1.1 and WebSocket without compression.
     */
    private static final class Relay implements AutoCloseable {
        private record Link(Socket client, Socket server, ByteArrayOutputStream up, ByteArrayOutputStream down) {}

        private final ServerSocket listening;
        private final int target;
        private final List<Link> links = new CopyOnWriteArrayList<>();
        private final List<Thread> threads = new CopyOnWriteArrayList<>();

        private Relay(int target) throws IOException {
            this.target = target;
            this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.add(Thread.ofPlatform().daemon().name("relay-accept").start(this::accept));
        }

        static Relay to(int port) throws IOException {
            return new Relay(port);
        }

        URI address() {
            return URI.create("http://127.0.0.1:" + listening.getLocalPort());
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = listening.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    Link link = new Link(client, server, new ByteArrayOutputStream(), new ByteArrayOutputStream());
                    links.add(link);
                    threads.add(Thread.ofPlatform().daemon().start(() -> pump(client, server, link.up())));
                    threads.add(Thread.ofPlatform().daemon().start(() -> pump(server, client, link.down())));
                }
            } catch (IOException closed) {
                // the relay closed
            }
        }

        private static void pump(Socket from, Socket to, ByteArrayOutputStream kept) {
            byte[] buffer = new byte[16_384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    synchronized (kept) {
                        kept.write(buffer, 0, read);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // one side closed: the other follows
            } finally {
                close(from);
                close(to);
            }
        }

        /** Every WebSocket message each way, and every other connection's bytes (the HTTP API) as text. */
        List<String> messages() {
            List<String> messages = new ArrayList<>();
            for (Link link : links) {
                byte[] up;
                byte[] down;
                synchronized (link.up()) {
                    up = link.up().toByteArray();
                }
                synchronized (link.down()) {
                    down = link.down().toByteArray();
                }
                String request = new String(up, 0, Math.min(up.length, 64), StandardCharsets.ISO_8859_1);
                String response = new String(down, 0, Math.min(down.length, 16), StandardCharsets.ISO_8859_1);
                if (request.startsWith("GET /ws") && response.startsWith("HTTP/1.1 101")) {
                    messages.addAll(frames(up, afterHeaders(up)));
                    messages.addAll(frames(down, afterHeaders(down)));
                } else {
                    messages.add(new String(up, StandardCharsets.UTF_8));
                    messages.add(new String(down, StandardCharsets.UTF_8));
                }
            }
            return messages;
        }

        private static int afterHeaders(byte[] bytes) {
            for (int i = 0; i + 3 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') return i + 4;
            }
            throw new AssertionError("no end of the HTTP headers");
        }

        /** The text messages in a stream of WebSocket frames (RFC 6455, section 5.2), masked or not. */
        private static List<String> frames(byte[] bytes, int at) {
            List<String> messages = new ArrayList<>();
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (at + 2 <= bytes.length) {
                boolean fin = (bytes[at] & 0x80) != 0;
                int opcode = bytes[at] & 0x0f;
                boolean masked = (bytes[at + 1] & 0x80) != 0;
                long length = bytes[at + 1] & 0x7f;
                at += 2;
                if (length == 126) {
                    length = ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
                    at += 2;
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) length = (length << 8) | (bytes[at + i] & 0xff);
                    at += 8;
                }
                byte[] mask = new byte[4];
                if (masked) {
                    System.arraycopy(bytes, at, mask, 0, 4);
                    at += 4;
                }
                if (at + length > bytes.length) break; // cut off by the close
                byte[] payload = new byte[(int) length];
                for (int i = 0; i < length; i++) payload[i] = (byte) (bytes[at + i] ^ (masked ? mask[i % 4] : 0));
                at += (int) length;
                if (opcode == 0x1 || opcode == 0x0) {
                    message.writeBytes(payload);
                    if (fin) {
                        messages.add(message.toString(StandardCharsets.UTF_8));
                        message.reset();
                    }
                }
            }
            return messages;
        }

        @Override
        public void close() throws IOException {
            listening.close();
            for (Link link : links) {
                close(link.client());
                close(link.server());
            }
        }

        private static void close(Socket socket) {
            try {
                socket.close();
            } catch (IOException alreadyClosed) {
                // nothing left to close
            }
        }
    }
}
