package org.tryst.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PEM certificates and PKCS#8 keys made by openssl at test time, as an operator makes them: a
 * self-signed one, or a CA and a certificate it signed, so that no key ever lives in the repository.
 */
public final class Certificates {
    private Certificates() {}

    /** A certificate and its private key, as PEM files. */
    public record Issued(Path certificate, Path key) {}

    /**
     * A self-signed certificate with the common name {@code commonName}, in {@code dir} as
     * {@code NAME.pem} and {@code NAME.key}; with {@code subjectAltName} (e.g. {@code
     * "DNS:localhost,IP:127.0.0.1"}) unless that is empty. openssl marks it a CA, so it can sign others.
     */
    public static Issued selfSigned(Path dir, String name, String commonName, String subjectAltName) {
        List<String> arguments = new ArrayList<>(List.of("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key",
                "-out", name + ".pem", "-days", "2", "-subj", "/CN=" + commonName));
        if (!subjectAltName.isEmpty()) arguments.addAll(List.of("-addext", "subjectAltName=" + subjectAltName));
        openssl(dir, arguments);
        return new Issued(dir.resolve(name + ".pem"), dir.resolve(name + ".key"));
    }

    /** A certificate for {@code commonName} and {@code subjectAltName}, signed by {@code ca}, in {@code dir} as {@code NAME.pem} and {@code NAME.key}. */
    public static Issued signedBy(Issued ca, Path dir, String name, String commonName, String subjectAltName) {
        try {
            Files.writeString(dir.resolve(name + ".ext"), "subjectAltName=" + subjectAltName + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openssl(dir, List.of("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                "-subj", "/CN=" + commonName));
        openssl(dir, List.of("x509", "-req", "-in", name + ".csr", "-CA", ca.certificate().toString(), "-CAkey", ca.key().toString(),
                "-CAcreateserial", "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext"));
        return new Issued(dir.resolve(name + ".pem"), dir.resolve(name + ".key"));
    }

    private static void openssl(Path dir, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(arguments);
        try {
            Process run = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(run.waitFor(30, TimeUnit.SECONDS) && run.exitValue() == 0).as("openssl " + arguments.getFirst()).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
