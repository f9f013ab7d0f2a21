package org.tryst.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tryst.client.SceneEvent;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

class ShellTest {
    private final FakeBackend backend = new FakeBackend();
    private final List<String> screen = new ArrayList<>();
    private final Shell shell = Shell.create(backend, new ListScreen(screen), Clock.fixed(Instant.parse("2026-01-15T21:30:00Z"), ZoneOffset.UTC));
    private Views.Persona rowan;
    private Views.Persona sage;

    @BeforeEach
    void anAccountWithOnePersona() {
        rowan = backend.someone("Rowan");
        backend.personas.add(rowan);
        sage = backend.someone("Sage");
    }

    @Test
    void withoutAPersonaTheShellSaysHowToMakeOne() {
        backend.personas.clear();
        shell.start();
        assertThat(screen).contains("You have no persona yet: create one with /persona new NAME.");
        assertThat(shell.prompt()).isEqualTo("tryst> ");

        type("hello");
        assertThat(last()).isEqualTo("Create a persona first: /persona new NAME.");
        type("/persona new Ash");
        assertThat(screen).contains("You created Ash.", "You speak as Ash.");
        assertThat(shell.prompt()).isEqualTo("Ash> ");
    }

    @Test
    void startingSpeaksAsTheFirstPersonaAndMentionsInvitations() {
        backend.received.add(new Views.Invitation("i1", "s1", author(sage), author(rowan), null, "pending", 0));
        shell.start();
        assertThat(screen).containsExactly("You speak as Rowan.", "You have an invitation: /invitations shows it.", "/help lists the commands.");
        assertThat(shell.prompt()).isEqualTo("Rowan> ");
    }

    @Test
    void sayingNowhereExplainsWhereToGo() {
        shell.start();
        type("hello");
        assertThat(last()).startsWith("You are not in a channel or a scene");
        assertThat(backend.calls).noneMatch(call -> call.startsWith("say"));
    }

    @Test
    void joiningAChannelNobodyMadeCreatesIt() {
        shell.start();
        type("/join #lobby");
        assertThat(backend.calls).containsSubsequence("joinChannel lobby", "createChannel lobby");
        assertThat(screen).contains("You are in #lobby.", "#lobby did not exist: you created it, and you own it.");
        assertThat(shell.prompt()).isEqualTo("Rowan in #lobby> ");
    }

    @Test
    void whatIsSaidInTheChannelShowsAsTheServerRelaysIt() {
        shell.start();
        type("/join lobby");
        type("hello all");
        assertThat(backend.calls).contains("sayInChannel lobby SAY hello all");
        shell.incoming().show(new ServerMessage.ChannelMessage(backend.message("lobby", "Rowan", MessageKind.SAY, "hello all")));
        shell.incoming().show(new ServerMessage.ChannelMessage(backend.message("lobby", "Sage", MessageKind.POSE, "waves")));
        shell.incoming().show(new ServerMessage.ChannelMessage(backend.message("elsewhere", "Ash", MessageKind.SAY, "not here")));
        shell.incoming().show(new ServerMessage.TopicChanged("lobby", "tea at five", new Views.Author("s", "Sage")));
        assertThat(screen).containsSubsequence("00:00 Rowan: hello all", "00:00 * Sage waves", "Sage set the topic: tea at five");
        assertThat(screen).noneMatch(line -> line.contains("not here"));
    }

    @Test
    void aLineOfASceneTheSafewordEndedCanStillBeReported() {
        backend.scenes.add(new Views.Scene("s1", List.of(author(rowan), author(sage)), 1, 300, List.of(), "key", 0, null, null));
        shell.start();
        type("/scene 1");
        shell.incoming().show(new SceneEvent.Said("s1", "m7", author(sage), "say", "do as I say", 0, null));
        shell.incoming().show(new SceneEvent.Ended("s1"));
        assertThat(screen).containsExactly("The scene with Sage is over: someone used the safeword. It is gone from this screen and this device.",
                "You can still report a line from it: /report N (1 is the newest line you heard).");
        assertThat(shell.prompt()).isEqualTo("Rowan> ");
        type("/report 1 threat");
        assertThat(backend.calls).contains("reportScene m7 threat");
    }

