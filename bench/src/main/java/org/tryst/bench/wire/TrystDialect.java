package org.tryst.bench.wire;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * Tryst's own protocol, used as a real client uses it: an account registered over HTTP, a
 * single-use ticket fetched before every connect, {@code hello}, then a persona per connection
 * that joins its channel. Accounts are made up front, {@code personasPerAccount} connections
 * to an account, since each registration costs an Argon2id hash on the server. With several
 * processes, accounts and tickets come from the first (a ticket opens a socket on any of them)
 * and each connection's socket goes to the process its placement names. In the text world, some
 * players may play over telnet instead, logging in with the account's username and password.
 */
public final class TrystDialect implements Dialect {
    private final TrystAccounts accounts;
    private final List<URI> sockets;
    /** Each process's telnet listener, as {@code telnet://host:port}, in the order of {@link #sockets}. */
    private final List<URI> telnets;
    /** Which process, as an index into {@link #sockets}, each connection's socket goes to. */
    private final IntUnaryOperator placement;
    private final int personasPerAccount;
    /** Which connections count the channel messages they receive as deliveries. */
    private final IntPredicate hears;
    /** Whether connections play the text world (each walking to its room) instead of joining channels. */
    private final boolean world;
    /** Which of the world's players play over telnet. */
    private final IntPredicate telnet;

    /**
     * The ways from the shipped starting area's first room to each of its rooms: room {@code w} of
     * the world scenario is reached by walking {@code WALKS.get(w)}.
     */
    public static final List<List<String>> WALKS = List.of(List.of(), List.of("north"), List.of("east"), List.of("south"),
            List.of("west"), List.of("north", "up"), List.of("south", "east"));

    /**
     * The processes on these HTTP ports, whose telnet listeners are on {@code telnetPorts} in the
     * same order; connection {@code i} on process {@code i mod n}.
     */
    public TrystDialect(List<Integer> ports, List<Integer> telnetPorts, int personasPerAccount) {
        this(new TrystAccounts(ports.getFirst()), ports.stream().map(TrystAccounts::socket).toList(),
                telnetPorts.stream().map(port -> URI.create("telnet://127.0.0.1:" + port)).toList(),
                index -> index % ports.size(), personasPerAccount, index -> true, false, index -> false);
    }

    private TrystDialect(TrystAccounts accounts, List<URI> sockets, List<URI> telnets, IntUnaryOperator placement,
                         int personasPerAccount, IntPredicate hears, boolean world, IntPredicate telnet) {
        this.accounts = accounts;
        this.sockets = sockets;
        this.telnets = telnets;
        this.placement = placement;
        this.personasPerAccount = personasPerAccount;
        this.hears = hears;
        this.world = world;
        this.telnet = telnet;
    }

    /** How many processes the sockets are spread over. */
    public int processes() {
        return sockets.size();
    }

    /** The same processes, with connection {@code i}'s socket on process {@code placement(i)}. */
    public TrystDialect placed(IntUnaryOperator placement) {
        return new TrystDialect(accounts, sockets, telnets, placement, personasPerAccount, hears, world, telnet);
    }

    /**
     * The same server spoken to in {@link Pairs}: each pair's channel has two members, and only
     * the partner's copy of a message counts, not the one a channel echoes to its sender.
     */
    public TrystDialect channelPairs() {
        return new TrystDialect(accounts, sockets, telnets, placement, personasPerAccount, index -> !Pairs.sends(index), world, telnet);
    }

    /**
     * The same server's text world: a connection's room {@code world-W} is room W of {@link #WALKS},
     * and the connections {@code telnet} picks play over telnet, the others over the WebSocket.
     */
    public TrystDialect world(IntPredicate telnet) {
        return new TrystDialect(accounts, sockets, telnets, placement, personasPerAccount, hears, true, telnet);
    }

    /** The first process's scenes, in {@link Pairs} of devices. */
    public SceneDialect scenePairs() {
        return new SceneDialect(accounts);
    }

    @Override
    public URI endpoint(int index) {
        return (world && telnet.test(index) ? telnets : sockets).get(placement.applyAsInt(index));
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
        int account = index / personasPerAccount;
        String persona = "Bench" + index;
        if (!world) return new TrystConversation(accounts.ticket(account), persona, room, hears.test(index));
        Walk walk = new Walk(WALKS.get(Integer.parseInt(room.substring(room.indexOf('-') + 1))));
        return telnet.test(index) ? new TelnetWorldConversation(accounts.username(account), accounts.password(), persona, walk)
                : new WorldConversation(accounts.ticket(account), persona, walk);
    }
}
