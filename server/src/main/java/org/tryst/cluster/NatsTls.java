package org.tryst.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.tryst.config.ConfigException;

/**
 * The TLS of the connection to NATS: it trusts the operator's CA file (or the JDK's CAs when there
 * is none), and checks that the server's certificate names the host connected to, which the NATS
 * client leaves to the context it is given. The client connects to a host's addresses, so the name
 * checked is the configured host that resolves to the address, sent as the TLS server name.
 */
final class NatsTls {
    private NatsTls() {}

    /**
     * A context trusting {@code caFile} (PEM, one or more certificates), or the JDK's CAs when it is
     * null, for connections to these configured hosts (names or addresses).
     */
    static SSLContext context(Path caFile, List<String> hosts) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(caFile == null ? null : authorities(caFile));
            SSLContext real = SSLContext.getInstance("TLS");
            real.init(null, trust.getTrustManagers(), null);
            return new Checked(real, List.copyOf(hosts));
        } catch (GeneralSecurityException e) {
            throw new ConfigException("cluster.nats_tls_ca: " + caFile + " holds no usable CA certificate: " + e.getMessage(), e);
        }
    }

    private static KeyStore authorities(Path caFile) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca" + n++, certificate);
            }
            if (n == 0) throw new GeneralSecurityException("no certificate in the file");
            return store;
        } catch (IOException e) {
            throw new ConfigException("cluster.nats_tls_ca: cannot read " + caFile
                    + (e instanceof java.nio.file.NoSuchFileException ? ": no such file" : ": " + e.getMessage()), e);
        }
    }

    /** A context whose client sockets check the server's name, as HTTPS does. */
    private static final class Checked extends SSLContext {
        Checked(SSLContext real, List<String> hosts) {
            super(new Spi(real, hosts), real.getProvider(), real.getProtocol());
        }
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext real;

        private final List<String> hosts;

        Spi(SSLContext real, List<String> hosts) {
            this.real = real;
            this.hosts = hosts;
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) throws KeyManagementException {
            throw new KeyManagementException("already initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new NameChecking(real.getSocketFactory(), hosts);
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return checked(real.createSSLEngine());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return checked(real.createSSLEngine(host, port));
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real.getClientSessionContext();
        }

        private static SSLEngine checked(SSLEngine engine) {
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
            return engine;
        }
    }

    private static final class NameChecking extends SSLSocketFactory {
        /** A host written as an IPv4 or IPv6 address, which is checked as the address it is. */
        private static final Pattern ADDRESS = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*]?");
        private final SSLSocketFactory real;
        private final List<String> hosts;

        NameChecking(SSLSocketFactory real, List<String> hosts) {
            this.real = real;
            this.hosts = hosts;
        }

        private Socket checked(Socket socket) {
            SSLSocket tls = (SSLSocket) socket;
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            String name = nameOf(tls.getInetAddress());
            if (name != null) parameters.setServerNames(List.of(new SNIHostName(name)));
            tls.setSSLParameters(parameters);
            return tls;
        }

        /** The configured host name that resolves to the address connected to; null when it was given as an address. */
        private String nameOf(InetAddress address) {
            if (address == null) return null;
            for (String host : hosts) {
                if (ADDRESS.matcher(host).matches()) continue;
                try {
                    for (InetAddress resolved : InetAddress.getAllByName(host)) {
                        if (resolved.equals(address)) return host;
                    }
                } catch (UnknownHostException e) {
                    // Not this one; the client connected through another configured host.
                }
            }
            return null;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return real.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return real.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return checked(real.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return checked(real.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return checked(real.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return checked(real.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return checked(real.createSocket(address, port, localAddress, localPort));
        }
    }
}
