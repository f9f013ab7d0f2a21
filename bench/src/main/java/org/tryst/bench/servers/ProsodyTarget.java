package org.tryst.bench.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tryst.bench.wire.XmppDialect;
import org.tryst.testkit.FreePorts;
import org.tryst.testkit.Scratch;

/**
 * Prosody from Debian's package, configured by {@code peers/prosody/start.sh} for anonymous logins
 * and multi-user chat over WebSocket. The script execs Prosody, so the process started here is
 * Prosody itself and is stopped by that PID.
 */
public record ProsodyTarget(Path peers) implements Target {
    @Override
    public String name() {
        return "Prosody";
    }

    @Override
    public boolean available() {
        return SocketIoTarget.onPath("prosody") && Files.isRegularFile(peers.resolve("prosody/start.sh"));
    }

    @Override
    public Running start(Path work, String cpus) throws IOException, InterruptedException {
        int c2s = FreePorts.pick();
        int http = FreePorts.pick();
        // In the system's temporary folder, which Prosody's own user can always reach, wherever the work
        // folder is; deleted when the benchmark ends.
        Path data = Scratch.directory("tryst-bench-prosody-");
        Path log = data.resolve("start.log");
        Process process = Launch.start(Launch.pinned(cpus, List.of("sh", peers.resolve("prosody/start.sh").toString(),
                data.toString(), Integer.toString(c2s), Integer.toString(http))), work, Map.of(), log);
        Launch.await(process, log, 30, () -> Launch.accepts(http));
        return new Running(name(), List.of(new StartedProcess(name(), process)), new XmppDialect(http), Running.HeapProbe.NONE, null);
    }
}
