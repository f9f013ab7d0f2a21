package org.tryst.accounts;

import java.util.Locale;
import org.tryst.storage.Sql;

/** Gives and takes the operator and moderator roles; used by the operator's command line. */
public final class Roles {
    private final Sql sql;

    public Roles(Sql sql) {
        this.sql = sql;
    }

    /** Sets an account's role; false when there is no such account. */
    public boolean set(String username, Account.Role role) {
        return sql.withHandle(handle -> handle.createUpdate("UPDATE accounts SET role = :role WHERE username = :username")
                .bind("role", role.name().toLowerCase(Locale.ROOT))
                .bind("username", username.strip().toLowerCase(Locale.ROOT)).execute()) == 1;
    }
}
