package org.tryst.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.client.mls.BcMls;
import org.tryst.protocol.Answer;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.BoundaryMatch;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.storage.Database;
import org.tryst.testkit.Wire;

/**
 * The partner board through a real server and raw sockets, so that a modified client can bypass
 * none of it: what each persona's boundaries, blocks, mutes and adult opt-in hide, ranking by bump,
 * the bump interval, expiry on a hand-moved clock, reports and moderators' removal, refused input,
 * and an invitation from an ad proposing its topics. Run on SQLite and PostgreSQL by the subclasses.
 */
abstract class BoardContract {
    /** Ads per hour one account may post, as the subclasses configure it. */
    static final String ADS_PER_HOUR = "3";

    abstract TestServer server();

    abstract MutableClock clock();

    /** A registered account on a raw socket, speaking as one persona. */
    record Member(TestServer.User user, Wire wire, Views.Persona persona) {
        ServerMessage request(Function<String, ClientMessage> build) {
            String id = wire.nextId();
            wire.send(build.apply(id));
            return wire.expect(ServerMessage.Reply.class, reply -> id.equals(reply.id()));
        }

        ServerMessage.Error refused(Function<String, ClientMessage> build) {
            ServerMessage reply = request(build);
            assertThat(reply).isInstanceOf(ServerMessage.Error.class);
            return (ServerMessage.Error) reply;
        }

        Views.Ad post(String title, String rating, String... topics) {
            return ((ServerMessage.BoardAd) request(id -> new ClientMessage.BoardPost(id, persona.id(), title, "Write to me.",
                    List.of(topics), rating))).ad();
        }

        ServerMessage.Board board() {
            return (ServerMessage.Board) request(id -> new ClientMessage.BoardList(id, persona.id()));
        }

        List<String> titles() {
            return board().ads().stream().map(Views.Ad::title).toList();
        }

        void answers(Map<String, Answer> answers) {
            request(id -> new ClientMessage.BoundariesSet(id, persona.id(), answers, ""));
        }

        void optInToAdult() {
            request(id -> new ClientMessage.PersonaUse(id, persona.id()));
            request(id -> new ClientMessage.WorldEnter(id, persona.id()));
            assertThat(request(id -> new ClientMessage.WorldCommand(id, persona.id(), "@adult on"))).isNotInstanceOf(ServerMessage.Error.class);
        }
    }

    Member member(String name) {
        TestServer.User user = server().register(name.toLowerCase());
        Wire wire = server().connect(user);
        return new Member(user, wire, TestServer.persona(wire, name));
    }

