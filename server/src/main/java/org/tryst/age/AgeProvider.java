package org.tryst.age;

import java.net.URI;
import java.util.Map;

/**
 * A service that verifies a person's age away from Tryst and sends them back with the answer: the
 * server sends the person to {@link #authorization}, and judges what comes back with {@link #finish}.
 * {@link OidcProvider} is OpenID Connect's; others (a national eID, a bank's) plug in here.
 */
public interface AgeProvider {
    /** What a verification by this provider is recorded as, e.g. {@code oidc:https://id.example}: never anything of the person. */
    String attestation();

    /** Where to send the person for this check. Throws {@link Unavailable} when the provider cannot be reached. */
    URI authorization(Check check);

    /** The provider's answer (the query of its redirect back) judged for this check. */
    Outcome finish(Check check, Map<String, String> answer);

    /** The one-time values of one check: the state that comes back with the answer, the nonce in the ID token, the PKCE verifier. */
    record Check(String state, String nonce, String verifier) {}

    /** The provider cannot be reached, or answered what no provider should. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** How a check ended. */
    sealed interface Outcome {}

    /** The provider vouches that the person is an adult. */
    record Verified() implements Outcome {}

    /** Not verified: why in a word for the web client, and for the log a detail that holds nothing of the person. */
    record Refused(Refusal refusal, String detail) implements Outcome {}

    /** Why a check did not verify; the wire word goes back to the web client as {@code why}. */
    enum Refusal {
        /** The provider says the person is under age. */
        UNDER_AGE,
        /** The provider's answer does not hold the configured claim, or holds nothing usable in it. */
        NO_CLAIM,
        /** The person cancelled at the provider. */
        CANCELLED,
        /** The provider failed, or could not be reached. */
        PROVIDER,
        /** The ID token failed validation: signature, issuer, audience, expiry or nonce. */
        INVALID_TOKEN,
        /** The check is unknown, was used already, expired, or was started in another browser. */
        EXPIRED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
