package org.tryst.client.chat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.tryst.protocol.Views;

/** Carries out {@code /transcript} and {@code /export} for the scene the person is in. */
final class Transcripts {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Backend backend;
    private final Screen screen;
    private final Session session;

    Transcripts(Backend backend, Screen screen, Session session) {
        this.backend = backend;
        this.screen = screen;
        this.session = session;
    }

    /** Shows where the request stands ({@code choice} empty), or sends the persona's choice. */
    void choose(String sceneId, Views.Persona persona, String choice) {
        if (choice.isEmpty()) {
            Views.Scene scene = backend.scenes().stream().filter(s -> s.id().equals(sceneId)).findFirst().orElseThrow(() ->
                    new Shell.Refused("This scene is gone."));
            session.update(scene);
            TranscriptLines.status(scene, session.mineIds()).forEach(screen::show);
            return;
        }
        backend.transcript(sceneId, persona.id(), choice);
        screen.show(switch (choice) {
            case "ask" -> "You asked everyone here whether each of you may keep a transcript. Nobody can save one until all agree.";
            case "agree" -> "You agree to keeping a transcript of this scene. /transcript withdraw takes it back.";
            case "refuse" -> "You refuse: nobody can save a transcript of this scene.";
            default -> "You took back your answer: nobody can save a transcript until everyone agrees.";
        });
    }

    /** Saves the transcript to a new file that only its owner may read; an existing file is never overwritten. */
    void export(String sceneId, Views.Persona persona, String file) {
        Path path = Path.of(file);
        if (Files.exists(path)) throw new Shell.Refused(file + " exists already; choose a new file name.");
        String text = backend.exportTranscript(sceneId, persona.id());
        try {
            write(path, text);
        } catch (FileAlreadyExistsException exists) {
            throw new Shell.Refused(file + " exists already; choose a new file name.");
        } catch (IOException failed) {
            throw new Shell.Refused("Cannot write " + file + " (" + failed.getMessage() + "); nothing was saved.");
        }
        screen.show("Saved the transcript to " + file + ". It is marked, visibly and invisibly in every line, as " + persona.name()
                + "'s copy: if it is shared, it can be traced to you. Keep it safe, and delete it when you no longer need it.");
    }

    /**
     * Creates the file for its owner alone (0600) in the same step that creates it, so that it is
     * never readable by others, not even for a moment; {@code CREATE_NEW} never overwrites.
     */
    private static void write(Path path, String text) throws IOException {
        boolean posix = path.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        try (SeekableByteChannel file = Files.newByteChannel(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) file.write(bytes);
        } catch (FileAlreadyExistsException exists) {
            throw exists;
        } catch (IOException failed) {
            Files.deleteIfExists(path); // half a transcript is of no use, and should not stay on disk
            throw failed;
        }
    }
}
