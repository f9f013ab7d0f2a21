package org.tryst.bench.wire;

import java.io.IOException;
import java.net.URI;
import java.util.function.IntPredicate;

/**
 * Tryst's own protocol, used as a real client uses it: an account registered over HTTP, a
 * single-use ticket fetched before every connect, {@code hello}, then a persona per connection
 * that joins its channel. Accounts are made up front, {@code personasPerAccount} connections
 * to an account, since each registration costs an Argon2id hash on the server.
 */
public final class TrystDialect implements Dialect {
    private final TrystAccounts accounts;
    private final int personasPerAccount;
    /** Which connections count the channel messages they receive as deliveries. */
    private final IntPredicate hears;

    public TrystDialect(int port, int personasPerAccount) {
        this(new TrystAccounts(port), personasPerAccount, index -> true);
    }

    private TrystDialect(TrystAccounts accounts, int personasPerAccount, IntPredicate hears) {
        this.accounts = accounts;
        this.personasPerAccount = personasPerAccount;
        this.hears = hears;
    }

    /**
     * The same server spoken to in {@link Pairs}: each pair's channel has two members, and only
     * the partner's copy of a message counts, not the one a channel echoes to its sender.
     */
    public TrystDialect channelPairs() {
        return new TrystDialect(accounts, personasPerAccount, index -> !Pairs.sends(index));
    }

    /** The same server's scenes, in {@link Pairs} of devices. */
    public SceneDialect scenePairs() {
        return new SceneDialect(accounts);
    }

    @Override
    public URI endpoint() {
        return accounts.socket();
    }

    @Override
    public String subprotocol() {
        return null;
    }

    /** Registers the accounts up front, in parallel, so that connect rates do not include Argon2id hashing. */
    @Override
    public void prepare(int connections) throws IOException, InterruptedException {
        accounts.register((connections + personasPerAccount - 1) / personasPerAccount);
    }

    @Override
    public Conversation open(int index, String room) throws IOException, InterruptedException {
        return new TrystConversation(accounts.ticket(index / personasPerAccount), "Bench" + index, room, hears.test(index));
    }
}
