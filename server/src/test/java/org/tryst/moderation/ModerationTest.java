package org.tryst.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * Moderation as the server enforces it, spoken in raw protocol: only moderators and operators see
 * the queue and act; mutes, suspensions, bans and closed channels hold whatever the client does;
 * decisions taken with {@code ./tryst admin} reach a running server; every decision is audited.
 */
class ModerationTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite().with("TRYST_MODERATION_SWEEP_SECONDS", "1");

    static Member moderator() {
        Member made = Member.join(server, "Mod");
        assertThat(server.admin("role", made.user().username(), "moderator")).isZero();
        Member again = made.reconnect();
        made.wire().close();
        return again;
    }

    static ClientMessage act(String id, String action, String target, Integer hours, String report) {
        return new ClientMessage.ModAct(id, action, target, null, hours, "see report", report, null);
    }

    @Test
    void membersAreRefusedTheModeratorsMessages() {
        Member alice = Member.join(server, "Alice");
        assertThat(alice.refusal(id -> new ClientMessage.ModReports(id, null))).isEqualTo("forbidden");
        assertThat(alice.refusal(id -> new ClientMessage.ModAudit(id, null))).isEqualTo("forbidden");
        assertThat(alice.refusal(id -> act(id, "ban", alice.persona().id(), null, null))).isEqualTo("forbidden");
        Member mod = moderator();
        String id = mod.wire().nextId();
        mod.wire().send(new ClientMessage.ModReports(id, true));
        assertThat(mod.wire().expect(ServerMessage.Reports.class)).isNotNull();
        // A moderator does not act on an operator's account.
        Member operator = Member.join(server, "Op");
        assertThat(server.admin("role", operator.user().username(), "operator")).isZero();
        assertThat(mod.refusal(i -> act(i, "suspend", operator.persona().id(), 1, null))).isEqualTo("forbidden");
    }

    @Test
    void aChannelReportCarriesTheServersCopyAndAModeratorMutesTheAccountItNames() {
        Member alice = Member.join(server, "Alice");
        Member bob = Member.join(server, "Bob");
        Member outsider = Member.join(server, "Olga");
        String channel = "report-" + TestServer.uniqueName("c").toLowerCase();
        alice.joinChannel(channel);
        bob.joinChannel(channel);
        String line = ((ServerMessage.Sent) alice.say(channel, "buy followers now")).message();

        var filed = (ServerMessage.ReportFiled) bob.request(id -> new ClientMessage.ReportChannel(id, bob.persona().id(), channel, line, "spam", "again"));
        Views.Report report = filed.report();
        assertThat(report.text()).isEqualTo("buy followers now");
        assertThat(report.reported().id()).isEqualTo(alice.persona().id());
        assertThat(report.verification()).isEqualTo("verified");
        assertThat(report.why()).contains("server's own copy");
        assertThat(bob.refusal(id -> new ClientMessage.ReportChannel(id, bob.persona().id(), channel, "NoSuchMessage", "spam", null)))
                .isEqualTo("not_found");
        assertThat(outsider.refusal(id -> new ClientMessage.ReportChannel(id, outsider.persona().id(), channel, line, "spam", null)))
                .isEqualTo("not_member");

        Member mod = moderator();
        var queue = (ServerMessage.Reports) mod.request(id -> new ClientMessage.ModReports(id, null));
        assertThat(queue.reports()).filteredOn(r -> r.id().equals(report.id())).singleElement()
                .satisfies(r -> assertThat(r.reporter().id()).isEqualTo(bob.persona().id()));

        assertThat(mod.request(id -> act(id, "mute", alice.persona().id(), 2, report.id()))).isInstanceOf(ServerMessage.Ok.class);
        assertThat(alice.wire().expect(ServerMessage.Notice.class).kind()).isEqualTo("muted");
        assertThat(((ServerMessage.Error) alice.say(channel, "and again")).code()).isEqualTo("muted");
        assertThat(alice.refusal(id -> new ClientMessage.Pose(id, alice.persona().id(), channel, "shouts"))).isEqualTo("muted");
        assertThat(alice.refusal(id -> new ClientMessage.SceneInvite(id, "AnyScene", alice.persona().id(), bob.persona().id(), null)))
                .isEqualTo("muted");
        assertThat(((ServerMessage.Reports) bob.request(ClientMessage.ReportList::new)).reports())
                .filteredOn(r -> r.id().equals(report.id())).singleElement().extracting(Views.Report::status).isEqualTo("actioned");

        assertThat(mod.request(id -> act(id, "unmute", alice.persona().id(), null, null))).isInstanceOf(ServerMessage.Ok.class);
        assertThat(alice.say(channel, "sorry")).isInstanceOf(ServerMessage.Sent.class);

        var audit = (ServerMessage.Audit) mod.request(id -> new ClientMessage.ModAudit(id, 10));
        assertThat(audit.intact()).isTrue();
        assertThat(audit.entries()).extracting(Views.AuditEntry::action).startsWith("unmute", "mute 2h (report " + report.id() + ")");
        assertThat(audit.entries().getFirst().actor()).startsWith(mod.user().username());
    }

    @Test
    void suspendedAndBannedAccountsCannotLogInOrKeepTheirSockets() {
        Member alice = Member.join(server, "Alice");
        Member mod = moderator();
        long before = System.currentTimeMillis();
        assertThat(mod.request(id -> act(id, "suspend", alice.persona().id(), 24, null))).isInstanceOf(ServerMessage.Ok.class);
        ServerMessage.Notice why = alice.wire().expect(ServerMessage.Notice.class);
        assertThat(why.kind()).isEqualTo("suspended");
        assertThat(why.text()).isEqualTo("see report");
        assertThat(why.until()).isBetween(before + Duration.ofHours(24).toMillis(), System.currentTimeMillis() + Duration.ofHours(24).toMillis());
        ServerMessage.Error refusal = alice.wire().expect(ServerMessage.Error.class);
        assertThat(refusal.code()).isEqualTo("suspended");
        assertThat(refusal.message()).startsWith("this account is suspended until ");
        assertThat(alice.wire().closeCode(Duration.ofSeconds(10))).isEqualTo(4001);
        assertThat(login(alice)).satisfies(response -> {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("\"suspended\"");
        });
        assertThat(server.post("/api/tickets", Map.of(), alice.user().token()).statusCode()).isEqualTo(401);

        assertThat(mod.request(id -> act(id, "unsuspend", alice.persona().id(), null, null))).isInstanceOf(ServerMessage.Ok.class);
        assertThat(login(alice).statusCode()).isEqualTo(200);

        // The command line works on the database; the running server notices and closes the socket.
        Member back = Member.join(server, "Alicia");
        // A persona named as it looks, in full-width letters, is found as its stored name.
        assertThat(server.admin("warn", "\uFF21" + back.persona().name().substring(1), "--persona", "--reason", "wide")).isZero();
        assertThat(back.wire().expect(ServerMessage.Notice.class).text()).isEqualTo("wide");
        assertThat(server.admin("ban", back.user().username(), "--reason", "threats")).isZero();
        assertThat(back.wire().expect(ServerMessage.Notice.class)).satisfies(banned -> {
            assertThat(banned.kind()).isEqualTo("banned");
            assertThat(banned.text()).isEqualTo("threats");
            assertThat(banned.until()).isNull();
        });
        assertThat(back.wire().expect(ServerMessage.Error.class).code()).isEqualTo("banned");
        assertThat(back.wire().closeCode(Duration.ofSeconds(10))).isEqualTo(4001);
        assertThat(login(back).body()).contains("\"banned\"");
        assertThat(server.admin("unban", back.user().username())).isZero();
        assertThat(login(back).statusCode()).isEqualTo(200);
        // A suspension from the command line needs its hours, and is lifted the same way.
        assertThat(server.admin("suspend", back.user().username())).isEqualTo(2);
        assertThat(login(back).statusCode()).isEqualTo(200);
        assertThat(server.admin("suspend", back.user().username(), "--hours", "1", "--reason", "cool down")).isZero();
        assertThat(login(back).body()).contains("\"suspended\"");
        assertThat(server.admin("unsuspend", back.user().username())).isZero();
        assertThat(login(back).statusCode()).isEqualTo(200);
    }

    @Test
    void aMuteFromTheCommandLineIsShownOnTheAccountsSocketsOnce() {
        Member quiet = Member.join(server, "Hushed");
        assertThat(server.admin("mute", quiet.user().username(), "--hours", "2", "--reason", "flooding")).isZero();
        ServerMessage.Notice notice = quiet.wire().expect(ServerMessage.Notice.class);
        assertThat(notice.kind()).isEqualTo("muted");
        assertThat(notice.until()).isNotNull();
        quiet.joinChannel("hush-" + TestServer.uniqueName("c").toLowerCase());
        quiet.wire().expectNothing(Duration.ofMillis(2_500));
    }

    @Test
    void aBannedPersonaLeavesItsChannelsAndCannotBeUsedWhileItsAccountCarriesOn() {
        Member alice = Member.join(server, "Alice");
        Member bob = Member.join(server, "Bob");
        String channel = "ban-" + TestServer.uniqueName("c").toLowerCase();
        alice.joinChannel(channel);
        bob.joinChannel(channel);
        Member mod = moderator();
        assertThat(mod.request(id -> new ClientMessage.ModAct(id, "ban", alice.persona().id(), "persona", null, "impersonation", null, null)))
                .isInstanceOf(ServerMessage.Ok.class);
        assertThat(bob.wire().expect(ServerMessage.MemberLeft.class, left -> left.persona().equals(alice.persona().id())).reason())
                .isEqualTo("banned");
        assertThat(alice.refusal(id -> new ClientMessage.PersonaUse(id, alice.persona().id()))).isEqualTo("banned");
        assertThat(((ServerMessage.Error) alice.say(channel, "still here?")).code()).isEqualTo("banned");
        Views.Persona other = TestServer.persona(alice.wire(), "Other");
        assertThat(alice.request(id -> new ClientMessage.ChannelJoin(id, other.id(), channel))).isInstanceOf(ServerMessage.ChannelJoined.class);
        var members = (ServerMessage.Members) bob.request(id -> new ClientMessage.MembersList(id, channel));
        assertThat(members.members()).extracting(Views.Member::id).doesNotContain(alice.persona().id());
    }

    @Test
    void warningsReachTheAccountLiveOrAtItsNextHello() {
        Member alice = Member.join(server, "Alice");
        Member mod = moderator();
        mod.request(id -> new ClientMessage.ModAct(id, "warn", alice.persona().id(), null, null, "keep it civil", null, null));
        ServerMessage.Notice live = alice.wire().expect(ServerMessage.Notice.class);
        assertThat(live.kind()).isEqualTo("warning");
        assertThat(live.text()).isEqualTo("keep it civil");

        alice.wire().close();
        assertThat(server.admin("warn", alice.user().username(), "--reason", "second warning")).isZero();
        Member later = alice.reconnect();
        assertThat(later.wire().expect(ServerMessage.Notice.class).text()).isEqualTo("second warning");
    }

    @Test
    void anOwnerOrAModeratorClosesAChannelAndNobodyPostsInIt() {
        Member owner = Member.join(server, "Owner");
        Member guest = Member.join(server, "Guest");
        String channel = "close-" + TestServer.uniqueName("c").toLowerCase();
        owner.joinChannel(channel);
        guest.joinChannel(channel);
        assertThat(guest.refusal(id -> new ClientMessage.ModAct(id, "close", channel, null, null, null, null, guest.persona().id())))
                .isEqualTo("forbidden");
        assertThat(owner.request(id -> new ClientMessage.ModAct(id, "close", channel, null, null, "done here", null, owner.persona().id())))
                .isInstanceOf(ServerMessage.Ok.class);
        assertThat(guest.wire().expect(ServerMessage.ChannelClosed.class).channel()).isEqualTo(channel);
        assertThat(((ServerMessage.Error) guest.say(channel, "hello?")).code()).isEqualTo("channel_closed");
        assertThat(guest.refusal(id -> new ClientMessage.ChannelJoin(id, guest.persona().id(), channel))).isEqualTo("channel_closed");
        var listed = (ServerMessage.Channels) guest.request(ClientMessage.ChannelList::new);
        assertThat(listed.channels()).extracting(Views.Channel::name).doesNotContain(channel);

        assertThat(server.admin("close", channel, "--reopen")).isZero();
        assertThat(guest.say(channel, "back")).isInstanceOf(ServerMessage.Sent.class);
    }

    private static HttpResponse<String> login(Member member) {
        return server.post("/api/login", Map.of("username", member.user().username(), "password", TestServer.PASSWORD), null);
    }
}
