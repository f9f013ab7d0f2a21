package org.tryst.client;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tryst.protocol.InvisibleMark;
import org.tryst.protocol.Views;

/**
 * An exported transcript: a visible header saying whose copy it is, then the lines, every one of
 * them (the header's too) carrying the export's mark invisibly, so that a leaked excerpt still names
 * whose copy it came from. The web client writes the same layout.
 */
public final class Transcript {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Transcript() {}

    /** The text of the file: header, blank line, one line per message, oldest first. */
    public static String render(String sceneId, Views.Author exporter, String mark, long at, List<SceneEvent.Said> lines) {
        StringBuilder text = new StringBuilder()
                .append("Tryst transcript of scene ").append(sceneId).append('\n')
                .append("Exported by ").append(exporter.name()).append(" on ").append(UTC.format(Instant.ofEpochMilli(at)))
                .append(" UTC, for ").append(exporter.name()).append(" only.\n")
                .append("Mark ").append(mark).append(": every line carries it invisibly, so a copy shared elsewhere names whose it was.\n")
                .append('\n');
        for (SceneEvent.Said said : lines) text.append(line(said)).append('\n');
        return InvisibleMark.apply(text.toString(), mark);
    }

    /** {@code [2026-11-25 18:01] Rowan: hello}, or {@code [2026-11-25 18:01] * Rowan waves}. */
    private static String line(SceneEvent.Said said) {
        String time = "[" + UTC.format(Instant.ofEpochMilli(said.at())) + "] ";
        return "pose".equals(said.kind()) ? time + "* " + said.from().name() + " " + said.text() : time + said.from().name() + ": " + said.text();
    }
}
