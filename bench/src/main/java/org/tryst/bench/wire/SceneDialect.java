package org.tryst.bench.wire;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Tryst's scenes in {@link Pairs}: each pair is two devices alone in a scene at epoch 1, built
 * before anything is timed ({@link ScenePairs}); connection {@code 2p} attaches the sending device
 * of pair p, {@code 2p + 1} its partner's. Rooms mean nothing here: a connection's scene is its pair's.
 */
public final class SceneDialect implements Dialect {
    /** How long a partner waits to acknowledge, as the client library does, so that a burst is acknowledged in one request. */
    public static final Duration ACK_DELAY = Duration.ofMillis(200);
    /** Set-ups in flight at once: enough to overlap the server's disk syncs, few enough for the generator's core. */
    private static final int SETTING_UP = 8;

    private final TrystAccounts accounts;
    private List<ScenePairs.Pair> pairs = List.of();
    private List<SceneConversation.Ledger> ledgers = List.of();

    SceneDialect(TrystAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public URI endpoint(int index) {
        return accounts.socket();
    }

    @Override
    public String subprotocol() {
        return null;
    }

    /** Builds the pairs' scenes, their devices and each pair's ciphertext. */
    @Override
    public void prepare(int connections) throws IOException, InterruptedException {
        int count = connections / 2;
        pairs = ScenePairs.build(accounts, count, SETTING_UP);
        ledgers = pairs.stream().map(pair -> new SceneConversation.Ledger()).toList();
    }

    @Override
    public Conversation open(int index, String room) throws IOException, InterruptedException {
        ScenePairs.Pair pair = pairs.get(Pairs.pair(index));
        String device = Pairs.sends(index) ? pair.sender() : pair.receiver();
        return new SceneConversation(accounts.ticket(ScenePairs.account(index)), device, pair.scene(), pair.ciphertext(),
                ledgers.get(Pairs.pair(index)));
    }

    /** The size of the MLS message relayed, in bytes, once the pairs are built. */
    public int ciphertextBytes() {
        return pairs.isEmpty() ? 0 : Base64.getDecoder().decode(pairs.getFirst().ciphertext()).length;
    }
}
