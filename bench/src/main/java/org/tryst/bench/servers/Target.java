package org.tryst.bench.servers;

import java.io.IOException;
import java.nio.file.Path;

/** A chat server the benchmark starts fresh, drives and measures: a build of Tryst, Tryst on several processes, or one of its peers. */
public sealed interface Target permits TrystTarget, TrystCluster, SocketIoTarget, ProsodyTarget {
    /** The name in the report's columns. */
    String name();

    /**
     * Starts a fresh instance on free loopback ports with its state under {@code work}, on the CPUs
     * {@code cpus} names ({@code taskset} list, or null for all), and waits until it answers.
     */
    Running start(Path work, String cpus) throws IOException, InterruptedException;

    /** Whether this machine can run it (its runtime and files are installed). */
    boolean available();
}
