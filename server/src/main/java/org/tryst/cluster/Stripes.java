package org.tryst.cluster;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** A fixed set of locks shared by many keys (scenes, devices), enough to serialise work per key without a lock per key. */
public final class Stripes {
    private final ReentrantLock[] locks;

    public Stripes(int count) {
        locks = new ReentrantLock[count];
        for (int i = 0; i < count; i++) locks[i] = new ReentrantLock();
    }

    /** Runs work while holding the key's lock. */
    public <T> T locked(String key, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(key.hashCode(), locks.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs work while holding the locks of all the keys, taken in one fixed order so that two callers cannot deadlock. */
    public void lockedAll(List<String> keys, Runnable work) {
        List<ReentrantLock> held = keys.stream().map(key -> Math.floorMod(key.hashCode(), locks.length)).distinct().sorted()
                .map(index -> locks[index]).toList();
        held.forEach(ReentrantLock::lock);
        try {
            work.run();
        } finally {
            held.reversed().forEach(ReentrantLock::unlock);
        }
    }

    public void locked(String key, Runnable work) {
        locked(key, () -> {
            work.run();
            return null;
        });
    }
}
