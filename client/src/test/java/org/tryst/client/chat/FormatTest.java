package org.tryst.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tryst.client.SceneEvent;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

class FormatTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final long FIVE_PAST_TWO = ZonedDateTime.of(2026, 1, 15, 14, 5, 30, 0, PARIS).toInstant().toEpochMilli();
    private static final Views.Author ROWAN = new Views.Author("p-rowan", "Rowan");
    private static final Views.Author SAGE = new Views.Author("p-sage", "Sage");
    private static final Views.Author ASH = new Views.Author("p-ash", "Ash");
    private static final Set<String> MINE = Set.of(ROWAN.id());

    @Test
    void messagesShowTimeNameAndText() {
        assertThat(Format.message(FIVE_PAST_TWO, "Rowan", MessageKind.SAY, "hello", PARIS)).isEqualTo("14:05 Rowan: hello");
        assertThat(Format.message(FIVE_PAST_TWO, "Rowan", MessageKind.SAY, "hello", ZoneId.of("UTC"))).isEqualTo("13:05 Rowan: hello");
    }

    @Test
    void moderatorsNoticesStandOutAndSayWhenInThePersonsZone() {
        long later = FIVE_PAST_TWO + 2 * 3_600_000;
        assertThat(Format.notice(new ServerMessage.Notice("warning", "keep it civil", null, FIVE_PAST_TWO), PARIS))
                .isEqualTo("!! A moderator warned this account (Thu 15 Jan 2026, 14:05): keep it civil");
        assertThat(Format.notice(new ServerMessage.Notice("warning", "", null, FIVE_PAST_TWO), PARIS))
                .isEqualTo("!! A moderator warned this account (Thu 15 Jan 2026, 14:05).");
        assertThat(Format.notice(new ServerMessage.Notice("suspended", "cool down", later, FIVE_PAST_TWO), PARIS))
                .isEqualTo("!! A moderator suspended this account until Thu 15 Jan 2026, 16:05: cool down");
        assertThat(Format.notice(new ServerMessage.Notice("banned", "", null, FIVE_PAST_TWO), PARIS))
                .isEqualTo("!! A moderator banned this account from this server.");
        assertThat(Format.notice(new ServerMessage.Notice("muted", "A moderator muted this account.", later, FIVE_PAST_TWO), PARIS))
                .isEqualTo("!! A moderator muted this account. Until Thu 15 Jan 2026, 16:05.");
    }

    @Test
    void posesShowTheNameBeforeTheAction() {
        assertThat(Format.message(FIVE_PAST_TWO, "Rowan", MessageKind.POSE, "waves from the doorway", PARIS))
                .isEqualTo("14:05 * Rowan waves from the doorway");
    }

    @Test
    void theServersRollsStartWithADieThatNoPoseCanPutBeforeAName() {
        assertThat(Format.message(FIVE_PAST_TWO, "Rowan", MessageKind.ROLL, "2d6+1: (4+3) + 1 = 8", PARIS))
                .isEqualTo("14:05 \uD83C\uDFB2 Rowan rolls 2d6+1: (4+3) + 1 = 8");
    }

    @Test
    void channelAndSceneMessagesLookAlike() {
        var channel = new Views.Message("m1", "lobby", MessageKind.POSE, SAGE, "smiles", FIVE_PAST_TWO);
        var scene = new SceneEvent.Said("s1", "m2", SAGE, "pose", "smiles", FIVE_PAST_TWO, null);
        assertThat(Format.message(channel, PARIS)).isEqualTo(Format.message(scene, PARIS)).isEqualTo("14:05 * Sage smiles");
        assertThat(Format.message(new SceneEvent.Said("s1", "m3", SAGE, "say", "hi", FIVE_PAST_TWO, null), PARIS)).isEqualTo("14:05 Sage: hi");
    }

    @Test
    void linesFromElsewhereSayWhere() {
        assertThat(Format.from("#lobby", "14:05 Sage: hi")).isEqualTo("[#lobby] 14:05 Sage: hi");
    }

    @Test
    void promptsShowWhoSpeaksAndWhere() {
        assertThat(Format.prompt(null, "")).isEqualTo("tryst> ");
        assertThat(Format.prompt("Rowan", "")).isEqualTo("Rowan> ");
        assertThat(Format.prompt("Rowan", "#lobby")).isEqualTo("Rowan in #lobby> ");
        assertThat(Format.prompt("Rowan", Presence.ONLINE, "#lobby")).isEqualTo("Rowan in #lobby> ");
        assertThat(Format.prompt("Rowan", Presence.DND, "")).isEqualTo("Rowan [dnd]> ");
        assertThat(Format.prompt("Rowan", Presence.LOOKING, "#lobby")).isEqualTo("Rowan [looking] in #lobby> ");
    }

    @Test
    void scenesAreNamedAfterTheOthers() {
        assertThat(Format.sceneName(scene(List.of(ROWAN)), MINE)).isEqualTo("scene with nobody yet");
        assertThat(Format.sceneName(scene(List.of(ROWAN, SAGE)), MINE)).isEqualTo("scene with Sage");
        assertThat(Format.sceneName(scene(List.of(ROWAN, SAGE, ASH)), MINE)).isEqualTo("scene with Sage and Ash");
        assertThat(Format.sceneName(scene(List.of(ROWAN, SAGE, ASH, new Views.Author("p-lee", "Lee"))), MINE))
                .isEqualTo("scene with Sage, Ash and Lee");
    }

    @Test
    void sceneListShowsTheTimerAndWhatWaitsForAgreement() {
        var scene = new Views.Scene("s1", List.of(ROWAN, SAGE), 1, 86_400,
                List.of(new Views.TimerChoice(SAGE.id(), 0), new Views.TimerChoice(ROWAN.id(), 604_800)), "key", 0, null, null);
        assertThat(Format.scene(2, scene, MINE, true))
                .isEqualTo("  2. scene with Sage: messages disappear after 24h; Sage asks for off; you ask for 7d  (you are here)");
        assertThat(Format.scene(1, scene(List.of(ROWAN, SAGE)), MINE, false)).isEqualTo("  1. scene with Sage: messages disappear after 5m");
    }

    @Test
    void timerChanges() {
        var before = scene(List.of(ROWAN, SAGE));
        var shorter = new Views.Scene("s1", before.members(), 1, 0, List.of(), "key", 0, null, null);
        assertThat(Format.changes(before, shorter, "timer", MINE)).containsExactly("From now on messages do not disappear.");
        var asked = new Views.Scene("s1", before.members(), 1, 300, List.of(new Views.TimerChoice(SAGE.id(), 3_600)), "key", 0, null, null);
        assertThat(Format.changes(before, asked, "timer", MINE)).containsExactly("Sage asks for 1h; it applies once everyone chooses it.");
    }

    @Test
    void memberChangesNameWhoCameAndWent() {
        var before = scene(List.of(ROWAN, SAGE));
        var after = scene(List.of(ROWAN, ASH));
        assertThat(Format.changes(before, after, "members", MINE)).containsExactly("Ash joined the scene.", "Sage left the scene.");
        assertThat(Format.changes(null, after, "members", MINE)).isEmpty();
        assertThat(Format.changes(scene(List.of(SAGE)), scene(List.of(SAGE, ROWAN)), "members", MINE)).isEmpty();
    }

    @Test
    void invitations() {
        var invitation = new Views.Invitation("i1", "s1", SAGE, ROWAN, "tea at the lighthouse?", "pending", 0);
        assertThat(Format.received(1, invitation)).isEqualTo("  1. Sage invites Rowan: \u201ctea at the lighthouse?\u201d");
        assertThat(Format.invited(3, invitation))
                .isEqualTo("Sage invites Rowan into a private scene: \u201ctea at the lighthouse?\u201d \u2014 /accept 3 or /decline 3");
        var accepted = new Views.Invitation("i2", "s1", ROWAN, SAGE, null, "accepted", 0);
        assertThat(Format.received(2, accepted)).isEqualTo("  2. Rowan invites Sage (accepted; waiting to be added)");
        assertThat(Format.sent(accepted)).isEqualTo("  Rowan invited Sage (accepted)");
    }

    @Test
    void aSceneMadeFromARoomSaysWhereItIsSetInTheListTheInvitationAndOnOpening() {
        var setting = new Views.Setting("courtyard", "The Courtyard", "Warm flagstones.");
        var scene = new Views.Scene("s1", List.of(ROWAN, SAGE), 1, 300, List.of(), "key", 0, null, null, setting);
        assertThat(Format.scene(1, scene, MINE, false)).isEqualTo("  1. scene with Sage (set in The Courtyard): messages disappear after 5m");
        var invitation = new Views.Invitation("i1", "s1", SAGE, ROWAN, "here?", "pending", 0, List.of(), "red", List.of(), "", "", setting);
        assertThat(Format.received(1, invitation)).isEqualTo("  1. Sage invites Rowan (set in The Courtyard): \u201chere?\u201d");
        assertThat(Format.invited(2, invitation))
                .startsWith("Sage invites Rowan into a private scene (set in The Courtyard): \u201chere?\u201d");
        assertThat(Format.setting(setting)).isEqualTo("Set in The Courtyard: Warm flagstones.");
        assertThat(Format.setting(new Views.Setting(null, "The Attic", ""))).isEqualTo("Set in The Attic.");
    }

    @Test
    void channelsAndMembers() {
        assertThat(Format.channel(new Views.Channel("lobby", "Welcome", 3))).isEqualTo("  #lobby  (3 members)  Welcome");
        assertThat(Format.channel(new Views.Channel("quiet", null, 1))).isEqualTo("  #quiet  (1 member)");
        assertThat(Format.member(new Views.Member("p1", "Rowan", Presence.ONLINE, true))).isEqualTo("  Rowan (online, owner)");
        assertThat(Format.member(new Views.Member("p2", "Sage", Presence.AWAY, false))).isEqualTo("  Sage (away)");
        assertThat(Format.member(new Views.Member("p3", "Ash", Presence.DND, false, null, "writing"))).isEqualTo("  Ash (dnd): writing");
        assertThat(Format.statusChange("Ash", Presence.DND, "")).isEqualTo("Ash is now on do not disturb");
        assertThat(Format.status("Ash", Presence.BUSY, "back at nine")).isEqualTo("Ash is busy: back at nine");
        assertThat(Format.persona(new Views.Persona("p1", "Rowan", "", "", ""), true)).isEqualTo("  Rowan  (you speak as this one)");
    }

    @Test
    void safetyNumbersComeInRowsOfFourGroupsWithWhatToDo() {
        String number = "12345 23456 34567 45678 56789 67890 78901 89012 90123 01234 11111 22222";
        List<String> lines = Format.safety("Sage", number);
        assertThat(lines).startsWith("Safety number of you and Sage:",
                "    12345 23456 34567 45678", "    56789 67890 78901 89012", "    90123 01234 11111 22222");
        assertThat(String.join(" ", lines)).contains("Compare it with Sage").contains("leave the scene");
    }

    @Test
    void droppedMessagesAreWarnings() {
        assertThat(Format.dropped("the franking commitment does not match the message"))
                .isEqualTo("! A message could not be trusted and is not shown (the franking commitment does not match the message).");
    }

    private static Views.Scene scene(List<Views.Author> members) {
        return new Views.Scene("s1", members, 1, 300, List.of(), "key", 0, null, null);
    }
}
