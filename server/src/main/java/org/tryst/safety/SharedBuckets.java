package org.tryst.safety;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Token buckets in the database that every server process shares, one row per key, so that a limit
 * holds once across them. Each call is one short transaction that locks the key's row, run on the
 * database's threads; the row names the key only by its hash, so the table keeps no address or name.
 */
final class SharedBuckets implements Buckets {
    private final BucketStore.InDatabase store;
    private final String limit;
    private final BucketConfiguration configuration;

    /** Up to {@code count} in any {@code period}, refilled evenly over it, in rows whose ids begin with the limit's name. */
    SharedBuckets(BucketStore.InDatabase store, String limit, long count, Duration period) {
        this.store = store;
        this.limit = limit;
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(count).refillGreedy(count, period).build()).build();
    }

    @Override
    public long take(String key) {
        return store.sql().onDatabaseThread(() -> {
            var probe = bucket(key).tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? 0 : LocalBuckets.millis(probe.getNanosToWaitForRefill());
        });
    }

    @Override
    public void giveBack(String key) {
        store.sql().onDatabaseThread(() -> {
            bucket(key).addTokens(1);
            return null;
        });
    }

    @Override
    public long wait(String key) {
        return store.sql().onDatabaseThread(() -> {
            var estimate = bucket(key).estimateAbilityToConsume(1);
            return estimate.canBeConsumed() ? 0L : LocalBuckets.millis(estimate.getNanosToWaitForRefill());
        });
    }

    /** Deletes the rows of every limit whose bucket has refilled; after the first limit's call in a sweep the rest find none. */
    @Override
    public void forgetFull() {
        store.removeFull();
    }

    private BucketProxy bucket(String key) {
        return store.proxies().builder().build(limit + ":" + digest(key), configuration);
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
