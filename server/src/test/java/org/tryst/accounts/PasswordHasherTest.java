package org.tryst.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private static final PasswordHasher OWASP = new PasswordHasher(Argon2Settings.owaspMinimum());

    @Test
    void storesArgon2idWithOwaspParametersInPhcFormat() {
        String hash = OWASP.hash("a long passphrase of my own");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(OWASP.verify("a long passphrase of my own", hash)).isTrue();
        assertThat(OWASP.verify("a long passphrase of my owN", hash)).isFalse();
        assertThat(OWASP.hash("a long passphrase of my own")).as("salted").isNotEqualTo(hash);
    }

    @Test
    void longAndUnusualPasswordsRoundTrip() {
        for (String password : new String[] {"x".repeat(64), "p".repeat(1_024), "🔥 naïve café ̀combining", "密码是一个长句子"}) {
            String hash = OWASP.hash(password);
            assertThat(OWASP.verify(password, hash)).as(password).isTrue();
        }
    }

    @Test
    void malformedStoredHashesNeverVerifyAndNeverThrow() {
        String good = OWASP.hash("secret phrase");
        for (String stored : new String[] {null, "", "plain", good.substring(0, good.length() - 5),
                good.replace("argon2id", "argon2i"), good.replace("v=19", "v=16"), good.replace("m=19456", "m=0"),
                "$2b$10$abcdefghijklmnopqrstuv"}) {
            assertThat(OWASP.verify("secret phrase", stored)).as(String.valueOf(stored)).isFalse();
        }
    }

    @Test
    void weakerStoredParametersNeedARehash() {
        String weak = new PasswordHasher(new Argon2Settings(8_192, 1, 1)).hash("secret phrase");
        assertThat(OWASP.needsRehash(weak)).isTrue();
        assertThat(OWASP.verify("secret phrase", weak)).as("old hashes still verify").isTrue();
        assertThat(OWASP.needsRehash(OWASP.hash("secret phrase"))).isFalse();
        assertThat(new PasswordHasher(new Argon2Settings(47_104, 2, 1)).needsRehash(OWASP.hash("x"))).isTrue();
        assertThat(OWASP.needsRehash("not a hash")).isTrue();
    }
}