    /** A member given the moderator role in the database, as {@code ./tryst admin role USER moderator} does. */
    Member moderator(String name) {
        Member moderator = member(name);
        try (var sql = server().database(); var update = sql.prepareStatement("UPDATE accounts SET role = 'moderator' WHERE username = ?")) {
            update.setString(1, moderator.user().username());
            update.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return moderator;
    }

    /** Each test starts from an empty board: the ads of the one before would crowd it. */
    void emptyBoard() {
        try (Database database = server().openDatabase()) {
            database.sql().useHandle(handle -> handle.createUpdate("DELETE FROM board_ads").execute());
        }
    }

    @Test
    void aViewersNoHidesAdsAskingForThatTopicAndEachAdShowsHowItMatches() {
        emptyBoard();
        Member rowan = member("Rowan");
        Member wren = member("Wren");
        Member sage = member("Sage");
        Member newcomer = member("Newcomer");
        rowan.answers(Map.of("romance", Answer.YES, "pain", Answer.YES));
        rowan.post("Letters by the sea", "general", "slow-burn", "romance");
        wren.post("Rough and ready", "general", "pain");
        sage.answers(Map.of("romance", Answer.YES, "slow-burn", Answer.MAYBE, "pain", Answer.NO));

        ServerMessage.Board seen = sage.board();
        assertThat(seen.ads()).extracting(Views.Ad::title).containsExactly("Letters by the sea");
        Views.Ad ad = seen.ads().getFirst();
        assertThat(ad.persona().id()).isEqualTo(rowan.persona().id());
        assertThat(ad.topics()).containsExactly("romance", "slow-burn");
        // The very rows an invitation from Rowan to Sage proposing the ad's topics carries.
        assertThat(ad.matches()).containsExactly(
                new Views.TopicMatch("romance", Answer.YES, Answer.YES, true, List.of()),
                new Views.TopicMatch("slow-burn", null, Answer.MAYBE, true, List.of(BoundaryMatch.PROPOSED_MAYBE)),
                new Views.TopicMatch("pain", Answer.YES, Answer.NO, false, List.of(BoundaryMatch.MISMATCH)));
        assertThat(seen.mine()).isNull();
        // Someone who answered nothing sees both; the posters see their own apart from the rest.
        assertThat(newcomer.titles()).containsExactlyInAnyOrder("Letters by the sea", "Rough and ready");
        ServerMessage.Board own = rowan.board();
        assertThat(own.mine().title()).isEqualTo("Letters by the sea");
        assertThat(own.ads()).extracting(Views.Ad::title).containsExactly("Rough and ready");
        // Changing her mind about pain brings Wren's ad back for Sage.
        sage.answers(Map.of("pain", Answer.MAYBE));
        assertThat(sage.titles()).containsExactlyInAnyOrder("Letters by the sea", "Rough and ready");
    }

    @Test
    void theFreshestBumpComesFirstAndBumpsWaitTheirInterval() {
        emptyBoard();
        Member ash = member("Ash");
        Member bay = member("Bay");
        Member viewer = member("Viewer");
        Views.Ad first = ash.post("Ash looks", "general");
        clock().advance(Duration.ofMinutes(1));
        bay.post("Bay looks", "general");
        assertThat(viewer.titles()).containsExactly("Bay looks", "Ash looks");

        ServerMessage.Error tooSoon = ash.refused(id -> new ClientMessage.BoardBump(id, ash.persona().id()));
        assertThat(tooSoon.code()).isEqualTo("rate_limited");
        assertThat(tooSoon.retryAfterMs()).isBetween(Duration.ofMinutes(28).toMillis(), Duration.ofMinutes(30).toMillis());
        // Editing is no way around the interval: the ad keeps its id, place and expiry.
        Views.Ad edited = ash.post("Ash still looks", "mature", "humour");
        assertThat(edited.id()).isEqualTo(first.id());
        assertThat(edited.bumpedAt()).isEqualTo(first.bumpedAt());
        assertThat(edited.expiresAt()).isEqualTo(first.expiresAt());
        assertThat(viewer.titles()).containsExactly("Bay looks", "Ash still looks");

        clock().advance(Duration.ofMinutes(30));
        Views.Ad bumped = ((ServerMessage.BoardAd) ash.request(id -> new ClientMessage.BoardBump(id, ash.persona().id()))).ad();
        assertThat(bumped.bumpedAt()).isGreaterThan(first.bumpedAt());
        assertThat(bumped.expiresAt()).isEqualTo(bumped.bumpedAt() + Duration.ofHours(72).toMillis());
        assertThat(viewer.titles()).containsExactly("Ash still looks", "Bay looks");
        assertThat(ash.refused(id -> new ClientMessage.BoardBump(id, ash.persona().id())).code()).isEqualTo("rate_limited");
    }

    @Test
    void anAdIsGoneWhenItsLifetimeRunsOut() {
        emptyBoard();
        Member poster = member("Poster");
        Member viewer = member("Looker");
        Views.Ad ad = poster.post("Here for three days", "general");
        clock().advance(Duration.ofHours(71));
        assertThat(viewer.titles()).containsExactly("Here for three days");
        clock().advance(Duration.ofHours(1));
        assertThat(viewer.titles()).isEmpty();
        assertThat(poster.board().mine()).isNull();
        assertThat(poster.refused(id -> new ClientMessage.BoardBump(id, poster.persona().id())).code()).isEqualTo("not_found");
        assertThat(poster.refused(id -> new ClientMessage.BoardRemove(id, poster.persona().id())).code()).isEqualTo("not_found");
        Views.Ad again = poster.post("Back again", "general");
        assertThat(again.id()).isNotEqualTo(ad.id());
        assertThat(viewer.titles()).containsExactly("Back again");
        assertThat(poster.request(id -> new ClientMessage.BoardRemove(id, poster.persona().id()))).isInstanceOf(ServerMessage.Ok.class);
        assertThat(viewer.titles()).isEmpty();
    }

    @Test
    void blocksHideAdsBothWaysAndMutesHideTheMutedOnesAds() {
        emptyBoard();
        Member ivy = member("Ivy");
        Member jay = member("Jay");
        Member kit = member("Kit");
        ivy.post("Ivy's ad", "general");
        jay.post("Jay's ad", "general");
        kit.request(id -> new ClientMessage.Block(id, ivy.persona().id(), BlockScope.ACCOUNT));
        assertThat(kit.titles()).containsExactly("Jay's ad");
        kit.post("Kit's ad", "general");
        // The blocked side does not see the blocker's ad either, and is not told why.
        assertThat(ivy.titles()).containsExactlyInAnyOrder("Jay's ad");
        assertThat(ivy.refused(id -> new ClientMessage.ReportAd(id, ivy.persona().id(), kit.board().mine().id(), "spam", null)).code())
                .isEqualTo("not_found");
        kit.request(id -> new ClientMessage.Unblock(id, ivy.persona().id()));
        assertThat(ivy.titles()).containsExactlyInAnyOrder("Jay's ad", "Kit's ad");
        kit.request(id -> new ClientMessage.Mute(id, jay.persona().id()));
        assertThat(kit.titles()).containsExactly("Ivy's ad");
        // A mute is Kit's alone: Jay still sees Kit's ad.
        assertThat(jay.titles()).contains("Kit's ad");
    }

    @Test
    void adultAdsNeedTheAdultOptInToPostAndToSee() {
        emptyBoard();
        Member poster = member("Velvet");
        Member optedIn = member("Grown");
        Member not = member("Careful");
        assertThat(poster.refused(id -> new ClientMessage.BoardPost(id, poster.persona().id(), "After dark", "", List.of(), "adult")).code())
                .isEqualTo("adult_area");
        assertThat(poster.board().mine()).isNull();
        poster.optInToAdult();
        poster.post("After dark", "adult");
        Member mature = member("Mature");
        mature.post("Grown-up themes", "mature");
        assertThat(not.titles()).containsExactly("Grown-up themes");
        optedIn.optInToAdult();
        assertThat(optedIn.titles()).containsExactlyInAnyOrder("Grown-up themes", "After dark");
    }

    @Test
    void anAdIsReportedWithTheServersCopyAndAModeratorTakesItDownAudited() {
        emptyBoard();
        Member poster = member("Spammer");
        Member reporter = member("Reporter");
        Member moderator = moderator("Moderator");
        Views.Ad ad = poster.post("Buy followers", "general");
        Views.Report report = ((ServerMessage.ReportFiled) reporter.request(id -> new ClientMessage.ReportAd(id, reporter.persona().id(),
                ad.id(), "spam", "a paid link"))).report();
        assertThat(report.kind()).isEqualTo("ad");
        assertThat(report.text()).isEqualTo("Buy followers\n\nWrite to me.");
        assertThat(report.reported().id()).isEqualTo(poster.persona().id());
        assertThat(reporter.refused(id -> new ClientMessage.ReportAd(id, reporter.persona().id(), "nosuchad", "spam", null)).code())
                .isEqualTo("not_found");

        assertThat(reporter.refused(id -> new ClientMessage.ModAct(id, "remove-ad", poster.persona().id(), null, null, "spam", null, null))
                .code()).isEqualTo("forbidden");
        assertThat(moderator.request(id -> new ClientMessage.ModAct(id, "remove-ad", poster.persona().id(), null, null, "spam",
                report.id(), null))).isInstanceOf(ServerMessage.Ok.class);
        assertThat(reporter.titles()).isEmpty();
        assertThat(poster.board().mine()).isNull();
        assertThat(moderator.refused(id -> new ClientMessage.ModAct(id, "remove-ad", poster.persona().id(), null, null, "again", null, null))
                .code()).isEqualTo("not_found");
        var audit = (ServerMessage.Audit) moderator.request(id -> new ClientMessage.ModAudit(id, 5));
        assertThat(audit.entries().getFirst().action()).startsWith("remove-ad");
        assertThat(audit.entries().getFirst().target()).contains(poster.persona().id());
        var queue = (ServerMessage.Reports) moderator.request(id -> new ClientMessage.ModReports(id, true));
        assertThat(queue.reports()).filteredOn(filed -> filed.id().equals(report.id())).extracting(Views.Report::status)
                .containsExactly("actioned");
    }

    @Test
    void aModeratorMutedAccountMayNotPostOrBump() {
        emptyBoard();
        Member quiet = member("Hushed");
        Member moderator = moderator("Warden");
        quiet.post("Before the mute", "general");
        moderator.request(id -> new ClientMessage.ModAct(id, "mute", quiet.persona().id(), null, 1, "spam", null, null));
        assertThat(quiet.refused(id -> new ClientMessage.BoardPost(id, quiet.persona().id(), "During", "", List.of(), "general")).code())
                .isEqualTo("muted");
        assertThat(quiet.refused(id -> new ClientMessage.BoardBump(id, quiet.persona().id())).code()).isEqualTo("muted");
    }

    @Test
    void theAdOfABannedPersonaOrSuspendedAccountLeavesTheBoard() {
        emptyBoard();
        Member banned = member("Banned");
        Member suspended = member("Suspended");
        Member viewer = member("Onlooker");
        Member moderator = moderator("Judge");
        banned.post("Banned soon", "general");
        suspended.post("Suspended soon", "general");
        assertThat(viewer.titles()).containsExactlyInAnyOrder("Banned soon", "Suspended soon");
        moderator.request(id -> new ClientMessage.ModAct(id, "ban", banned.persona().id(), "persona", null, "scam", null, null));
        moderator.request(id -> new ClientMessage.ModAct(id, "suspend", suspended.persona().id(), null, 24, "scam", null, null));
        assertThat(viewer.titles()).isEmpty();
    }

    @Test
    void badInputIsRefusedWithATypedErrorAndPostsNothing() {
        emptyBoard();
        Member poster = member("Careless");
        Member other = member("Other");
        String persona = poster.persona().id();
        assertThat(poster.refused(id -> new ClientMessage.BoardPost(id, persona, "Hi", "", List.of("no-such-topic"), "general")).code())
                .isEqualTo("unknown_topic");
        assertThat(poster.refused(id -> new ClientMessage.BoardPost(id, other.persona().id(), "Hi", "", List.of(), "general")).code())
                .isEqualTo("not_your_persona");
        assertThat(poster.refused(id -> new ClientMessage.BoardList(id, other.persona().id())).code()).isEqualTo("not_your_persona");
        assertThat(poster.refused(id -> new ClientMessage.BoardRemove(id, other.persona().id())).code()).isEqualTo("not_your_persona");
        List<String> frames = List.of(
                "{\"type\":\"board.post\",\"id\":\"b1\",\"persona\":\"" + persona + "\",\"text\":\"\",\"topics\":[],\"rating\":\"general\"}",
                "{\"type\":\"board.post\",\"id\":\"b2\",\"persona\":\"" + persona + "\",\"title\":\"" + "t".repeat(81)
                        + "\",\"topics\":[],\"rating\":\"general\"}",
                "{\"type\":\"board.post\",\"id\":\"b3\",\"persona\":\"" + persona + "\",\"title\":\"Hi\",\"text\":\"" + "x".repeat(2_001)
                        + "\",\"topics\":[],\"rating\":\"general\"}",
                "{\"type\":\"board.post\",\"id\":\"b4\",\"persona\":\"" + persona + "\",\"title\":\"Hi\",\"topics\":[],\"rating\":\"spicy\"}",
                "{\"type\":\"board.post\",\"id\":\"b5\",\"persona\":\"" + persona + "\",\"title\":\"Hi\",\"topics\":[\"humour\",\"humour\"],\"rating\":\"general\"}",
                "{\"type\":\"board.post\",\"id\":\"b6\",\"persona\":\"" + persona + "\",\"title\":\"Hi\",\"topics\":\"humour\",\"rating\":\"general\"}",
                "{\"type\":\"board.post\",\"id\":\"b7\",\"persona\":\"" + persona + "\",\"title\":\"  \",\"topics\":[],\"rating\":\"general\"}",
                "{\"type\":\"board.list\",\"id\":\"b8\",\"persona\":\"" + persona + "\",\"extra\":1}",
                "{\"type\":\"board.bump\",\"id\":\"b9\"}",
                "{\"type\":\"board.post\",\"id\":\"b10\",\"persona\":\"" + persona + "\",\"title\":\"Two\\nlines\",\"topics\":[],\"rating\":\"general\"}");
        for (int i = 0; i < frames.size(); i++) {
            poster.wire().sendJson(frames.get(i));
            String expected = "b" + (i + 1);
            ServerMessage.Error error = poster.wire().expect(ServerMessage.Error.class, refusal -> expected.equals(refusal.id()));
            assertThat(error.code()).as(frames.get(i)).isEqualTo("invalid_message");
        }
        assertThat(poster.board().mine()).isNull();
        assertThat(other.titles()).isEmpty();
    }

    @Test
    void postingPastTheHourlyLimitIsRefusedAndChangesNothing() {
        emptyBoard();
        Member eager = member("Eager");
        int allowed = Integer.parseInt(ADS_PER_HOUR);
        for (int i = 1; i <= allowed; i++) eager.post("Edit " + i, "general");
        ServerMessage.Error limited = eager.refused(id -> new ClientMessage.BoardPost(id, eager.persona().id(), "One more", "", List.of(),
                "general"));
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(limited.retryAfterMs()).isPositive();
        assertThat(eager.board().mine().title()).isEqualTo("Edit " + allowed);
    }

    @Test
    void theInvitationFromAnAdProposesTheAdsTopics() {
        emptyBoard();
        Member poster = member("Lighthouse");
        Member answering = member("Answering");
        Views.Ad ad = poster.post("Tea at the lighthouse", "general", "romance", "check-ins");
        Views.Ad seen = answering.board().ads().getFirst();
        assertThat(seen.id()).isEqualTo(ad.id());
        // Answering an ad is the invitation flow: a scene from a device, and an invitation with the ad's topics.
        String signatureKey = Base64.getEncoder().encodeToString(BcMls.create().signatureKey());
        String device = ((ServerMessage.DeviceRegistered) answering.request(id -> new ClientMessage.DeviceRegister(id, signatureKey)))
                .device().id();
        answering.request(id -> new ClientMessage.DeviceAttach(id, device));
        Views.Scene scene = ((ServerMessage.SceneInfo) answering.request(id -> new ClientMessage.SceneCreate(id, answering.persona().id())))
                .scene();
        Views.Invitation sent = ((ServerMessage.InvitationInfo) answering.request(id -> new ClientMessage.SceneInvite(id, scene.id(),
                answering.persona().id(), seen.persona().id(), "Saw your ad", seen.topics(), null))).invitation();
        assertThat(sent.topics()).containsExactly("romance", "check-ins");
        Views.Invitation received = poster.wire().expect(ServerMessage.InvitationReceived.class).invitation();
        assertThat(received.id()).isEqualTo(sent.id());
        assertThat(received.topics()).containsExactlyElementsOf(ad.topics());
        assertThat(received.matches()).extracting(Views.TopicMatch::topic).containsExactly("romance", "check-ins");
    }
}
