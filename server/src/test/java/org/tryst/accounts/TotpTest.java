package org.tryst.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** The one-time codes against RFC 6238's own test values (Appendix B, SHA-1, the last six of its eight digits). */
class TotpTest {
    private static final String SECRET = new Base32().encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private final Totp totp = new Totp();

    @Test
    void codesAreThoseOfTheRfc() {
        assertThat(totp.generate(SECRET, 59 / 30)).isEqualTo("287082");
        assertThat(totp.generate(SECRET, 1111111109L / 30)).isEqualTo("081804");
        assertThat(totp.generate(SECRET, 1234567890L / 30)).isEqualTo("005924");
        assertThat(totp.generate(SECRET, 2000000000L / 30)).isEqualTo("279037");
    }

    @Test
    void aCodeIsRightForItsStepAndOneEitherSideOnly() {
        long at = 1234567890_000L;
        assertThat(totp.stepOf(SECRET, "005924", at)).hasValue(1234567890L / 30);
        assertThat(totp.stepOf(SECRET, "005924", at + 30_000)).hasValue(1234567890L / 30);
        assertThat(totp.stepOf(SECRET, "005924", at - 30_000)).hasValue(1234567890L / 30);
        assertThat(totp.stepOf(SECRET, "005924", at + 60_000)).isEmpty();
        assertThat(totp.stepOf(SECRET, "5924", at)).isEmpty();
        assertThat(totp.stepOf(SECRET, "00592a", at)).isEmpty();
        assertThat(totp.stepOf(SECRET, null, at)).isEmpty();
    }
}
