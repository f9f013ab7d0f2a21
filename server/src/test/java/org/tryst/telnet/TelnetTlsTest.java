package org.tryst.telnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tryst.Server;
import org.tryst.TestServer;
import org.tryst.config.ConfigException;
import org.tryst.config.ConfigLoader;
import org.tryst.testkit.Certificates;
import org.tryst.testkit.Scratch;

/**
 * Telnet over TLS with an operator's self-signed certificate: a MUD client that trusts it logs in
 * and plays beside a plain telnet player, a client that speaks plain telnet to the TLS port is
 * closed, and a certificate or key the server cannot read stops start-up before anything opens.
 */
class TelnetTlsTest {
    private static final Path KEYS = Scratch.directory("tryst-telnet-tls");
    private static final Certificates.Issued CERTIFICATE = Certificates.selfSigned(KEYS, "telnet", "localhost",
            "DNS:localhost,IP:127.0.0.1");

    @RegisterExtension
    static final TestServer server = TestServer.sqlite()
            .with("TRYST_TELNET_TLS_PORT", "0")
            .with("TRYST_TELNET_TLS_CERT", CERTIFICATE.certificate().toString())
            .with("TRYST_TELNET_TLS_KEY", CERTIFICATE.key().toString());

    @TempDir
    Path dir;

    @AfterAll
    static void deleteKeys() {
        Scratch.delete(KEYS);
    }

    /** A TLS connection to the TLS port that trusts only the test's certificate and checks that it names the host. */
    private static Socket tls() throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(CERTIFICATE.certificate())) {
            trusted.setCertificateEntry("telnet", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        Socket tcp = new Socket("127.0.0.1", server.telnetTlsPort());
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(tcp, "localhost", server.telnetTlsPort(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    @Test
    void aPlayerOverTlsLooksAroundAndTalksWithAPlainTelnetPlayer() throws Exception {
        try (TelnetClient secure = TelnetClient.over(tls(), TelnetClient.Options.mudlet().compressed());
             TelnetClient plain = TelnetClient.connect(server.telnetPort(), TelnetClient.Options.plain())) {
            String secureName = Players.playAsNew(secure, server.register("tls"), "Tia");
            String plainName = Players.playAsNew(plain, server.register("pln"), "Pim");
            secure.expect(plainName + " ");
            assertThat(secure.isCompressing()).as("MCCP2 runs inside TLS").isTrue();
            secure.send("look");
            assertThat(secure.expect("Exits:")).contains("The Courtyard").contains(plainName);
            assertThat(secure.gmcpOf("Room.Info")).contains("The Courtyard");
            secure.send("say Hello from behind the lock");
            secure.expect("You say, \"Hello from behind the lock\"");
            plain.expect(secureName + " says, \"Hello from behind the lock\"");
            plain.send("say Heard you");
            secure.expect(plainName + " says, \"Heard you\"");
        }
    }

    @Test
    void plainTelnetSpokenToTheTlsPortIsClosedWithoutAPrompt() {
        try (TelnetClient confused = TelnetClient.connect(server.telnetTlsPort(), TelnetClient.Options.plain())) {
            confused.send("hello");
            assertThat(confused.closedByServer()).as("closed, not left hanging").isTrue();
            assertThat(confused.all()).doesNotContain("Username");
        }
    }

    /** A configuration for a server on this test's own data directory, with a certificate and key of the test's choosing. */
    private Map<String, String> environment(String certificate, String key) {
        Map<String, String> environment = new HashMap<>();
        environment.put("TRYST_HTTP_PORT", "0");
        environment.put("TRYST_TELNET_PORT", "0");
        environment.put("TRYST_TELNET_TLS_PORT", "0");
        environment.put("TRYST_METRICS_LISTEN", "127.0.0.1:0");
        environment.put("TRYST_HTTP_DATA", dir.resolve("data").toString());
        environment.put("TRYST_TELNET_TLS_CERT", certificate);
        environment.put("TRYST_TELNET_TLS_KEY", key);
        return environment;
    }

    @Test
    void aCertificateThatIsNotThereStopsStartUpNamingTheOptionAndOpensNothing() {
        String missing = dir.resolve("nowhere.pem").toString();
        assertThatThrownBy(() -> Server.start(ConfigLoader.load(null, environment(missing, CERTIFICATE.key().toString()))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("telnet.tls_cert").hasMessageContaining(missing);
        assertThatThrownBy(() -> Server.start(ConfigLoader.load(null, environment(CERTIFICATE.certificate().toString(), missing))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("telnet.tls_key").hasMessageContaining(missing);
        assertThat(dir.resolve("data")).as("no database was opened").doesNotExist();
    }

    @Test
    void aKeyGivenAsTheCertificateStopsStartUpSayingWhatTheFilesMustBe() {
        String key = CERTIFICATE.key().toString();
        assertThatThrownBy(() -> Server.start(ConfigLoader.load(null, environment(key, key))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("telnet.tls_cert and telnet.tls_key")
                .hasMessageContaining("PEM").hasMessageContaining(key);
        assertThat(dir.resolve("data")).as("no database was opened").doesNotExist();
    }
}
