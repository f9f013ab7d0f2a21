package org.tryst.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * A device's files: its id at the server and its MLS state, in a directory only the owner may read.
 * Writes go to a temporary file that replaces the old one, so a crash never leaves half a state.
 */
final class DeviceStore {
    private final Path dir;

    DeviceStore(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    Optional<String> deviceId() {
        return read("device").map(String::new).map(String::strip);
    }

    Optional<byte[]> mlsState() {
        return read("mls-state");
    }

    void saveDevice(String deviceId, byte[] state) {
        write("mls-state", state);
        write("device", deviceId.getBytes());
    }

    void saveState(byte[] state) {
        write("mls-state", state);
    }

    private Optional<byte[]> read(String name) {
        try {
            Path file = dir.resolve(name);
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String name, byte[] bytes) {
        try {
            Path temporary = dir.resolve(name + ".new");
            Files.deleteIfExists(temporary);
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.write(temporary, bytes);
            Files.move(temporary, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name, e);
        }
    }
}
