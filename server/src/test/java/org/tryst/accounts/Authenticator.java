package org.tryst.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.HttpApi;
import org.tryst.protocol.ServerMessage;
import org.tryst.testkit.Wire;

/** The person's side of TOTP in tests: an app computing codes from the secret by RFC 6238 itself, and setting one up. */
public final class Authenticator {
    private Authenticator() {}

    /** An account with TOTP on, its secret, and its recovery codes. */
    public record Protected(String username, String secret, List<String> recoveryCodes) {}

    /** The six-digit code of the secret at the clock's time. */
    public static String code(String base32Secret, Clock clock) {
        try {
            long step = Math.floorDiv(clock.millis() / 1000, 30);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets up an app for a newly registered account and confirms it with a first code, at the server's clock. */
    public static Protected protect(TestServer server, Clock clock, HttpApi.LoggedIn registered) {
        Wire wire = server.connect(new TestServer.User(registered.username(), TestServer.PASSWORD, registered.token(), registered.session()));
        String id = wire.nextId();
        wire.send(new ClientMessage.TotpBegin(id, TestServer.PASSWORD, null));
        String secret = wire.expect(ServerMessage.TotpSetup.class, reply -> id.equals(reply.id())).secret();
        String confirm = wire.nextId();
        wire.send(new ClientMessage.TotpConfirm(confirm, code(secret, clock)));
        assertThat(wire.expect(ServerMessage.Security.class, reply -> confirm.equals(reply.id())).totp()).isTrue();
        wire.close();
        return new Protected(registered.username(), secret, registered.recoveryCodes());
    }
}
