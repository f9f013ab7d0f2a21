package org.tryst.client.chat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files the chat saves for the person alone: a transcript, their own data. */
final class PrivateFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Refuses a file name that is taken, before anything is fetched to fill it. */
    static Path fresh(String file) {
        Path path = Path.of(file);
        if (Files.exists(path)) throw new Shell.Refused(file + " exists already; choose a new file name.");
        return path;
    }

    /**
     * Creates the file for its owner alone (0600) in the same step that creates it, so that it is
     * never readable by others, not even for a moment; an existing file is never overwritten, and
     * half a file is not left behind. Refusals are said as the shell says them.
     */
    static void create(Path path, byte[] content) {
        boolean posix = path.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        try (SeekableByteChannel file = Files.newByteChannel(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) file.write(bytes);
        } catch (FileAlreadyExistsException exists) {
            throw new Shell.Refused(path + " exists already; choose a new file name.");
        } catch (IOException failed) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // Nothing more can be done about a file that can be neither written nor removed.
            }
            throw new Shell.Refused("Cannot write " + path + " (" + failed.getMessage() + "); nothing was saved.");
        }
    }
}