    @Test
    void reportingALineHeardLatelyCountsFromTheNewestAndLeavesOwnLinesOut() {
        shell.start();
        type("/join lobby");
        Views.Message spam = backend.message("lobby", "Sage", MessageKind.SAY, "buy followers");
        shell.incoming().show(new ServerMessage.ChannelMessage(spam));
        shell.incoming().show(new ServerMessage.ChannelMessage(backend.message("lobby", "Rowan", MessageKind.SAY, "no thanks")));
        type("/report 2");
        assertThat(last()).isEqualTo("There is no line 2 among those heard lately; 1 is the newest.");
        type("/report 1 spam");
        assertThat(backend.calls).contains("reportChannel lobby " + spam.id() + " spam");
        assertThat(screen).containsSubsequence("You reported: 00:00 Sage: buy followers",
                "Report Rp2 (spam): verified by the server; open. The moderators see it; the reported persona is not told who reported.");
        type("/report 1 boredom");
        assertThat(last()).startsWith("Usage: /report N [REASON]");
    }

    @Test
    void aModeratorListsTheQueueAndDecidesOnAReport() {
        backend.queue.add(new Views.Report("Rp7", "channel", author(rowan), author(sage), "lobby", "buy followers", "spam", "", "verified",
                "the server's own copy of the message", "open", 0));
        shell.start();
        type("/moderate 1 warn");
        assertThat(last()).isEqualTo("There is no report 1; /queue lists them.");
        type("/queue");
        assertThat(last()).isEqualTo("1. [verified] Sage in #lobby: \u201cbuy followers\u201d (spam)");
        type("/moderate 1 mute 24");
        assertThat(backend.calls).contains("moderate mute " + sage.id() + " null 24 Rp7");
        type("/moderate 1 ban-persona");
        assertThat(backend.calls).contains("moderate ban " + sage.id() + " persona null Rp7");
        assertThat(last()).isEqualTo("Done: ban-persona on report 1. It is in the audit log.");
    }

    @Test
    void joiningAChannelOfThePersonaGoesThereWithItsHistory() {
        backend.channels.put("lobby", new ArrayList<>(List.of(backend.message("lobby", "Sage", MessageKind.SAY, "earlier"))));
        backend.members.put("lobby", new ArrayList<>(List.of(rowan.id())));
        shell.start();
        type("/join lobby");
        assertThat(screen).containsSubsequence("00:00 Sage: earlier", "You are in #lobby.");
        assertThat(screen.stream().filter(line -> line.contains("earlier"))).hasSize(1);
    }

    @Test
    void thePersonasChannelsSayWhatWaitsUnreadAndGoingToOneMarksItReadOnItsOtherDevices() {
        Views.Message earlier = backend.message("lobby", "Sage", MessageKind.SAY, "earlier");
        backend.channels.put("lobby", new ArrayList<>(List.of(earlier)));
        backend.members.put("lobby", new ArrayList<>(List.of(rowan.id())));
        backend.channels.put("quay", new ArrayList<>());
        backend.members.put("quay", new ArrayList<>(List.of(rowan.id())));
        backend.channels.put("plaza", new ArrayList<>());
        backend.members.put("plaza", new ArrayList<>(List.of(rowan.id())));
        backend.unread.put("lobby", 3);
        backend.unread.put("plaza", Views.Joined.MOST_UNREAD);
        shell.start();
        assertThat(screen).contains("Rowan is in #lobby (3 new), #plaza (1000+ new), #quay: /join CHANNEL to go there.");

        type("/join lobby");
        assertThat(backend.calls).contains("markRead lobby " + earlier.id());
        type("/join quay");
        assertThat(backend.calls).as("an empty channel has no line to mark").noneMatch(call -> call.startsWith("markRead quay"));
        int shown = screen.size();
        shell.incoming().show(new ServerMessage.ChannelReadUpTo("lobby", rowan.id(), earlier.id()));
        assertThat(screen).as("another device's mark changes nothing on this screen").hasSize(shown);
    }

