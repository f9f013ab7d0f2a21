package org.tryst.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the programs tests start (nats-server, coturn's turnserver) on the PATH or where Debian puts them. */
final class Executables {
    private Executables() {}

    /** The program's path, or a failure that says which Debian package provides it. */
    static Path find(String name, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : (path + ":/usr/sbin:/usr/bin:/usr/local/bin").split(":")) {
            if (folder.isEmpty()) continue;
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        throw new IllegalStateException(name + " is not installed: install Debian's package " + debianPackage
                + " (apt install " + debianPackage + ")");
    }
}
