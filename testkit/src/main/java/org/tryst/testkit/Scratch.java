package org.tryst.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary directories for tests that outlive one test method (a server's data, a device's saved
 * state): deleted with everything in them by {@link #delete}, or when the test run ends, so that a
 * run leaves nothing in the temporary folder.
 */
public final class Scratch {
    private static final Set<Path> LEFT = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path dir : LEFT) {
                try {
                    delete(dir);
                } catch (UncheckedIOException e) {
                    System.err.println(e.getMessage()); // one left behind must not keep the others
                }
            }
        }, "scratch-cleanup"));
    }

    private Scratch() {}

    /** A new empty directory under {@code java.io.tmpdir}. */
    public static Path directory(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            LEFT.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory and everything under it; one already gone is fine. */
    public static void delete(Path dir) {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        } catch (NoSuchFileException gone) {
            // Deleted already.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
        LEFT.remove(dir);
    }
}
