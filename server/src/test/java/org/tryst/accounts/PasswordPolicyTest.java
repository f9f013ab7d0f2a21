package org.tryst.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tryst.accounts.PasswordPolicy.Verdict;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy(8, 1_024, 30_000);

    @Test
    void lengthIsTheOnlyRuleBesidesCommonPasswords() {
        assertThat(policy.check("rowan", "seven77")).isEqualTo(Verdict.TOO_SHORT);
        assertThat(policy.check("rowan", "x".repeat(1_025))).isEqualTo(Verdict.TOO_LONG);
        assertThat(policy.check("rowan", "kq7#vZp2")).isEqualTo(Verdict.OK);
        assertThat(policy.check("rowan", "all lower case words only")).isEqualTo(Verdict.OK);
        assertThat(policy.check("rowan", "🔥🔥🔥🔥🔥🔥🔥🔥")).as("counted in characters, not bytes").isEqualTo(Verdict.OK);
    }

    @Test
    void commonPasswordsAndTheUsernameAreRefusedInAnyCase() {
        for (String common : new String[] {"password", "Password", "12345678", "qwerty123", "PASSWORD123", "iloveyou"}) {
            assertThat(policy.check("rowan", common)).as(common).isEqualTo(Verdict.COMMON);
        }
        assertThat(policy.check("rowan-the-bold", "Rowan-The-Bold")).isEqualTo(Verdict.COMMON);
    }

    @Test
    void howManyCommonPasswordsAreRefusedIsConfigurable() {
        assertThat(new PasswordPolicy(8, 1_024, 10).check("rowan", "qwerty123")).isEqualTo(Verdict.OK);
        assertThat(new PasswordPolicy(8, 1_024, 10).check("rowan", "password")).isEqualTo(Verdict.COMMON);
    }
}