    @Test
    void linesShownLiveWhereThePersonIsAreMarkedReadTheNewestOnly() throws InterruptedException {
        backend.channels.put("lobby", new ArrayList<>());
        backend.members.put("lobby", new ArrayList<>(List.of(rowan.id())));
        shell.start();
        type("/join lobby");
        Views.Message first = backend.message("lobby", "Sage", MessageKind.SAY, "one");
        Views.Message second = backend.message("lobby", "Sage", MessageKind.SAY, "two");
        shell.incoming().show(new ServerMessage.ChannelMessage(first));
        shell.incoming().show(new ServerMessage.ChannelMessage(second));
        shell.incoming().show(new ServerMessage.ChannelMessage(backend.message("elsewhere", "Ash", MessageKind.SAY, "not here")));
        long until = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!backend.calls.contains("markRead lobby " + second.id()) && System.nanoTime() < until) Thread.sleep(50);
        assertThat(backend.calls).contains("markRead lobby " + second.id())
                .doesNotContain("markRead lobby " + first.id()).noneMatch(call -> call.startsWith("markRead elsewhere"));
    }

    @Test
    void askingAgainForThePersonaSpokenAsStaysWhereThePersonIs() {
        backend.channels.put("lobby", new ArrayList<>());
        backend.members.put("lobby", new ArrayList<>(List.of(rowan.id())));
        shell.start();
        type("/join lobby");
        assertThat(shell.prompt()).contains("#lobby");
        type("/as " + rowan.name());
        assertThat(shell.prompt()).contains("#lobby");
    }

    @Test
    void leavingAChannel() {
        shell.start();
        type("/join lobby");
        type("/leave");
        assertThat(last()).isEqualTo("You left #lobby.");
        assertThat(shell.prompt()).isEqualTo("Rowan> ");
    }

    @Test
    void invitingOutsideASceneOpensOne() {
        shell.start();
        type("/invite sage tea?");
        assertThat(backend.calls).containsSubsequence("findPersona sage", "createScene", "invite s1 p-sage tea?");
        assertThat(screen).contains("You opened a private scene and invited Sage. You will see when they join;");
        assertThat(shell.prompt()).isEqualTo("Rowan in scene with nobody yet> ");

        type("/invite Ash");
        assertThat(last()).isEqualTo("No persona of that name.");
        assertThat(backend.scenes).hasSize(1);
    }

    @Test
    void aSceneNobodyCouldBeInvitedToIsLeftAgain() {
        shell.start();
        backend.refuse("invite s1 p-sage null", "scene_full", "this scene has room for 8");
        type("/invite Sage");
        assertThat(backend.calls).contains("leaveScene s1");
        assertThat(last()).isEqualTo("This scene has room for 8.");
        assertThat(shell.prompt()).isEqualTo("Rowan> ");
    }

    @Test
    void anAcceptedInvitationLeadsIntoItsSceneOnceAdded() {
        shell.start();
        var invitation = new Views.Invitation("i1", "s9", author(sage), author(rowan), "tea?", "pending", 0);
        shell.incoming().show(new SceneEvent.Invited(invitation));
        assertThat(screen).containsSubsequence("Sage invites Rowan into a private scene: \u201ctea?\u201d \u2014 /accept 1 or /decline 1",
                "    Proposes no topics; safeword \u201cred\u201d.");

        type("/accept 2");
        assertThat(last()).isEqualTo("There is no invitation 2; /invitations lists them.");
        type("/accept 1");
        assertThat(backend.calls).contains("accept i1");

        backend.scenes.add(new Views.Scene("s9", List.of(author(sage), author(rowan)), 1, 86_400, List.of(), "key", 0, null, null));
        shell.incoming().show(new SceneEvent.Joined("s9"));
        assertThat(shell.prompt()).isEqualTo("Rowan in scene with Sage> ");

        shell.incoming().show(new SceneEvent.Said("s9", "m1", author(sage), "say", "welcome", 0, null));
        type("thank you");
        type("/me sits down");
        assertThat(backend.calls).contains("sayInScene s9 SAY thank you", "sayInScene s9 POSE sits down");
        assertThat(screen).containsSubsequence("00:00 Sage: welcome", "21:30 Rowan: thank you", "21:30 * Rowan sits down");
    }

    @Test
    void anInvitationAnsweredOnAnotherDeviceLeavesTheListWithALine() {
        backend.received.add(new Views.Invitation("i1", "s1", author(sage), author(rowan), null, "pending", 0));
        backend.received.add(new Views.Invitation("i2", "s2", author(sage), author(rowan), null, "pending", 0));
        shell.start();
        shell.incoming().show(new ServerMessage.InvitationGone("i1", ServerMessage.InvitationGone.Why.ACCEPTED));
        assertThat(last()).isEqualTo("You accepted Sage's invitation on another device. /invitations lists the rest.");
        shell.incoming().show(new ServerMessage.InvitationGone("elsewhere", ServerMessage.InvitationGone.Why.EXPIRED));
        assertThat(last()).as("one this device never listed says nothing").startsWith("You accepted");
        type("/decline 1");
        assertThat(backend.calls).contains("decline i2");
        int shown = screen.size();
        shell.incoming().show(new ServerMessage.InvitationGone("i2", ServerMessage.InvitationGone.Why.DECLINED));
        assertThat(screen).as("declined here: the echo adds nothing").hasSize(shown);
        type("/accept 1");
        assertThat(last()).isEqualTo("There is no invitation 1; /invitations lists them.");
    }

    @Test
    void decliningTellsThatTheSenderIsNotTold() {
        backend.received.add(new Views.Invitation("i1", "s1", author(sage), author(rowan), null, "pending", 0));
        shell.start();
        type("/decline 1");
        assertThat(backend.calls).contains("decline i1");
        assertThat(last()).isEqualTo("You declined. Sage is not told.");
    }

    @Test
    void eventsOfAnotherSceneSayWhichOne() {
        backend.scenes.add(new Views.Scene("s1", List.of(author(rowan), author(sage)), 1, 300, List.of(), "key", 0, null, null));
        shell.start();
        shell.incoming().show(new SceneEvent.Said("s1", "m1", author(sage), "say", "psst", 0, null));
        shell.incoming().show(new SceneEvent.Dropped("s1", "m2", "the franking commitment does not match the message"));
        assertThat(screen).containsSubsequence("[scene with Sage] 00:00 Sage: psst",
                "[scene with Sage] ! A message could not be trusted and is not shown (the franking commitment does not match the message).");
    }

    @Test
    void scenesAreListedAndVisitedByNumber() {
        backend.scenes.add(new Views.Scene("s1", List.of(author(rowan), author(sage)), 1, 300,
                List.of(new Views.TimerChoice(sage.id(), 0)), "key", 0, null, null));
        shell.start();
        type("/scene 2");
        assertThat(last()).isEqualTo("There is no scene 2; /scenes lists them.");
        type("/scene 1");
        type("/scenes");
        assertThat(last()).isEqualTo("  1. scene with Sage: messages disappear after 5m; Sage asks for off  (you are here)");
    }

    @Test
    void theSafewordEndsTheSceneYouAreIn() {
        backend.scenes.add(new Views.Scene("s1", List.of(author(rowan), author(sage)), 1, 300, List.of(), "key", 0, null, null));
        shell.start();
        type("/safeword");
        assertThat(last()).isEqualTo("The safeword ends a scene: go to one first (/scenes, /scene N).");
        type("/scene 1");
        type("/safeword 48");
        assertThat(backend.calls).contains("safeword s1 48");
        assertThat(last()).isEqualTo("You used the safeword: the scene with Sage is over for everyone and gone from this screen; they may not invite you again for 48 h.");
        assertThat(shell.prompt()).isEqualTo("Rowan> ");
        type("/safeword soon");
        assertThat(last()).startsWith("Usage: /safeword [HOURS]");
    }

    @Test
    void askingToKeepTheTranscriptAndExportingIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Views.Scene scene = new Views.Scene("s1", List.of(author(rowan), author(sage)), 1, 300, List.of(), "key", 0, null, null);
        backend.scenes.add(scene);
        shell.start();
        type("/transcript ask");
        assertThat(last()).isEqualTo("Go to a scene first: /scenes lists them, /scene N goes there.");
        type("/scene 1");
        type("/transcript");
        assertThat(last()).isEqualTo("/transcript ask asks everyone here whether each of you may save a copy.");
        type("/transcript ask");
        assertThat(backend.calls).contains("transcript s1 ask");
        type("/transcript maybe");
        assertThat(last()).startsWith("Usage: /transcript [CHOICE]");

        var asked = new Views.Transcript(author(rowan), 1, List.of(rowan.id()), List.of(), false);
        var agreed = new Views.Transcript(author(rowan), 1, List.of(rowan.id(), sage.id()), List.of(), true);
        shell.incoming().show(new SceneEvent.Changed(withTranscript(scene, asked), "transcript"));
        shell.incoming().show(new SceneEvent.Changed(withTranscript(scene, agreed), "transcript"));
        assertThat(screen).containsSubsequence("Sage agrees to keeping a transcript.",
                "Everyone agrees: /export FILE saves your copy of the transcript, marked as yours.");

        java.nio.file.Path file = dir.resolve("scene.txt");
        type("/export " + file);
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("Tryst transcript of scene s1\n");
        assertThat(last()).startsWith("Saved the transcript to " + file + ". It is marked");
        type("/export " + file);
        assertThat(last()).isEqualTo(file + " exists already; choose a new file name.");
        assertThat(backend.calls).filteredOn(call -> call.startsWith("exportTranscript")).hasSize(1);
    }

    @Test
    void myDataIsSavedForTheOwnerAloneAndNeverOverAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        shell.start();
        java.nio.file.Path file = dir.resolve("mine.zip");
        type("/mydata " + file);
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("PK fake zip");
        assertThat(last()).startsWith("Saved all the data this server keeps of your account to " + file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        type("/mydata " + file);
        assertThat(last()).isEqualTo(file + " exists already; choose a new file name.");
        assertThat(backend.calls).filteredOn("myData"::equals).hasSize(1);
        type("/mydata");
        assertThat(last()).startsWith("Usage: /mydata FILE");
    }

    private static Views.Scene withTranscript(Views.Scene scene, Views.Transcript transcript) {
        return new Views.Scene(scene.id(), scene.members(), scene.epoch(), scene.timerSeconds(), scene.timerChoices(),
                scene.externalSender(), scene.createdAt(), scene.agreement(), transcript);
    }

    @Test
    void blockingAndMutingByNameWithTheListToUndoThem() {
        shell.start();
        type("/block Sage account");
        assertThat(backend.calls).contains("block p-sage ACCOUNT");
        assertThat(screen.get(screen.size() - 2)).isEqualTo(
                "You blocked everyone behind Sage: they cannot see you, reach you or invite you. They are not told.");
        type("/mute sage");
        assertThat(last()).isEqualTo("You muted Sage: you will not see their lines or invitations. They are not told.");
        type("/blocked");
        assertThat(screen.subList(screen.size() - 2, screen.size()))
                .containsExactly("  Sage  blocked (everyone behind it) on 2026-01-01", "  Sage  muted on 2026-01-01");
        type("/unblock SAGE");
        assertThat(backend.calls).contains("unblock p-sage");
        assertThat(last()).isEqualTo("You unblocked Sage.");
        type("/unblock Sage");
        assertThat(last()).isEqualTo("You have no block on Sage; /blocked lists them.");
        type("/unmute Sage");
        type("/blocked");
        assertThat(last()).isEqualTo("You have blocked or muted nobody.");
        type("/block Rowan");
        assertThat(last()).isEqualTo("That is one of your personas.");
        type("/block Nobody");
        assertThat(last()).isEqualTo("No persona of that name.");
    }

    @Test
    void timerAndSafetyNeedAScene() {
        shell.start();
        type("/timer 1h");
        assertThat(last()).isEqualTo("Go to a scene first: /scenes lists them, /scene N goes there.");
        type("/safety Sage");
        assertThat(last()).isEqualTo("Go to a scene first: /scenes lists them, /scene N goes there.");
    }

    @Test
    void timerAndSafetyInAScene() {
        backend.scenes.add(new Views.Scene("s1", List.of(author(rowan), author(sage)), 1, 300, List.of(), "key", 0, null, null));
        shell.start();
        type("/scene 1");
        type("/timer off");
        assertThat(backend.calls).contains("timer s1 0");
        type("/safety sage");
        assertThat(backend.calls).contains("safetyNumber s1 p-sage");
        assertThat(screen).contains("Safety number of you and Sage:", "    12345 23456 34567 45678");
        type("/safety Rowan");
        assertThat(last()).isEqualTo("Nobody named Rowan is in this scene; /who lists who is.");

        Views.Scene shorter = new Views.Scene("s1", List.of(author(rowan), author(sage)), 1, 0, List.of(), "key", 0, null, null);
        shell.incoming().show(new SceneEvent.Changed(shorter, "timer"));
        assertThat(last()).isEqualTo("From now on messages do not disappear.");
    }

    @Test
    void leavingASceneForgetsIt() {
        backend.scenes.add(new Views.Scene("s1", List.of(author(rowan), author(sage)), 1, 300, List.of(), "key", 0, null, null));
        shell.start();
        type("/scene 1");
        type("/leave");
        assertThat(last()).isEqualTo("You left the scene with Sage; this device has forgotten its keys and messages.");
        shell.incoming().show(new SceneEvent.Removed("s1"));
        assertThat(last()).startsWith("You left the scene");
        assertThat(shell.prompt()).isEqualTo("Rowan> ");
    }

    @Test
    void beingRemovedFromTheSceneYouAreIn() {
        backend.scenes.add(new Views.Scene("s1", List.of(author(rowan), author(sage)), 1, 300, List.of(), "key", 0, null, null));
        shell.start();
        type("/scene 1");
        shell.incoming().show(new SceneEvent.Removed("s1"));
        assertThat(last()).isEqualTo("You are no longer in the scene with Sage.");
        assertThat(shell.prompt()).isEqualTo("Rowan> ");
    }

    @Test
    void refusalsAreShownPlainly() {
        shell.start();
        backend.refuse("joinChannel lobby", "rate_limited", "too many messages; slow down");
        type("/join lobby");
        assertThat(last()).isEqualTo("Too much at once; wait a moment and try again.");
        type("/as Nobody");
        assertThat(last()).isEqualTo("You have no persona named Nobody; /personas lists yours.");
    }

    private void type(String line) {
        shell.run(Commands.parse(line));
    }

    private String last() {
        return screen.getLast();
    }

    private static Views.Author author(Views.Persona persona) {
        return new Views.Author(persona.id(), persona.name());
    }
}
