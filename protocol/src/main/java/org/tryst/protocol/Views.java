package org.tryst.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The shapes the server shows to clients inside its messages. Times are epoch milliseconds. */
public final class Views {
    private Views() {}

    /** A persona as others see it: never the account behind it. */
    public record Persona(String id, String name, String summary, String description, String pronouns, String avatar,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Presence status,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) String statusLine) {
        /** A persona without a picture or a status. */
        public Persona(String id, String name, String summary, String description, String pronouns) {
            this(id, name, summary, description, pronouns, null, null, null);
        }
    }

    /**
     * A persona as it appears in a channel: who, its status now and status line, and the hash of its
     * picture ({@code GET /api/avatars/HASH}; absent when it has none).
     */
    public record Member(String id, String name, Presence status, boolean owner,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String avatar,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) String statusLine) {
        /** A member without a picture or a status line. */
        public Member(String id, String name, Presence status, boolean owner) {
            this(id, name, status, owner, null, null);
        }
    }

    /** A public channel in the list. */
    public record Channel(String name, String topic, int members) {}

    /** One message of a channel's history or live traffic. */
    public record Message(String id, String channel, MessageKind kind, Author persona, String text, long at) {}

    /**
     * The persona who wrote a message, as shown beside it, with the hash of its picture (absent when
     * it has none, so that a line without one costs nothing more). In a world with recognition,
     * {@code shown} says when {@code name} is not the persona's real name (absent: it is).
     */
    public record Author(String id, String name, @JsonInclude(JsonInclude.Include.NON_NULL) String avatar,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Shown shown) {
        /** An author without a picture, or one whose picture is not shown there. */
        public Author(String id, String name) {
            this(id, name, null, null);
        }

        /** An author by its real name. */
        public Author(String id, String name, String avatar) {
            this(id, name, avatar, null);
        }
    }

    /**
     * What a name in the text world is when it is not the persona's real name, in a world with
     * recognition: its short description ({@code sdesc}: the viewer does not know it), or the name
     * the viewer chose for it ({@code recog}).
     */
    public enum Shown {
        @JsonProperty("sdesc") SDESC,
        @JsonProperty("recog") RECOG
    }

    /** One logged-in session (device) of the account. */
    public record Session(String id, long createdAt, long lastSeenAt, long expiresAt, String userAgent, boolean current) {}

    /** The server's limits that a client should know to behave well. */
    public record Limits(int maxFrameBytes, int maxTextLength, int maxPersonas, long historyRetentionMs) {}

    /**
     * A channel the persona is in: topic, members and recent history, and how far the persona has read
     * there: {@code read}, the newest line it marked read (null until it marks one), and {@code unread},
     * how many lines came after that (since it joined, without one) that it may see and did not write,
     * counted up to {@link #MOST_UNREAD}.
     */
    public record Joined(String channel, String topic, String persona, List<Member> members, List<Message> history, String read,
                         int unread) {
        /** The most unread lines the server counts in a channel; a client shows more as, say, "999+". */
        public static final int MOST_UNREAD = 1_000;

        /** A channel just joined: nothing in it is unread yet. */
        public Joined(String channel, String topic, String persona, List<Member> members, List<Message> history) {
            this(channel, topic, persona, members, history, null, 0);
        }
    }

    /** A device of the account: one client installation with its MLS signature key. */
    public record Device(String id, String signatureKey, long createdAt) {}

    /**
     * A private scene: its members, the MLS epoch the server has ordered up to, the disappearing
     * timer in seconds (0 is off) with members' pending choices, and the server's MLS external-sender
     * key, which the group must list so that the server can propose the removal of a member who left;
     * the request to keep its transcript, if anyone asked; and its setting, when it was made from a room.
     */
    public record Scene(String id, List<Author> members, long epoch, long timerSeconds, List<TimerChoice> timerChoices,
                        String externalSender, long createdAt, Agreement agreement, Transcript transcript,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Setting setting) {
        /** A scene set nowhere in particular. */
        public Scene(String id, List<Author> members, long epoch, long timerSeconds, List<TimerChoice> timerChoices,
                     String externalSender, long createdAt, Agreement agreement, Transcript transcript) {
            this(id, members, epoch, timerSeconds, timerChoices, externalSender, createdAt, agreement, transcript, null);
        }
    }

    /**
     * Where a scene is set: the world room it was made from (its id; null once that room is gone) and
     * the room's name and description as they were then, public text of the world, not of the scene.
     */
    public record Setting(String room, String name, String description) {}

    /**
     * A request to keep a scene's transcript (null in {@link Scene} when nobody asked): who asked and
     * when, which members agree and which refuse (persona ids), and whether export is allowed, which
     * it is only while every current member agrees. A change of members clears every answer.
     */
    public record Transcript(Author requestedBy, long requestedAt, List<String> agreed, List<String> refused, boolean allowed) {}

    /** A member's choice of a disappearing timer that is waiting for the others to agree. */
    public record TimerChoice(String persona, long seconds) {}

    /**
     * An invitation into a scene; {@code status} is {@code pending} or {@code accepted}. It proposes
     * {@code topics} (catalogue ids) and a {@code safeword} word, and shows both personas' boundaries
     * side by side in {@code matches}, with their notes, and where the scene is set, if it is;
     * accepting it agrees to exactly that.
     */
    public record Invitation(String id, String scene, Author from, Author to, String note, String status, long expiresAt,
                             List<String> topics, String safeword, List<TopicMatch> matches, String fromNotes, String toNotes,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Setting setting) {
        /** An invitation that proposes no topics and compares nothing, with the usual safeword, into a scene set nowhere in particular. */
        public Invitation(String id, String scene, Author from, Author to, String note, String status, long expiresAt) {
            this(id, scene, from, to, note, status, expiresAt, List.of(), "red", List.of(), "", "", null);
        }
    }

    /** One topic of the operator's boundaries catalogue. */
    public record Topic(String id, String label, String group, String description) {}

    /** A persona's published boundaries: an answer per catalogue topic, and free-text notes. */
    public record Boundaries(Author persona, Map<String, Answer> answers, String notes, long updatedAt) {}

    /**
     * One topic of two personas' boundaries side by side ({@code from} the inviter, {@code to} the
     * invitee; null where unanswered), whether it is proposed, and its flags (see {@link BoundaryMatch}).
     */
    public record TopicMatch(String topic, Answer from, Answer to, boolean proposed, List<String> flags) {}

    /** What a scene's members agreed to: the topics, the safeword word, and who agreed when. */
    public record Agreement(List<String> topics, String safeword, List<Agreed> agreedBy, long at) {
        /** Whether a line typed in the scene is its safeword: the whole line, trimmed, in any case. */
        public boolean isSafeword(String line) {
            return line != null && line.strip().equalsIgnoreCase(safeword);
        }
    }

    /** A persona who agreed to a scene's agreement, and when. */
    public record Agreed(Author persona, long at) {}

    /** A KeyPackage of one device, handed out to add its persona to a scene. */
    public record DeviceKeyPackage(String device, String keyPackage) {}

    /**
     * One relayed MLS message of a scene (base64 {@code data}): {@code kind} is {@code application},
     * {@code commit}, {@code proposal} or {@code welcome}. {@code from} is null for the server's own
     * proposals. Application messages carry the server's franking {@code tag} and its key id.
     */
    public record SceneMessage(String id, String scene, long seq, long epoch, String kind, Author from, String device,
                               String data, String tag, Integer kid, long at, Long expiresAt) {}

    /**
     * One entry of the account's block list: the persona it names (its name as it was when blocked),
     * {@code kind} {@code block} or {@code mute}, the block's scope (null for a mute) and when.
     */
    public record Block(Author persona, String kind, BlockScope scope, long at) {}

    /**
     * A report: what was reported ({@code kind} {@code scene}, {@code channel}, {@code world} or {@code ad}, with the reported
     * text and persona), why, the server's {@code verification} ({@code verified} or {@code rejected},
     * with {@code why}), and its {@code status} ({@code open}, {@code actioned} or {@code dismissed}).
     * The reporter is shown only to moderators.
     */
    public record Report(String id, String kind, Author reporter, Author reported, String channel, String text, String reason,
                         String note, String verification, String why, String status, long at) {}

    /**
     * An ad on the partner board: its persona, title, text, the topics it asks for (in catalogue
     * order), its rating, when it was posted, last bumped and expires, and how it matches the viewer
     * (rows as in an invitation from the ad's persona to the viewer proposing its topics; empty for your own).
     */
    public record Ad(String id, Author persona, String title, String text, List<String> topics, String rating, long postedAt,
                     long bumpedAt, long expiresAt, @JsonInclude(JsonInclude.Include.NON_NULL) Presence status, List<TopicMatch> matches) {}

    /** One entry of the append-only audit log: who did what to whom, why, and when. */
    public record AuditEntry(long seq, long at, String actor, String action, String target, String reason) {}

    // ---- The text world ----

    /**
     * A room as everyone there sees it: its name, description, content rating ({@code general},
     * {@code mature} or {@code adult}), the persona owning it (absent for the operator's rooms), its
     * exits and the things lying in it.
     */
    public record RoomView(String id, String name, String description, String rating,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Author owner, List<ExitView> exits, List<ThingView> things) {}

    /** A way out of a room: the word that takes it, its other words, and the name, id and rating of where it leads. */
    public record ExitView(String name, List<String> aliases, String to, String toId, String rating) {}

    /** A thing of the world, lying in a room or carried; a fixed one cannot be picked up. */
    public record ThingView(String id, String name, boolean portable) {}

    /** A persona present in a room, as others there see it; {@code shown} as in {@link Author}. */
    public record Occupant(String id, String name, Presence status, @JsonInclude(JsonInclude.Include.NON_NULL) String avatar,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Shown shown,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) String statusLine) {
        /** An occupant by its real name, without a status line. */
        public Occupant(String id, String name, Presence status, String avatar) {
            this(id, name, status, avatar, null, null);
        }
    }

    /**
     * One line of the world: {@code kind} is {@code say}, {@code pose}, {@code semipose}, {@code emit}
     * (narration, always with its author), {@code whisper} or {@code page}. A whisper's text goes only to
     * its two personas; the rest of the room gets the line without {@code text}. A page has no room.
     */
    public record WorldLine(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String room, String kind, Author author,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Author to,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String text, long at) {}

    /**
     * What {@code look TARGET} found: {@code kind} {@code persona} (with its in-world description, summary
     * and pronouns), {@code thing}, {@code exit} (with {@code to} and {@code rating} of where it leads) or
     * {@code emit} (the newest emits of the room, each with its author, in {@code lines}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Looked(String kind, String id, String name, String description, String summary, String pronouns, String to,
                         String rating, List<WorldLine> lines) {}

    /** A persona in the world, for {@code who} and {@code where}; {@code room} (a room's name) only for {@code where}. */
    public record WhoEntry(Author persona, Presence status, @JsonInclude(JsonInclude.Include.NON_NULL) String room,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) String statusLine) {}

    /** A persona looking for a partner now, with its status line and since when it has been looking. */
    public record Looking(Author persona, @JsonInclude(JsonInclude.Include.NON_EMPTY) String statusLine, long since) {}

    /** One relay server for calls, in the shape of WebRTC's RTCIceServer. */
    public record IceServer(List<String> urls, String username, String credential) {}

    /** A person's limits: a daily budget in minutes, quiet hours ("HH:MM" to "HH:MM"), their time zone, break reminders; null fields are unset. */
    public record WellbeingLimits(Integer dailyMinutes, String quietFrom, String quietUntil, String timeZone, Integer breakMinutes) {}

    /** Minutes of use on one day (ISO date, in the person's time zone). */
    public record UsageDay(String date, int minutes) {}

    /**
     * The account's wellbeing, for its own eyes only: the limits in force, a loosening that takes effect
     * at {@code pendingFrom} (null: none waiting), a self-exclusion's end (null: none), the minutes used
     * today and each of the last 30 days.
     */
    public record Wellbeing(WellbeingLimits limits, WellbeingLimits pending, Long pendingFrom, Long excludedUntil, int minutesToday,
                            List<UsageDay> days) {}
}
