package org.tryst.safety;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token buckets in this process's memory, created on first use and forgotten once full again, so
 * that keys chosen by an attacker cannot grow memory without bound.
 */
final class LocalBuckets implements Buckets {
    private final ConcurrentMap<String, Bucket> byKey = new ConcurrentHashMap<>();
    private final long capacity;
    private final Bandwidth bandwidth;
    private final TimeMeter time;

    /** Up to {@code capacity} at once, refilled by {@code refill} every {@code period}, on the given time. */
    LocalBuckets(long capacity, long refill, Duration period, TimeMeter time) {
        this.capacity = capacity;
        this.bandwidth = Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build();
        this.time = time;
    }

    @Override
    public long take(String key) {
        var probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : LocalBuckets.millis(probe.getNanosToWaitForRefill());
    }

    @Override
    public void giveBack(String key) {
        Bucket bucket = byKey.get(key);
        if (bucket != null) bucket.addTokens(1);
    }

    @Override
    public long wait(String key) {
        Bucket bucket = byKey.get(key);
        if (bucket == null) return 0;
        var estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? 0 : LocalBuckets.millis(estimate.getNanosToWaitForRefill());
    }

    @Override
    public void forgetFull() {
        byKey.entrySet().removeIf(entry -> entry.getValue().getAvailableTokens() >= capacity);
    }

    /** How many keys are remembered. */
    int size() {
        return byKey.size();
    }

    /** Milliseconds from the nanoseconds bucket4j answers with, rounded up so that a wait is never 0. */
    static long millis(long nanos) {
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    private Bucket bucket(String key) {
        return byKey.computeIfAbsent(key, unused -> Bucket.builder().withCustomTimePrecision(time).addLimit(bandwidth).build());
    }
}
