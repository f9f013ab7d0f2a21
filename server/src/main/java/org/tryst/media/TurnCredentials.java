package org.tryst.media;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tryst.config.Config;
import org.tryst.protocol.Views;

/**
 * Short-lived TURN credentials in coturn's shared-secret scheme ({@code use-auth-secret}): the user
 * name is the expiry as Unix seconds and an opaque name for the account, the password the HMAC-SHA1
 * of the user name under the secret, so coturn checks both without asking us. The account's name in
 * it is itself an HMAC of the account id, stable (coturn's per-user quotas hold) but meaningless to
 * whoever reads coturn's logs.
 */
public final class TurnCredentials {
    /** Credentials for one account until {@code expiresAt} (milliseconds). */
    public record Minted(List<Views.IceServer> servers, long expiresAt) {}

    private final Config.Media config;
    private final Clock clock;

    public TurnCredentials(Config.Media config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Whether there is a TURN server to mint for. */
    public boolean configured() {
        return config.turn();
    }

    /** Credentials for the account's calls, valid for the configured lifetime from now. */
    public Minted mint(String accountId) {
        long expiresAt = clock.millis() + config.turnTtlSeconds() * 1000L;
        String username = expiresAt / 1000 + ":" + HexFormat.of().formatHex(hmac("HmacSHA256", accountId), 0, 12);
        String password = Base64.getEncoder().encodeToString(hmac("HmacSHA1", username));
        return new Minted(List.of(new Views.IceServer(config.turnUrls(), username, password)), expiresAt);
    }

    private byte[] hmac(String algorithm, String text) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(config.turnSecret().getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }
}
