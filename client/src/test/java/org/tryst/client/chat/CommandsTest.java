package org.tryst.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tryst.protocol.BlockScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tryst.protocol.Answer;
import org.tryst.protocol.Presence;

class CommandsTest {

    @Test
    void plainTextIsSaidWhereYouAre() {
        assertThat(Commands.parse("  hello, all  ")).isEqualTo(new Command.Say("hello, all"));
    }

    @Test
    void blankLinesAskForSomething() {
        assertThat(Commands.parse("   ")).isInstanceOf(Command.Invalid.class);
    }

    @Test
    void commandsWithoutArguments() {
        assertThat(Commands.parse("/help")).isEqualTo(new Command.Help());
        assertThat(Commands.parse("/personas")).isEqualTo(new Command.ListPersonas());
        assertThat(Commands.parse("/channels")).isEqualTo(new Command.ListChannels());
        assertThat(Commands.parse("/leave")).isEqualTo(new Command.Leave());
        assertThat(Commands.parse("/who")).isEqualTo(new Command.Who());
        assertThat(Commands.parse("/invitations")).isEqualTo(new Command.ListInvitations());
        assertThat(Commands.parse("/scenes")).isEqualTo(new Command.ListScenes());
        assertThat(Commands.parse("/quit")).isEqualTo(new Command.Quit());
    }

    @Test
    void blockingCommandsTakeANameAndTheBlockOptionallyItsScope() {
        assertThat(Commands.parse("/block Sage")).isEqualTo(new Command.Block("Sage", BlockScope.PERSONA));
        assertThat(Commands.parse("/block \"Mary Ann\" account")).isEqualTo(new Command.Block("Mary Ann", BlockScope.ACCOUNT));
        assertThat(Commands.parse("/block Sage ACCOUNT")).isEqualTo(new Command.Block("Sage", BlockScope.ACCOUNT));
        assertThat(Commands.parse("/unblock Sage")).isEqualTo(new Command.Unblock("Sage"));
        assertThat(Commands.parse("/mute Sage")).isEqualTo(new Command.Mute("Sage"));
        assertThat(Commands.parse("/unmute Sage")).isEqualTo(new Command.Unmute("Sage"));
        assertThat(Commands.parse("/blocked")).isEqualTo(new Command.ListBlocked());
        assertThat(Commands.parse("/block")).isInstanceOf(Command.Invalid.class);
        assertThat(Commands.parse("/blocked Sage")).isInstanceOf(Command.Invalid.class);
    }

