package org.tryst.safety;


/**
 * Token buckets by key (an account, a session, a username, an address): kept in this process's
 * memory, or in the database that every server process shares, so that a limit holds once across
 * processes behind a load balancer instead of once per process. {@link BucketStore} makes them.
 */
public sealed interface Buckets permits LocalBuckets, SharedBuckets {
    /** Takes one token; returns 0 when taken, else the milliseconds until one is available. */
    long take(String key);

    /** Returns a token taken for something that did not happen after all; a bucket never holds more than its capacity. */
    void giveBack(String key);

    /** Milliseconds until a token is available for the key, without taking one; 0 when one is. */
    long wait(String key);

    /** Forgets keys whose bucket has refilled: they behave the same as keys never seen. */
    void forgetFull();
}
