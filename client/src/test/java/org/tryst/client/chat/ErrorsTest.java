package org.tryst.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.tryst.client.RequestFailed;
import org.tryst.client.mls.MlsException;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ProtocolException;

class ErrorsTest {

    @Test
    void theServersPlainWordsBecomeASentence() {
        assertThat(Errors.explain(new RequestFailed("not_member", "not a member of that channel"))).isEqualTo("Not a member of that channel.");
        assertThat(Errors.explain(new RequestFailed("not_found", "no persona of that name"))).isEqualTo("No persona of that name.");
    }

    @Test
    void technicalCodesAreExplained() {
        assertThat(Errors.explain(new RequestFailed("invalid_credentials", "wrong username or password"))).isEqualTo("Wrong username or password.");
        assertThat(Errors.explain(new RequestFailed("no_key_packages", "that persona has no KeyPackages; it must come online first")))
                .isEqualTo("That persona cannot be added until one of its devices comes online.");
        assertThat(Errors.explain(new RequestFailed("closed", "null"))).isEqualTo("The connection to the server is closed; start the chat again.");
    }

    @Test
    void aRefusalsCodeIsReadAndAnyOtherFailureHasNone() {
        var refused = new RequestFailed("rate_limited", "too many messages; slow down");
        assertThat(Errors.explain(refused)).isEqualTo("Too much at once; wait a moment and try again.");
        assertThat(Errors.code(refused)).isEqualTo("rate_limited");
        assertThat(Errors.code(new IllegalStateException("x"))).isEmpty();
        // A refused handshake still arrives wrapped from the connection's own join.
        assertThat(Errors.explain(new CompletionException(new RequestFailed("session_invalid", "session expired"))))
                .isEqualTo("Your session has ended; start the chat again to log in.");
    }

    @Test
    void inputRefusedBeforeSendingSaysWhy() {
        ProtocolException invalid = org.assertj.core.api.Assertions.catchThrowableOfType(ProtocolException.class,
                () -> new ClientMessage.PersonaCreate("r1", "1", null, null, null));
        assertThat(Errors.explain(invalid)).isEqualTo("Name must be 2 to 32 letters, digits, spaces or ' _ . -, starting with a letter.");
    }

    @Test
    void encryptionAndNetworkFailures() {
        assertThat(Errors.explain(new MlsException("that persona is not in the scene", null)))
                .isEqualTo("This device cannot do that in the scene: that persona is not in the scene.");
        assertThat(Errors.explain(new UncheckedIOException(new ConnectException("Connection refused"))))
                .isEqualTo("Cannot reach the server (Connection refused): is it running, and is --server right?");
        assertThat(Errors.explain(new UncheckedIOException(new ConnectException()))).startsWith("Cannot reach the server (ConnectException)");
        assertThat(Errors.explain(new CompletionException(new java.io.IOException("Output closed"))))
                .isEqualTo("The connection to the server is lost (Output closed); start the chat again.");
    }
}
