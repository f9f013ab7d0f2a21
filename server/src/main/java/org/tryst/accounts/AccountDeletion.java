package org.tryst.accounts;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.tryst.cluster.Audience;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.personas.PersonaDeletion;
import org.tryst.personas.Personas;
import org.tryst.protocol.CloseCodes;
import org.tryst.safety.Blocks;
import org.tryst.storage.Sql;

/**
 * Deleting an account with everything it holds, whether the person asks or an operator does from
 * the command line: each persona is let go by every capability first, then the account goes with
 * its rows, and every socket of it closes on every process.
 */
public final class AccountDeletion {
    private final Sql sql;
    private final Accounts accounts;
    private final Personas personas;
    private final PersonaDeletion deletion;
    private final Blocks blocks;
    private final Delivery delivery;

    public AccountDeletion(Sql sql, Accounts accounts, Personas personas, PersonaDeletion deletion, Blocks blocks, Delivery delivery) {
        this.sql = sql;
        this.accounts = accounts;
        this.personas = personas;
        this.deletion = deletion;
        this.blocks = blocks;
        this.delivery = delivery;
    }

    /** Deletes the account now; its sockets close, but for {@code exceptSocket} (null: none), which the caller closes itself. */
    public void delete(String accountId, String exceptSocket) {
        personas.of(accountId).forEach(deletion::delete);
        accounts.delete(accountId);
        blocks.forget(accountId);
        delivery.publish(new Event.Close(new Audience.Account(accountId), null, CloseCodes.SESSION_ENDED, "account deleted", exceptSocket));
    }

    /**
     * Carries out the deletions operators asked for from the command line. Processes sweeping at
     * the same moment may both find one; deleting what is gone already does nothing more.
     */
    public void sweep() {
        List<String> asked = sql.withHandle(handle -> handle.createQuery("SELECT account_id FROM account_deletions")
                .mapTo(String.class).list());
        asked.forEach(account -> delete(account, null));
    }

    /** Asked from the command line, in its transaction: the sessions end now, and a running server deletes the rest. */
    public static void request(Handle handle, String accountId, long now) {
        handle.createUpdate("INSERT INTO account_deletions (account_id, requested_at) VALUES (:account, :now) ON CONFLICT DO NOTHING")
                .bind("account", accountId).bind("now", now).execute();
        Sessions.endAll(handle, accountId);
    }
}