    @Test
    void commandNamesIgnoreCase() {
        assertThat(Commands.parse("/QUIT")).isEqualTo(new Command.Quit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/help me", "/quit now", "/who is here", "/scenes 2"})
    void commandsWithoutArgumentsRefuseThem(String line) {
        assertThat(Commands.parse(line)).isInstanceOf(Command.Invalid.class)
                .extracting(command -> ((Command.Invalid) command).problem()).asString().startsWith("Usage: /");
    }

    @Test
    void personas() {
        assertThat(Commands.parse("/persona new Rowan Ash")).isEqualTo(new Command.NewPersona("Rowan Ash"));
        assertThat(Commands.parse("/persona new \"Mary Ann\"")).isEqualTo(new Command.NewPersona("Mary Ann"));
        assertThat(Commands.parse("/as Sage")).isEqualTo(new Command.Use("Sage"));
        assertThat(Commands.parse("/as \"Mary Ann\"")).isEqualTo(new Command.Use("Mary Ann"));
        assertThat(Commands.parse("/persona Rowan")).isEqualTo(new Command.Invalid("Usage: /persona new NAME"));
        assertThat(Commands.parse("/persona new")).isEqualTo(new Command.Invalid("Usage: /persona new NAME"));
        assertThat(Commands.parse("/as")).isEqualTo(new Command.Invalid("Usage: /as NAME"));
    }

    @ParameterizedTest
    @CsvSource({"/join lobby,lobby", "/join #lobby,lobby", "/join #Night-Owls,night-owls"})
    void joinTakesAChannelWithOrWithoutItsHash(String line, String channel) {
        assertThat(Commands.parse(line)).isEqualTo(new Command.Join(channel));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/join", "/join #", "/join two words"})
    void joinNeedsOneChannel(String line) {
        assertThat(Commands.parse(line)).isEqualTo(new Command.Invalid("Usage: /join CHANNEL"));
    }

    @Test
    void poseNeedsText() {
        assertThat(Commands.parse("/me waves from the doorway")).isEqualTo(new Command.Pose("waves from the doorway"));
        assertThat(Commands.parse("/me")).isEqualTo(new Command.Invalid("Usage: /me TEXT"));
        assertThat(Commands.parse("/roll 2D6 + 1")).isEqualTo(new Command.Roll("2d6+1"));
        assertThat(Commands.parse("/roll")).isEqualTo(new Command.Invalid("Usage: /roll DICE"));
        assertThat(Commands.parse("/roll lots")).isInstanceOfSatisfying(Command.Invalid.class,
                invalid -> assertThat(invalid.problem()).startsWith("Usage: /roll DICE; dice are written like d20, 2d6+1"));
    }

    @Test
    void inviteMayProposeTopicsAndASafewordBeforeTheNote() {
        assertThat(Commands.parse("/invite Sage topics=romance,Pain safeword=Pineapple tea?"))
                .isEqualTo(new Command.Invite("Sage", "tea?", List.of("romance", "pain"), "Pineapple"));
        assertThat(Commands.parse("/invite \"Mary Ann\" safeword=red")).isEqualTo(new Command.Invite("Mary Ann", null, List.of(), "red"));
        assertThat(Commands.parse("/invite Sage topics= tea?")).isEqualTo(new Command.Invalid("Usage: /invite NAME [NOTE]"));
        assertThat(Commands.worthRemembering("/invite Sage topics=romance")).isTrue();
    }

    @Test
    void boundariesShowsSetsAndCompares() {
        assertThat(Commands.parse("/boundaries")).isEqualTo(new Command.ShowBoundaries(null));
        assertThat(Commands.parse("/boundaries \"Mary Ann\"")).isEqualTo(new Command.ShowBoundaries("Mary Ann"));
        assertThat(Commands.parse("/boundaries set Pain NO")).isEqualTo(new Command.SetBoundary("pain", Answer.NO));
        assertThat(Commands.parse("/boundaries set pain clear")).isEqualTo(new Command.SetBoundary("pain", null));
        assertThat(Commands.parse("/boundaries set pain sure")).isInstanceOf(Command.Invalid.class);
        assertThat(Commands.parse("/boundaries set pain")).isInstanceOf(Command.Invalid.class);
        assertThat(Commands.parse("/boundaries notes ask before anything rough")).isEqualTo(new Command.SetBoundaryNotes("ask before anything rough"));
        assertThat(Commands.worthRemembering("/boundaries notes ask before anything rough")).isFalse();
    }

    @Test
    void inviteTakesANameAndAnOptionalNote() {
        assertThat(Commands.parse("/invite Sage")).isEqualTo(new Command.Invite("Sage", null));
        assertThat(Commands.parse("/invite Sage tea at the lighthouse?")).isEqualTo(new Command.Invite("Sage", "tea at the lighthouse?"));
        assertThat(Commands.parse("/invite \"Mary Ann\" tea?")).isEqualTo(new Command.Invite("Mary Ann", "tea?"));
        assertThat(Commands.parse("/invite \"Mary Ann\"")).isEqualTo(new Command.Invite("Mary Ann", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/invite", "/invite \"Mary Ann", "/invite \"\" tea?"})
    void inviteNeedsAName(String line) {
        assertThat(Commands.parse(line)).isEqualTo(new Command.Invalid("Usage: /invite NAME [NOTE]"));
    }

    @Test
    void numberedCommands() {
        assertThat(Commands.parse("/accept 1")).isEqualTo(new Command.Accept(1));
        assertThat(Commands.parse("/decline 12")).isEqualTo(new Command.Decline(12));
        assertThat(Commands.parse("/scene 3")).isEqualTo(new Command.GoToScene(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/accept", "/accept 0", "/accept -1", "/accept one", "/accept 1 2", "/accept 9999999"})
    void numbersCountFromOne(String line) {
        assertThat(Commands.parse(line)).isEqualTo(new Command.Invalid("Usage: /accept N"));
    }

    @Test
    void timerTakesOneOfTheChoices() {
        assertThat(Commands.parse("/timer 5m")).isEqualTo(new Command.SetTimer(Disappearing.FIVE_MINUTES));
        assertThat(Commands.parse("/timer OFF")).isEqualTo(new Command.SetTimer(Disappearing.OFF));
        assertThat(Commands.parse("/timer 7d")).isEqualTo(new Command.SetTimer(Disappearing.ONE_WEEK));
        assertThat(Commands.parse("/timer 2h")).isEqualTo(new Command.Invalid("Usage: /timer off|5m|1h|24h|7d"));
        assertThat(Commands.parse("/timer")).isEqualTo(new Command.Invalid("Usage: /timer off|5m|1h|24h|7d"));
    }

    @Test
    void safetyTakesTheRestAsTheName() {
        assertThat(Commands.parse("/safety Mary Ann")).isEqualTo(new Command.Safety("Mary Ann"));
        assertThat(Commands.parse("/safety")).isEqualTo(new Command.Invalid("Usage: /safety NAME"));
    }

    @Test
    void unknownCommandsPointToHelp() {
        assertThat(Commands.parse("/jion lobby")).isEqualTo(new Command.Invalid("There is no command /jion; /help lists them."));
    }

    @Test
    void helpDescribesEveryCommandOnItsOwnLine() {
        assertThat(Commands.names()).hasSize(41).allSatisfy(name ->
                assertThat(Commands.help()).anySatisfy(line -> assertThat(line).startsWith("  " + name)));
        assertThat(Commands.help()).contains("  /timer off|5m|1h|24h|7d  choose how soon this scene's messages disappear");
    }

    @Test
    void limitsTakeOneLimitAndAValueOrNoneAndExclusionAPeriodThenYes() {
        assertThat(Commands.parse("/limits")).isEqualTo(new Command.ShowLimits());
        assertThat(Commands.parse("/limits budget 90")).isEqualTo(new Command.SetBudget(90));
        assertThat(Commands.parse("/limits Budget NONE")).isEqualTo(new Command.SetBudget(null));
        assertThat(Commands.parse("/limits quiet 23:30-07:00")).isEqualTo(new Command.SetQuiet("23:30", "07:00"));
        assertThat(Commands.parse("/limits quiet none")).isEqualTo(new Command.SetQuiet(null, null));
        assertThat(Commands.parse("/limits breaks 45")).isEqualTo(new Command.SetBreaks(45));
        assertThat(Commands.parse("/limits budget 0")).isInstanceOf(Command.Invalid.class);
        assertThat(Commands.parse("/limits quiet 7:00-23:00")).isInstanceOf(Command.Invalid.class);
        assertThat(Commands.parse("/exclude 6mo")).isEqualTo(new Command.Exclude("6mo", false));
        assertThat(Commands.parse("/exclude 6MO yes")).isEqualTo(new Command.Exclude("6mo", true));
        assertThat(Commands.parse("/exclude 6mo no")).isInstanceOf(Command.Invalid.class);
        assertThat(Commands.parse("/exclude forever yes")).isInstanceOf(Command.Invalid.class);
    }

    @Test
    void reportTakesALineNumberAndAReasonFromTheList() {
        assertThat(Commands.parse("/report 3")).isEqualTo(new Command.Report(3, "other"));
        assertThat(Commands.parse("/report 1 Threat")).isEqualTo(new Command.Report(1, "threat"));
        assertThat(Commands.parse("/report 0")).isInstanceOf(Command.Invalid.class);
        assertThat(Commands.parse("/report 1 because")).isInstanceOf(Command.Invalid.class);
        assertThat(Commands.worthRemembering("/report 1 spam")).isTrue();
    }

    @Test
    void moderateTakesAReportNumberADecisionAndHoursForTimedOnes() {
        assertThat(Commands.parse("/moderate 2 mute 24")).isEqualTo(new Command.Moderate(2, "mute", 24));
        assertThat(Commands.parse("/moderate 1 ban-persona")).isEqualTo(new Command.Moderate(1, "ban-persona", null));
        assertThat(Commands.parse("/moderate 1 mute")).isInstanceOf(Command.Invalid.class);
        assertThat(Commands.parse("/moderate 1 warn 3")).isInstanceOf(Command.Invalid.class);
        assertThat(Commands.parse("/moderate 1 shout")).isInstanceOf(Command.Invalid.class);
    }

    @Test
    void everyCommandNameIsUnderstood() {
        assertThat(Commands.names()).allSatisfy(name ->
                assertThat(Commands.parse(name)).isNotEqualTo(new Command.Invalid("There is no command " + name + "; /help lists them.")));
    }

    @Test
    void onlyCommandsAreRemembered() {
        assertThat(Commands.worthRemembering("/join lobby")).isTrue();
        assertThat(Commands.worthRemembering("/invite Sage")).isTrue();
        assertThat(Commands.worthRemembering("hello there")).isFalse();
        assertThat(Commands.worthRemembering("/me blushes")).isFalse();
        assertThat(Commands.worthRemembering("/invite Sage meet me at nine")).isFalse();
        assertThat(Commands.worthRemembering("/mee blushes")).isFalse();
        assertThat(Commands.worthRemembering("/looking invite 2")).isTrue();
        assertThat(Commands.worthRemembering("/looking invite 2 tea at nine?")).isFalse();
    }

    @Test
    void statusTakesAStatusAndALineOrChangesOnlyTheLine() {
        assertThat(Commands.parse("/status")).isEqualTo(new Command.ShowStatus());
        assertThat(Commands.parse("/status Looking  Up for a mystery ")).isEqualTo(new Command.SetStatus(Presence.LOOKING, "Up for a mystery"));
        assertThat(Commands.parse("/status busy")).isEqualTo(new Command.SetStatus(Presence.BUSY, ""));
        assertThat(Commands.parse("/status dnd")).isEqualTo(new Command.SetStatus(Presence.DND, ""));
        assertThat(Commands.parse("/status line back at nine")).isEqualTo(new Command.SetStatus(null, "back at nine"));
        assertThat(Commands.parse("/status clear")).isEqualTo(new Command.SetStatus(null, ""));
        assertThat(Commands.parse("/status line")).isEqualTo(new Command.Invalid("Usage: /status [STATUS] [LINE]"));
        assertThat(Commands.parse("/status offline")).isEqualTo(
                new Command.Invalid("There is no status offline; choose online, looking, away, busy or dnd."));
        assertThat(Commands.parse("/status online " + "x".repeat(121))).isEqualTo(new Command.Invalid("A status line is at most 120 characters."));
        assertThat(Commands.parse("/status online " + "x".repeat(120))).isEqualTo(new Command.SetStatus(Presence.ONLINE, "x".repeat(120)));
    }

    @Test
    void lookingListsOrInvitesByNumberAndTypingTurnsOnOrOff() {
        assertThat(Commands.parse("/looking")).isEqualTo(new Command.ListLooking());
        assertThat(Commands.parse("/looking invite 2 tea?")).isEqualTo(new Command.LookingInvite(2, "tea?"));
        assertThat(Commands.parse("/looking invite 1")).isEqualTo(new Command.LookingInvite(1, null));
        assertThat(Commands.parse("/looking 1")).isEqualTo(new Command.Invalid("Usage: /looking [invite N]"));
        assertThat(Commands.parse("/typing")).isEqualTo(new Command.ShareTyping(null));
        assertThat(Commands.parse("/typing OFF")).isEqualTo(new Command.ShareTyping(false));
        assertThat(Commands.parse("/typing on")).isEqualTo(new Command.ShareTyping(true));
        assertThat(Commands.parse("/typing maybe")).isEqualTo(new Command.Invalid("Usage: /typing [on|off]"));
    }
}
