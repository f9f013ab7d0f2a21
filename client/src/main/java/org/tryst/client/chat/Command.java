package org.tryst.client.chat;

import java.util.List;
import org.tryst.protocol.Answer;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.Presence;

/** One line the person typed, understood: a command with its arguments, plain text to say, or a mistake to explain. */
public sealed interface Command {
    /** Lists the commands. */
    record Help() implements Command {}

    /** Lists this account's personas. */
    record ListPersonas() implements Command {}

    /** Creates a persona of this account. */
    record NewPersona(String name) implements Command {}

    /** Speaks as another of this account's personas from now on. */
    record Use(String name) implements Command {}

    /** Lists the public channels. */
    record ListChannels() implements Command {}

    /** Joins a channel (creating it when nobody has yet) and goes there. */
    record Join(String channel) implements Command {}

    /** The safeword: ends the current scene for everyone at once; its members may not invite you for {@code hours}. */
    record Safeword(int hours) implements Command {}

    /** Shows ({@code choice} empty), asks for, agrees to, refuses or withdraws from keeping the current scene's transcript. */
    record Transcript(String choice) implements Command {}

    /** Saves the current scene's transcript to a file, marked as this persona's copy, once every member agrees. */
    record Export(String file) implements Command {}
    /** Saves the account's own data (a zip of JSON files) to a file. */
    record MyData(String file) implements Command {}

    /** Leaves the current channel or scene. */
    record Leave() implements Command {}

    /** Lists who is in the current channel or scene. */
    record Who() implements Command {}

    /** Says something in the current place. */
    record Say(String text) implements Command {}

    /** Describes what the current persona does, in the current place. */
    record Pose(String text) implements Command {}

    /** Rolls dice, as written ({@code 2d6+1}), in the current place: by the server in a channel, on this device in a scene. */
    record Roll(String dice) implements Command {}

    /**
     * Invites a persona, by display name, into the current scene or a new one, proposing topics and
     * a safeword word (empty and null: the server's default, or the scene's agreement); the note is
     * not end-to-end encrypted.
     */
    record Invite(String name, String note, List<String> topics, String safeword) implements Command {
        /** An invitation that proposes what the server or the scene has. */
        public Invite(String name, String note) {
            this(name, note, List.of(), null);
        }
    }

    /** Shows this persona's boundaries, or, given a name, that persona's side by side with this one's. */
    record ShowBoundaries(String name) implements Command {}

    /** Sets this persona's answer to one topic; a null answer clears it. */
    record SetBoundary(String topic, Answer answer) implements Command {}

    /** Replaces this persona's boundary notes. */
    record SetBoundaryNotes(String notes) implements Command {}

    /** Lists invitations received and sent. */
    record ListInvitations() implements Command {}

    /** Accepts the received invitation of that number in the last list. */
    record Accept(int number) implements Command {}

    /** Declines the received invitation of that number in the last list. */
    record Decline(int number) implements Command {}

    /** Lists this account's scenes. */
    record ListScenes() implements Command {}

    /** Goes to the scene of that number in the list. */
    record GoToScene(int number) implements Command {}

    /** Chooses the current scene's disappearing timer. */
    record SetTimer(Disappearing timer) implements Command {}

    /** Shows where the current scene's call stands ({@code choice} empty), or answers it yes or no. */
    record Call(String choice) implements Command {}

    /** Shows the safety number shared with a member of the current scene. */
    record Safety(String name) implements Command {}

    /** Blocks a persona, by display name, or with {@code ACCOUNT} everyone behind it. */
    record Block(String name, BlockScope scope) implements Command {}

    /** Lifts a block, by the display name on the list. */
    record Unblock(String name) implements Command {}

    /** Mutes a persona, by display name. */
    record Mute(String name) implements Command {}

    /** Lifts a mute, by the display name on the list. */
    record Unmute(String name) implements Command {}

    /** Lists the account's blocks and mutes. */
    record ListBlocked() implements Command {}
    /** Reports line {@code number} of those heard lately (1 is the newest) for a reason; the server verifies it. */
    record Report(int number, String reason) implements Command {}

    /** Lists the reports this account filed and where they stand. */
    record MyReports() implements Command {}

    /** Moderators: lists the open reports. */
    record Queue() implements Command {}

    /** Moderators: decides on report {@code number} of the last queue: warn, mute or suspend for {@code hours}, ban, ban-persona or dismiss. */
    record Moderate(int number, String action, Integer hours) implements Command {}

    /** Lists the partner board as the speaking persona sees it, numbered. */
    record ListBoard() implements Command {}

    /** Invites the persona of ad {@code number} in the last board list, proposing the ad's topics; the note is not encrypted. */
    record BoardInvite(int number, String note) implements Command {}

    /** Reports ad {@code number} of the last board list for a reason. */
    record BoardReport(int number, String reason) implements Command {}

    /** Shows the speaking persona's own ad. */
    record ShowAd() implements Command {}

    /** Posts the speaking persona's ad, or edits the one it has up. */
    record PostAd(String title, String text, List<String> topics, String rating) implements Command {}

    /** Moves the speaking persona's ad to the top of the board. */
    record BumpAd() implements Command {}

    /** Takes the speaking persona's ad off the board. */
    record RemoveAd() implements Command {}

    /** Shows the speaking persona's status and status line. */
    record ShowStatus() implements Command {}

    /** Chooses the speaking persona's status (null: keep it) and status line (empty: none; null: keep it). */
    record SetStatus(Presence status, String line) implements Command {}

    /** Lists the personas looking for a partner now, numbered. */
    record ListLooking() implements Command {}

    /** Invites the persona {@code number} of the last looking list; the note is not encrypted. */
    record LookingInvite(int number, String note) implements Command {}

    /** Shows whether typing is shared ({@code share} null), or turns sharing on or off. */
    record ShareTyping(Boolean share) implements Command {}

    /** Shows the account's own limits, a loosening waiting and the minutes of the last days. */
    record ShowLimits() implements Command {}

    /** Sets the daily budget in minutes (null: none). */
    record SetBudget(Integer minutes) implements Command {}

    /** Sets quiet hours from and until a time of day, "HH:MM" (both null: none). */
    record SetQuiet(String from, String until) implements Command {}

    /** Sets break reminders every so many minutes on end (null: none). */
    record SetBreaks(Integer minutes) implements Command {}

    /** Excludes the account for a period; only with {@code confirmed}, typed out, does it happen. */
    record Exclude(String period, boolean confirmed) implements Command {}

    /** Ends the session. */
    record Quit() implements Command {}

    /** A line that is not a usable command; {@code problem} says why, for the person who typed it. */
    record Invalid(String problem) implements Command {}
}
