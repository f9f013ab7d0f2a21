package org.tryst.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rule for names: one normal form, look-alikes share a skeleton, mixed scripts are refused. */
class NamesTest {
    @Test
    void whitespaceAndCompatibilityFormsAreNormalized() {
        assertThat(Names.normalized("  Sage \t\u00A0 Moon\u3000")).isEqualTo("Sage Moon");
        assertThat(Names.normalized("Zoe\u0308")).isEqualTo("Zo\u00EB");
        assertThat(Names.normalized("\uFF32owan")).isEqualTo("Rowan");
    }

    @Test
    void lookAlikesShareASkeleton() {
        String rowan = Names.skeleton("Rowan");
        assertThat(Names.skeleton("R\u043Ewan")).isEqualTo(rowan);
        assertThat(Names.skeleton("R\u03BFwan")).isEqualTo(rowan);
        assertThat(Names.skeleton("R0WAN")).isEqualTo(rowan);
        assertThat(Names.skeleton("ROWAN")).isEqualTo(rowan);
        assertThat(Names.skeleton("Sage  Moon")).isEqualTo(Names.skeleton("Sage Moon"));
        assertThat(Names.skeleton("\u0130ris")).isEqualTo(Names.skeleton("\u0131ris")).isEqualTo(Names.skeleton("Iris"));
        assertThat(Names.skeleton("rnaple")).isEqualTo(Names.skeleton("maple"));
        assertThat(Names.skeleton("Rowan")).isNotEqualTo(Names.skeleton("Rowen"));
    }

    @Test
    void mixedScriptsAndImitatingLettersAreConfusable() {
        assertThat(Names.confusable("R\u043Ewan")).isTrue();
        assertThat(Names.confusable("R\u03BFwan")).isTrue();
        assertThat(Names.confusable("\u0280owan")).isTrue();
        assertThat(Names.confusable("Rowan1\u0661")).as("digits of two systems").isTrue();
        for (String name : new String[] {"Rowan", "\u041C\u0438\u0448\u0430", "\u3055\u304F\u3089", "Zo\u00EB", "\u0130ris",
                "\u0131ris", "\u092E\u0940\u0930\u093E", "\u674E\u3055\u304F\u3089", "Ann-Marie O'Neil", "Jo_"}) {
            assertThat(Names.confusable(name)).as(name).isFalse();
        }
    }

    @Test
    void aPersonaNameIsStoredNormalizedAndRefusedWhenConfusable() {
        assertThat(new ClientMessage.PersonaCreate("r1", " Sage  Moon ", null, null, null).name()).isEqualTo("Sage Moon");
        assertThat(Fields.personaName("Mary-")).isEqualTo("Mary-");
        assertThat(Fields.personaName("Jo'")).isEqualTo("Jo'");
        assertThatThrownBy(() -> Fields.personaName("R\u043Ewan")).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NAME_CONFUSABLE));
        assertThatThrownBy(() -> Fields.personaName("-Rowan")).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_MESSAGE));
        assertThatThrownBy(() -> Fields.personaName("R")).isInstanceOf(ProtocolException.class);
    }
}
