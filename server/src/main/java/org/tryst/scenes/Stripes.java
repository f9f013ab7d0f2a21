package org.tryst.scenes;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** A fixed set of locks shared by many keys (scenes, devices), enough to serialise work per key without a lock per key. */
final class Stripes {
    private final ReentrantLock[] locks;

    Stripes(int count) {
        locks = new ReentrantLock[count];
        for (int i = 0; i < count; i++) locks[i] = new ReentrantLock();
    }

    /** Runs work while holding the key's lock. */
    <T> T locked(String key, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(key.hashCode(), locks.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    void locked(String key, Runnable work) {
        locked(key, () -> {
            work.run();
            return null;
        });
    }
}
