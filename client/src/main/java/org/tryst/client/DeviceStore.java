package org.tryst.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

    /** The MLS state and the ids of the scene messages it has handled, kept in one file so that neither runs ahead of the other. */
    record Saved(byte[] mls, List<String> seen) {}

    Optional<Saved> state() {
        return read("state").map(DeviceStore::decode);
    }

    void saveDevice(String deviceId, byte[] mls) {
        saveState(mls, List.of());
        write("device", deviceId.getBytes(StandardCharsets.UTF_8));
    }

    void saveState(byte[] mls, Collection<String> seen) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(mls.length + seen.size() * 40);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(seen.size());
            for (String id : seen) out.writeUTF(id);
            out.write(mls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write("state", bytes.toByteArray());
    }

    private static Saved decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            List<String> seen = new ArrayList<>(count);
            for (int i = 0; i < count; i++) seen.add(in.readUTF());
            return new Saved(in.readAllBytes(), seen);
        } catch (IOException e) {
            throw new UncheckedIOException("the device state file is damaged", e);
        }
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
