package org.tryst.safety;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token buckets by key (an account, a username, an address), created on first use and forgotten
 * once full again, so that keys chosen by an attacker cannot grow memory without bound.
 */
public final class Buckets {
    private final ConcurrentMap<String, Bucket> byKey = new ConcurrentHashMap<>();
    private final long capacity;
    private final Bandwidth bandwidth;

    private Buckets(long capacity, long refill, Duration period) {
        this.capacity = capacity;
        this.bandwidth = Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build();
    }

    /** Up to {@code burst} at once, refilled at {@code perSecond} a second. */
    public static Buckets perSecond(long perSecond, long burst) {
        return new Buckets(burst, perSecond, Duration.ofSeconds(1));
    }

    /** Up to {@code count} in any {@code period}, refilled evenly over it. */
    public static Buckets per(long count, Duration period) {
        return new Buckets(count, count, period);
    }

    /** Takes one token; returns 0 when taken, else the milliseconds until one is available. */
    public long take(String key) {
        var probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : millis(probe.getNanosToWaitForRefill());
    }

    /** Returns a token taken for something that did not happen after all; a bucket never holds more than its capacity. */
    public void giveBack(String key) {
        Bucket bucket = byKey.get(key);
        if (bucket != null) bucket.addTokens(1);
    }

    /** Milliseconds until a token is available for the key, without taking one; 0 when one is. */
    public long wait(String key) {
        Bucket bucket = byKey.get(key);
        if (bucket == null) return 0;
        var estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? 0 : millis(estimate.getNanosToWaitForRefill());
    }

    /** Forgets keys whose bucket has refilled: they behave the same as keys never seen. */
    public void forgetFull() {
        byKey.entrySet().removeIf(entry -> entry.getValue().getAvailableTokens() >= capacity);
    }

    /** How many keys are remembered. */
    public int size() {
        return byKey.size();
    }

    private Bucket bucket(String key) {
        return byKey.computeIfAbsent(key, unused -> Bucket.builder().addLimit(bandwidth).build());
    }

    private static long millis(long nanos) {
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }
}
