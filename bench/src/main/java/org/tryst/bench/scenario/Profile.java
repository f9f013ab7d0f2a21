package org.tryst.bench.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JVM server spent its CPU while measured: the CPU samples of a Java Flight Recorder file
 * taken after {@code since}, summed by method, both where the time was spent (self) and which of
 * Tryst's own methods it was spent under (total).
 */
final class Profile {
    private Profile() {}

    static String summarize(Path recording, Instant since, int rows, String subject) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isBefore(since)
                    || event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) continue;
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            self.merge(name(frames.getFirst()), 1, Integer::sum);
            Set<String> counted = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (counted.add(name)) total.merge(name, 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Profile of %s during the measured steps (JFR, %,d CPU samples).%n%nTop methods by own time:%n%n", subject, samples));
        top(out, self, samples, rows, name -> true);
        out.append("\nTryst's methods by total time (own time plus what they call):\n\n");
        top(out, total, samples, rows, name -> name.startsWith("org.tryst."));
        return out.toString();
    }

    private static void top(StringBuilder out, Map<String, Integer> counts, int samples, int rows, Predicate<String> shown) {
        counts.entrySet().stream().filter(entry -> shown.test(entry.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
                .forEach(entry -> out.append(String.format(Locale.ROOT, "- %5.1f%% `%s`%n",
                        100.0 * entry.getValue() / Math.max(1, samples), entry.getKey())));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
