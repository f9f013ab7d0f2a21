package org.tryst;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.tryst.storage.Sql;
import org.tryst.wellbeing.Wellbeing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * What an operator may know of a person's own limits: whether the account excluded itself, and
 * until when, to answer "why can I not log in". There is deliberately no command that lifts or
 * shortens an exclusion, and none that shows a person's budget, quiet hours or usage.
 */
@Command(name = "exclusion", description = "Show whether an account excluded itself, and until when. Nothing can lift it early.")
final class AdminWellbeing extends AdminModeration.OnDatabase {
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Override
    int run(Sql sql) {
        String key = username.strip().toLowerCase(Locale.ROOT);
        var account = sql.withHandle(handle -> handle.createQuery("SELECT id FROM accounts WHERE username = :username")
                .bind("username", key).mapTo(String.class).findOne());
        if (account.isEmpty()) {
            System.out.println("no account named " + key);
            return 1;
        }
        System.out.println(Wellbeing.exclusionOf(sql, account.get(), Clock.systemUTC())
                .map(until -> key + " excluded itself until " + Instant.ofEpochMilli(until) + "; nobody can lift it early")
                .orElse(key + " is not excluded"));
        return 0;
    }
}
