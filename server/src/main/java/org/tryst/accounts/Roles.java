package org.tryst.accounts;

import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/** Gives and takes the operator role; used by the operator's command line. */
public final class Roles {
    private final Jdbi jdbi;

    public Roles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Sets an account's role; false when there is no such account. */
    public boolean set(String username, Account.Role role) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE accounts SET role = :role WHERE username = :username")
                .bind("role", role.name().toLowerCase(Locale.ROOT))
                .bind("username", username.strip().toLowerCase(Locale.ROOT)).execute()) == 1;
    }
}
