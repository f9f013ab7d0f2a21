package org.tryst.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandTest {
    @Test
    void theShortcutsPlayersKnowParseToTheirCommands() {
        assertThat(Command.parse("\"Hello there")).isEqualTo(new Command.Say("Hello there"));
        assertThat(Command.parse("say  Hello ")).isEqualTo(new Command.Say("Hello"));
        assertThat(Command.parse(":waves")).isEqualTo(new Command.Pose("waves", false));
        assertThat(Command.parse(";'s eyes narrow")).isEqualTo(new Command.Pose("'s eyes narrow", true));
        assertThat(Command.parse("\\\\The rain starts.")).isEqualTo(new Command.Emit("The rain starts."));
        assertThat(Command.parse("emit The rain starts.")).isEqualTo(new Command.Emit("The rain starts."));
        assertThat(Command.parse("whisper Ada Lovelace = by the pond")).isEqualTo(new Command.Whisper("Ada Lovelace", "by the pond"));
        assertThat(Command.parse("p Bo=where are you? a=b")).isEqualTo(new Command.Page("Bo", "where are you? a=b"));
        assertThat(Command.parse("L")).isEqualTo(new Command.Look(null));
        assertThat(Command.parse("look stone fountain")).isEqualTo(new Command.Look("stone fountain"));
        assertThat(Command.parse("go north")).isEqualTo(new Command.Go("north"));
        assertThat(Command.parse("ne")).isEqualTo(new Command.Unknown("ne"));
        assertThat(((Command.Unknown) Command.parse("ne")).word()).contains("ne");
        assertThat(((Command.Unknown) Command.parse("dance wildly")).word()).isEmpty();
        assertThat(Command.parse("i")).isEqualTo(new Command.Inventory());
        assertThat(Command.parse("where")).isEqualTo(new Command.Who(true));
        assertThat(Command.parse("@dig Attic=up;u,down;d")).isEqualTo(new Command.Dig("Attic", "up;u", "down;d"));
        assertThat(Command.parse("@open ladder=attic-k3f9")).isEqualTo(new Command.Open("ladder", "attic-k3f9", null));
        assertThat(Command.parse("@create lamp=fixed")).isEqualTo(new Command.Create("lamp", true));
        assertThat(Command.parse("@unlock here")).isEqualTo(new Command.SetLock("here", null));
        assertThat(Command.parse("@rating here=ADULT")).isEqualTo(new Command.Rate("here", Rating.ADULT));
        assertThat(Command.parse("@adult on")).isEqualTo(new Command.Adult(true));
        assertThat(Command.parse("help Whisper")).isEqualTo(new Command.Help("whisper"));
    }

    @Test
    void recognitionsCommandsReadAsEvenniasDo() {
        assertThat(Command.parse("sdesc  a tall woman in a green coat ")).isEqualTo(new Command.Sdesc("a tall woman in a green coat"));
        assertThat(Command.parse("sdesc")).isEqualTo(new Command.Sdesc(null));
        assertThat(Command.parse("recog green coat as Moss")).isEqualTo(new Command.Recog("green coat", "Moss"));
        assertThat(Command.parse("recog the man dressed as a bear AS Bruin")).as("the last \"as\" divides")
                .isEqualTo(new Command.Recog("the man dressed as a bear", "Bruin"));
        assertThat(Command.parse("recognise lantern=Lamp Man")).isEqualTo(new Command.Recog("lantern", "Lamp Man"));
        assertThat(Command.parse("recog")).isEqualTo(new Command.Recog(null, null));
        assertThat(Command.parse("forget Moss")).isEqualTo(new Command.Forget("Moss"));
        assertThat(Command.parse("introduce")).isEqualTo(new Command.Introduce(null));
        assertThat(Command.parse("intro green coat")).isEqualTo(new Command.Introduce("green coat"));
        for (String bad : new String[] {"recog green coat", "recog as Moss", "recog green coat as ", "recog =Moss", "forget"}) {
            assertThatThrownBy(() -> Command.parse(bad)).as(bad).isInstanceOf(Command.Malformed.class);
        }
        assertThat(Command.speaks("introduce")).as("an introduction puts a line in the room").isTrue();
        assertThat(Command.speaks("recog green coat as Moss")).isFalse();
    }

    @Test
    void aCommandMissingItsPartsSaysHowItIsWritten() {
        for (String bad : new String[] {"  ", "\"", ":", "say", "whisper Bo", "page =hi", "give lamp", "@rating here=loud",
                "@adult maybe", "@create lamp=glowing", "@describe me"}) {
            assertThatThrownBy(() -> Command.parse(bad)).as(bad).isInstanceOf(Command.Malformed.class);
        }
    }

    @Test
    void onlyWordsForOthersCountAsSpeech() {
        assertThat(Command.speaks("\"hi")).isTrue();
        assertThat(Command.speaks("page Bo=hi")).isTrue();
        assertThat(Command.speaks("look")).isFalse();
        assertThat(Command.speaks("north")).isFalse();
        assertThat(Command.speaks("say")).as("malformed is no speech: it is refused later").isFalse();
    }
}
