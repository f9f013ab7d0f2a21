package org.tryst.moderation;

import org.tryst.cluster.Caller;
import org.tryst.personas.Acting;
import org.tryst.protocol.ClientMessage.*;
import org.tryst.protocol.ServerMessage;
import org.tryst.requests.Answer;
import org.tryst.requests.Handler;

/** Answers reports filed by members and moderators' work on them. */
public final class ModerationRequests implements Handler<ModerationRequest> {
    private final Reports reports;
    private final Moderators moderators;
    private final Acting acting;

    public ModerationRequests(Reports reports, Moderators moderators, Acting acting) {
        this.reports = reports;
        this.moderators = moderators;
        this.acting = acting;
    }

    @Override
    public Answer answer(ModerationRequest request, Caller caller) {
        String account = caller.accountId();
        return switch (request) {
            case ReportScene m -> Answer.now(new ServerMessage.ReportFiled(m.id(), reports.scene(acting.mine(caller, m.persona()), m)));
            case ReportChannel m -> Answer.now(new ServerMessage.ReportFiled(m.id(), reports.channel(acting.mine(caller, m.persona()), m)));
            case ReportWorld m -> Answer.now(new ServerMessage.ReportFiled(m.id(), reports.world(acting.mine(caller, m.persona()), m)));
            case ReportAd m -> Answer.now(new ServerMessage.ReportFiled(m.id(), reports.ad(acting.mine(caller, m.persona()), m)));
            case ReportList m -> Answer.now(new ServerMessage.Reports(m.id(), reports.mine(account)));
            case ModReports m -> Answer.now(moderators.queue(account, m));
            case ModAudit m -> Answer.now(moderators.audit(account, m));
            case ModAct m -> {
                moderators.act(account, m);
                yield Answer.ok(m.id());
            }
        };
    }
}
