package org.tryst.accounts;

/** Argon2id cost parameters: memory in KiB, passes over it, and lanes. */
public record Argon2Settings(int memoryKib, int iterations, int parallelism) {

    /** OWASP's minimum for Argon2id: 19 MiB, two passes, one lane. */
    public static Argon2Settings owaspMinimum() {
        return new Argon2Settings(19_456, 2, 1);
    }

    /** True when these settings cost at least as much as {@code other} in every parameter. */
    boolean atLeast(Argon2Settings other) {
        return memoryKib >= other.memoryKib && iterations >= other.iterations && parallelism >= other.parallelism;
    }
}
