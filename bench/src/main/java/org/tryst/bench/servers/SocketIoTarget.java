package org.tryst.bench.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tryst.bench.wire.SocketIoDialect;
import org.tryst.testkit.FreePorts;

/** The Socket.IO chat server in {@code peers/socketio}, on Node.js. */
public record SocketIoTarget(Path peers) implements Target {
    @Override
    public String name() {
        return "Socket.IO";
    }

    @Override
    public boolean available() {
        return Files.isDirectory(peers.resolve("socketio/node_modules/socket.io")) && onPath("node");
    }

    @Override
    public Running start(Path work, String cpus) throws IOException, InterruptedException {
        int port = FreePorts.pick();
        Path log = Files.createDirectories(work).resolve("socketio-" + port + ".log");
        CompletableFuture<String> listening = new CompletableFuture<>();
        Process process = Launch.startAndAwaitLine(
                Launch.pinned(cpus, List.of("node", "server.js", "--port", Integer.toString(port))),
                peers.resolve("socketio"), Map.of(), log, line -> line.startsWith("listening"), listening);
        try {
            listening.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException notReady) {
            process.destroyForcibly();
            throw new IOException("Socket.IO server did not start; see " + log, notReady);
        }
        return new Running(name(), List.of(new StartedProcess(name(), process)), new SocketIoDialect(port), Running.HeapProbe.NONE, null);
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(":")) {
            if (Files.isExecutable(Path.of(directory, program))) return true;
        }
        return false;
    }
}
