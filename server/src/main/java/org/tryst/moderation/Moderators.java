package org.tryst.moderation;

import java.util.Locale;
import java.util.Objects;
import org.tryst.accounts.Account;
import org.tryst.accounts.Accounts;
import org.tryst.personas.Persona;
import org.tryst.personas.Personas;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.channels.Channels;

/**
 * What moderators and operators ask over the socket: the report queue, their decisions, the audit
 * log. Everyone else is refused, except a channel's owner closing or reopening that channel.
 */
public final class Moderators {
    private final Accounts accounts;
    private final Personas personas;
    private final Channels channels;
    private final ReportStore reports;
    private final Moderation moderation;
    private final Enforcement enforcement;
    private final AuditLog audit;

    public Moderators(Accounts accounts, Personas personas, Channels channels, ReportStore reports, Moderation moderation,
                      Enforcement enforcement, AuditLog audit) {
        this.accounts = accounts;
        this.personas = personas;
        this.channels = channels;
        this.reports = reports;
        this.moderation = moderation;
        this.enforcement = enforcement;
        this.audit = audit;
    }

    public ServerMessage queue(String accountId, ClientMessage.ModReports request) {
        requireModerator(accountId);
        return new ServerMessage.Reports(request.id(), reports.queue(Boolean.TRUE.equals(request.all())).stream()
                .map(row -> row.view(true)).toList());
    }

    public ServerMessage audit(String accountId, ClientMessage.ModAudit request) {
        requireModerator(accountId);
        return new ServerMessage.Audit(request.id(), audit.newest(request.limit() == null ? 100 : request.limit()).stream()
                .map(AuditLog.Entry::view).toList(), audit.verify().intact());
    }

    /** Takes a decision and applies it on this server at once. */
    public void act(String accountId, ClientMessage.ModAct request) {
        Account actor = accounts.byId(accountId);
        boolean channelAction = request.action().equals("close") || request.action().equals("reopen");
        if (!(channelAction && request.report() == null && ownsChannel(accountId, request))) requireModerator(actor);
        Moderation.Target target = switch (request.action()) {
            case "close", "reopen" -> new Moderation.Target.Channel(request.target());
            case "dismiss" -> new Moderation.Target.None();
            default -> {
                Persona persona = personas.byId(request.target()).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no such persona"));
                if (accounts.byId(persona.accountId()).role() == Account.Role.OPERATOR && actor.role() != Account.Role.OPERATOR) {
                    throw new ProtocolException(ErrorCode.FORBIDDEN, "only operators act on an operator's account");
                }
                yield "persona".equals(request.scope()) || request.action().startsWith("remove-")
                        ? new Moderation.Target.Persona(persona.id(), persona.accountId(), persona.name())
                        : new Moderation.Target.Account(persona.accountId(), "of persona " + persona.name() + " (" + persona.id() + ")");
            }
        };
        if ("persona".equals(request.scope()) && !request.action().endsWith("ban") && !request.action().startsWith("remove-")) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "only ban, unban, remove-avatar and remove-ad take scope persona");
        }
        String who = actor.username() + " (" + actor.role().name().toLowerCase(Locale.ROOT) + ")";
        Moderation.Done done = moderation.decide(who, new Moderation.Decision(request.action(), target, request.hours(), request.reason(),
                request.report()));
        Persona now = done.personaId() == null ? null : personas.changed(done.personaId());
        enforcement.applied(done);
        if (done.action().equals("remove-avatar") && now != null) channels.pictureChanged(now);
    }

    private boolean ownsChannel(String accountId, ClientMessage.ModAct request) {
        if (request.persona() == null) return false;
        Persona persona = personas.owned(accountId, request.persona());
        return Objects.equals(channels.ownerOf(request.target()), persona.id());
    }

    private void requireModerator(String accountId) {
        requireModerator(accounts.byId(accountId));
    }

    private static void requireModerator(Account account) {
        if (!account.role().moderates()) throw new ProtocolException(ErrorCode.FORBIDDEN, "only moderators and operators may do this");
    }
}
