package org.tryst.client.chat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.tryst.protocol.Views;

/** Carries out {@code /transcript} and {@code /export} for the scene the person is in. */
final class Transcripts {

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
        Path path = PrivateFiles.fresh(file);
        PrivateFiles.create(path, backend.exportTranscript(sceneId, persona.id()).getBytes(StandardCharsets.UTF_8));
        screen.show("Saved the transcript to " + file + ". It is marked, visibly and invisibly in every line, as " + persona.name()
                + "'s copy: if it is shared, it can be traced to you. Keep it safe, and delete it when you no longer need it.");
    }
}
