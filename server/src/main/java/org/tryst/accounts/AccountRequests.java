package org.tryst.accounts;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.cluster.Audience;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.personas.PersonaDeletion;
import org.tryst.personas.Personas;
import org.tryst.protocol.ClientMessage.*;
import org.tryst.protocol.CloseCodes;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.requests.Answer;
import org.tryst.requests.Handler;
import org.tryst.safety.Blocks;

/** Answers the requests about the account itself: its sessions, its password, its deletion. */
public final class AccountRequests implements Handler<AccountRequest> {
    private static final Logger log = LoggerFactory.getLogger(AccountRequests.class);

    private final Accounts accounts;
    private final Sessions sessions;
    private final Personas personas;
    private final PersonaDeletion deletion;
    private final Blocks blocks;
    private final Delivery delivery;
    private final SecondFactors secondFactors;

    public AccountRequests(Accounts accounts, Sessions sessions, Personas personas, PersonaDeletion deletion, Blocks blocks,
                           Delivery delivery, SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.accounts = accounts;
        this.sessions = sessions;
        this.personas = personas;
        this.deletion = deletion;
        this.blocks = blocks;
        this.delivery = delivery;
    }

    @Override
    public Answer answer(AccountRequest request, Caller caller) {
        String account = caller.accountId();
        return switch (request) {
            case SessionsList m -> Answer.now(new ServerMessage.Sessions(m.id(), sessions.list(account).stream()
                    .map(s -> new Views.Session(s.id(), s.createdAt(), s.lastSeenAt(), s.expiresAt(), s.userAgent(),
                            s.id().equals(caller.sessionId())))
                    .toList()));
            case SessionRevoke m -> {
                sessions.revoke(account, m.session());
                yield endSessions(caller, m.id(), List.of(m.session()));
            }
            case LogoutEverywhere m -> endSessions(caller, m.id(), sessions.revokeAll(account, null));
            case PasswordChange m -> {
                accounts.changePassword(account, m.current(), m.next());
                yield endSessions(caller, m.id(), sessions.revokeAll(account, caller.sessionId()));
            }
            case AccountDelete m -> delete(caller, m);
            case SecurityShow m -> Answer.now(security(m.id(), account));
            case TotpBegin m -> {
                accounts.requireFreshProof(account, m.password(), m.code(), caller.address());
                SecondFactors.Setup setup = secondFactors.begin(account, accounts.byId(account).username());
                yield Answer.now(new ServerMessage.TotpSetup(m.id(), setup.secret(), setup.address()));
            }
            case TotpConfirm m -> {
                accounts.confirmTotp(account, m.code(), caller.address());
                log.atInfo().addKeyValue("connection", caller.logId()).log("second factor turned on");
                yield Answer.now(security(m.id(), account));
            }
            case TotpOff m -> {
                accounts.requireFreshProof(account, m.password(), m.code(), caller.address());
                secondFactors.turnOff(account);
                log.atInfo().addKeyValue("connection", caller.logId()).log("second factor turned off");
                yield Answer.now(security(m.id(), account));
            }
            case RecoveryRenew m -> {
                accounts.requireFreshProof(account, m.password(), m.code(), caller.address());
                yield Answer.now(new ServerMessage.RecoveryCodes(m.id(), secondFactors.newRecoveryCodes(account)));
            }
        };
    }

    private ServerMessage.Security security(String requestId, String account) {
        return new ServerMessage.Security(requestId, secondFactors.totpOn(account), secondFactors.recoveryCodesLeft(account));
    }

    /** Ends sessions on every process; when the caller's own is among them, answers it last and closes it. */
    private Answer endSessions(Caller caller, String requestId, List<String> ended) {
        ServerMessage why = new ServerMessage.Error(null, ErrorCode.SESSION_INVALID.wire(), "session ended", null);
        ended.forEach(session -> delivery.publish(new Event.Close(new Audience.Session(session), why, CloseCodes.SESSION_ENDED,
                "session ended", caller.id())));
        if (!ended.contains(caller.sessionId())) return Answer.ok(requestId);
        return new Answer.Closing(new ServerMessage.Ok(requestId), CloseCodes.SESSION_ENDED, "session ended");
    }

    /** Deletes the account with everything it holds, and closes its sockets on every process. */
    private Answer delete(Caller caller, AccountDelete request) {
        String account = caller.accountId();
        accounts.requirePassword(account, request.password());
        personas.of(account).forEach(deletion::delete);
        accounts.delete(account);
        blocks.forget(account);
        log.atInfo().addKeyValue("connection", caller.logId()).log("account deleted");
        delivery.publish(new Event.Close(new Audience.Account(account), null, CloseCodes.SESSION_ENDED, "account deleted", caller.id()));
        return new Answer.Closing(new ServerMessage.Ok(request.id()), CloseCodes.SESSION_ENDED, "account deleted");
    }
}
