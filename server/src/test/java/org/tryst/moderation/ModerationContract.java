package org.tryst.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/** Reports, the queue, a mute, a persona ban and the audit log, on PostgreSQL (whose SQL must match SQLite's) and on two processes. */
abstract class ModerationContract {
    abstract TestServer server();

    @Test
    void aReportedAccountIsMutedAPersonaBannedAndBothAudited() throws Exception {
        TestServer server = server();
        Member alice = Member.join(server, "Alice");
        Member bob = Member.join(server, "Bob");
        alice.joinChannel("pg-lobby");
        bob.joinChannel("pg-lobby");
        String line = ((ServerMessage.Sent) alice.say("pg-lobby", "spam")).message();
        Views.Report report = ((ServerMessage.ReportFiled) bob.request(id -> new ClientMessage.ReportChannel(id, bob.persona().id(),
                "pg-lobby", line, "spam", null))).report();

        Member mod = Member.join(server, "Mod");
        try (var sql = server.database(); var update = sql.prepareStatement("UPDATE accounts SET role = 'moderator' WHERE username = ?")) {
            update.setString(1, mod.user().username());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        Member desk = mod.reconnect();
        assertThat(((ServerMessage.Reports) desk.request(id -> new ClientMessage.ModReports(id, true))).reports())
                .extracting(Views.Report::id).contains(report.id());
        desk.request(id -> new ClientMessage.ModAct(id, "mute", alice.persona().id(), null, 1, "spam", report.id(), null));
        // What the muted account is told comes after the decision reached its process, wherever that is.
        alice.wire().expect(ServerMessage.Notice.class, notice -> notice.kind().equals("muted"));
        assertThat(((ServerMessage.Error) alice.say("pg-lobby", "more")).code()).isEqualTo("muted");
        desk.request(id -> new ClientMessage.ModAct(id, "unmute", alice.persona().id(), null, null, null, null, null));
        assertThat(alice.say("pg-lobby", "sorry")).isInstanceOf(ServerMessage.Sent.class);
        desk.request(id -> new ClientMessage.ModAct(id, "ban", alice.persona().id(), "persona", null, "impersonation", null, null));
        alice.wire().expect(ServerMessage.MemberLeft.class, left -> left.reason().equals("banned"));
        assertThat(alice.refusal(id -> new ClientMessage.PersonaUse(id, alice.persona().id()))).isEqualTo("banned");

        var audit = (ServerMessage.Audit) desk.request(id -> new ClientMessage.ModAudit(id, null));
        assertThat(audit.intact()).isTrue();
        assertThat(audit.entries()).extracting(Views.AuditEntry::action).containsExactly("ban", "unmute", "mute 1h (report " + report.id() + ")");
        assertThat(((ServerMessage.Reports) bob.request(ClientMessage.ReportList::new)).reports().getFirst().status()).isEqualTo("actioned");
    }
}
