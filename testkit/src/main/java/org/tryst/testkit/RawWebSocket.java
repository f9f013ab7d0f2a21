package org.tryst.testkit;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client (RFC 6455) on a plain socket, so that tests control every byte: malformed
 * frames, oversized frames, and a reader that stops reading. Received text messages, reassembled
 * from fragments, go to a queue; pings are answered; the close code is kept.
 */
public final class RawWebSocket implements AutoCloseable {
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;
    /** What {@link #awaitClosed} returns when the TCP connection ended without a close frame. */
    public static final int NO_CLOSE_FRAME = -1;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object pause = new Object();
    private volatile boolean paused;
    private volatile int closeCode = NO_CLOSE_FRAME;

    /** The server answered the upgrade with something other than 101. */
    public static final class UpgradeRefused extends IOException {
        private final int status;

        UpgradeRefused(int status, String statusLine) {
            super("upgrade refused: " + statusLine);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private RawWebSocket(Socket socket, DataInputStream in) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        Thread.ofVirtual().name("raw-websocket-reader").start(this::readLoop);
    }

    /** Opens a WebSocket with extra handshake headers (Origin, Cookie, …). */
    public static RawWebSocket connect(String host, int port, String path, Map<String, String> headers) throws IOException {
        Socket socket = new Socket();
        // A small receive buffer, so that a test that stops reading fills the server's queue quickly.
        socket.setReceiveBufferSize(32 * 1024);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setTcpNoDelay(true);
        String key = Base64.getEncoder().encodeToString(randomBytes(16));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", host + ":" + port);
        all.put("Upgrade", "websocket");
        all.put("Connection", "Upgrade");
        all.put("Sec-WebSocket-Key", key);
        all.put("Sec-WebSocket-Version", "13");
        all.putAll(headers);
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
        all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        DataInputStream in = new DataInputStream(socket.getInputStream());
        String statusLine = readLine(in);
        Map<String, String> response = new LinkedHashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) response.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        if (status != 101) {
            socket.close();
            throw new UpgradeRefused(status, statusLine);
        }
        if (!accept(key).equals(response.get("sec-websocket-accept"))) {
            socket.close();
            throw new IOException("wrong Sec-WebSocket-Accept");
        }
        return new RawWebSocket(socket, in);
    }

    public void sendText(String text) {
        sendFrame(TEXT, text.getBytes(StandardCharsets.UTF_8), true, 0);
    }

    /** Sends one frame, masked as a client must; {@code rsv} sets the reserved bits (0 for none). */
    public synchronized void sendFrame(int opcode, byte[] payload, boolean fin, int rsv) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | (rsv & 0x7) << 4 | opcode & 0xF);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65_536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) frame.write((int) ((long) payload.length >>> shift));
        }
        byte[] mask = randomBytes(4);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i & 3]);
        sendRawBytes(frame.toByteArray());
    }

    public synchronized void sendRawBytes(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void sendClose(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        sendFrame(CLOSE, payload, true, 0);
    }

    /** The next text message, or null when none arrives in time. */
    public String poll(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops reading from the socket, so that the server's outbound queue fills up. */
    public void pauseReading() {
        paused = true;
    }

    public void resumeReading() {
        synchronized (pause) {
            paused = false;
            pause.notifyAll();
        }
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Waits until the connection ends; the close code received, or {@link #NO_CLOSE_FRAME}. */
    public int awaitClosed(Duration timeout) throws InterruptedException {
        if (!closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the connection is still open after " + timeout);
        }
        return closeCode;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a socket that is already gone.
        }
    }

    private void readLoop() {
        ByteArrayOutputStream fragments = new ByteArrayOutputStream();
        try {
            while (true) {
                waitWhilePaused();
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7F;
                if (length == 126) length = in.readUnsignedShort();
                else if (length == 127) length = in.readLong();
                byte[] payload = new byte[Math.toIntExact(length)];
                in.readFully(payload);
                int opcode = first & 0xF;
                boolean fin = (first & 0x80) != 0;
                switch (opcode) {
                    case TEXT, 0x0 -> {
                        fragments.writeBytes(payload);
                        if (fin) {
                            messages.add(fragments.toString(StandardCharsets.UTF_8));
                            fragments.reset();
                        }
                    }
                    case PING -> sendFrame(PONG, payload, true, 0);
                    case CLOSE -> {
                        closeCode = payload.length >= 2 ? (payload[0] & 0xFF) << 8 | payload[1] & 0xFF : 1005;
                        sendFrame(CLOSE, new byte[0], true, 0);
                        return;
                    }
                    default -> { }
                }
            }
        } catch (EOFException | UncheckedIOException e) {
            // The server ended the connection.
        } catch (IOException e) {
            // Reset or closed locally.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed.countDown();
            close();
        }
    }

    private void waitWhilePaused() throws InterruptedException {
        synchronized (pause) {
            while (paused) pause.wait();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) throw new EOFException("connection closed during the handshake");
            if (c != '\r') line.append((char) c);
        }
        return line.toString();
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
