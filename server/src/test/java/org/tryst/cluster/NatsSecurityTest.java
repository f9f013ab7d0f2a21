package org.tryst.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tryst.config.Config;
import org.tryst.metrics.Metrics;
import org.tryst.testkit.Certificates;
import org.tryst.testkit.NatsServer;

/**
 * The bus through a NATS that asks who connects (user and password, a token) and one that speaks
 * only TLS: processes with the right secret hear each other, one with a wrong secret or a
 * certificate that does not name the host starts unready and hears nothing, and none of them fails.
 */
class NatsSecurityTest {
    private static final Event NEWS = new Event.Changed("blocks", "a1");

    @TempDir
    Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private int nodes;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closing : opened.reversed()) closing.close();
    }

    /** A process's bus, with what it receives. */
    private record Process(Bus bus, List<Event> heard) {}

    private Process process(String url, String credentials, String ca) throws InterruptedException {
        List<Event> heard = new CopyOnWriteArrayList<>();
        Receiver receiver = new Receiver() {
            @Override public void receive(Event event) {
                if (!(event instanceof Event.NodeAlive || event instanceof Event.NodeJoined)) heard.add(event);
            }

            @Override public void resumed() {}
        };
        Bus bus = Buses.open(new Config.Cluster(url, "node-" + ++nodes, "tryst", credentials, ca), receiver, new Metrics(),
                Clock.systemUTC());
        opened.add(bus::close);
        return new Process(bus, heard);
    }

    private NatsServer nats(String... options) {
        NatsServer nats = NatsServer.start(options);
        opened.add(nats);
        return nats;
    }

    /** The first two hear each other; the third is not let in, and hears nothing. */
    private static void onlyTheFirstTwoMeet(Process first, Process second, Process refused) {
        await().atMost(Duration.ofSeconds(10)).until(() -> first.bus().connected() && second.bus().connected());
        first.bus().publish(NEWS);
        await().atMost(Duration.ofSeconds(5)).until(() -> second.heard().contains(NEWS));
        assertThat(refused.bus().connected()).isFalse();
        assertThat(refused.heard()).doesNotContain(NEWS);
    }

    @Test
    void aUserAndPasswordInTheUrlLetAProcessInAndAWrongPasswordDoesNot() throws Exception {
        NatsServer nats = nats("--user", "tryst", "--pass", "s3cret-pass");
        String url = "nats://tryst:%s@127.0.0.1:" + nats.port();
        onlyTheFirstTwoMeet(process(url.formatted("s3cret-pass"), "", ""), process(url.formatted("s3cret-pass"), "", ""),
                process(url.formatted("wrong"), "", ""));
    }

    @Test
    void aProcessNatsRefusedJoinsOnceNatsAcceptsItWithoutARestart() throws Exception {
        NatsServer guarded = nats("--user", "tryst", "--pass", "s3cret-pass");
        Process refused = process("nats://tryst:old-pass@127.0.0.1:" + guarded.port(), "", "");
        assertThat(refused.bus().connected()).isFalse();
        // NATS refuses the same credentials twice, and the client gives the connection up; the bus tries anew.
        Thread.sleep(3_000);
        guarded.stop();
        NatsServer open = NatsServer.startOn(guarded.port());
        opened.add(open);
        Process other = process(open.url(), "", "");
        await().atMost(Duration.ofSeconds(20)).until(() -> refused.bus().connected());
        await().atMost(Duration.ofSeconds(5)).until(() -> other.bus().connected());
        other.bus().publish(NEWS);
        await().atMost(Duration.ofSeconds(5)).until(() -> refused.heard().contains(NEWS));
    }

    @Test
    void aTokenInTheUrlLetsAProcessInAndAMissingOneDoesNot() throws Exception {
        NatsServer nats = nats("--auth", "t0ken-for-tryst");
        String url = "nats://%s127.0.0.1:" + nats.port();
        onlyTheFirstTwoMeet(process(url.formatted("t0ken-for-tryst@"), "", ""), process(url.formatted("t0ken-for-tryst@"), "", ""),
                process(url.formatted(""), "", ""));
    }

    @Test
    void overTlsTheServersCertificateMustComeFromTheOperatorsCaAndNameTheHost() throws Exception {
        Path ca = certificates();
        NatsServer nats = nats("--tls", "--tlscert", dir.resolve("server.pem").toString(), "--tlskey", dir.resolve("server.key").toString());
        String byName = "tls://localhost:" + nats.port();
        onlyTheFirstTwoMeet(process(byName, "", ca.toString()), process(byName, "", ca.toString()),
                process("tls://127.0.0.1:" + nats.port(), "", ca.toString()));
        assertThat(process(byName, "", "").bus().connected()).as("the JDK's own CAs do not know the operator's").isFalse();
    }

    /** A CA, and a certificate it signed for the name {@code localhost} alone; returns the CA's file. */
    private Path certificates() {
        Certificates.Issued ca = Certificates.selfSigned(dir, "ca", "Test CA", "");
        Certificates.signedBy(ca, dir, "server", "localhost", "DNS:localhost");
        return ca.certificate();
    }
}
