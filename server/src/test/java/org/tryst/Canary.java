package org.tryst;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A unique phrase to say in a private scene, and the checks that it reached neither the server's
 * files nor its log, in any of the forms a careless server would keep it: UTF-8, base64 or hex.
 * Logs are captured at DEBUG from the canary's making until {@link #assertNowhere}.
 */
public final class Canary {
    private final String phrase = "canary " + UUID.randomUUID() + " lilac harbour";
    private final CapturedLogs logs = CapturedLogs.start();

    public String phrase() {
        return phrase;
    }

    /** Fails if the phrase is in any file under the directories or in any log line since this canary was made. */
    public void assertNowhere(List<Path> directories) throws IOException {
        assertNowhere(directories, List.of());
    }

    /**
     * Fails if the phrase, or any of these other secrets as they are, is in any file under the
     * directories or in any log line since this canary was made: for what a browser makes up, such as
     * a call's session descriptions and candidates.
     */
    public void assertNowhere(List<Path> directories, List<String> secrets) throws IOException {
        logs.stop();
        List<byte[]> forms = new java.util.ArrayList<>(forms());
        for (String secret : secrets) forms.add(secret.getBytes(StandardCharsets.UTF_8));
        for (Path directory : directories) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    byte[] content;
                    try {
                        content = Files.readAllBytes(file);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // A running database removed a temporary file between the listing and the read: nothing is left in it.
                        continue;
                    }
                    for (byte[] form : forms) assertThat(indexOf(content, form)).as(file + " holds the canary").isEqualTo(-1);
                }
            }
        }
        for (String line : logs.lines()) {
            for (byte[] form : forms) assertThat(line).doesNotContain(new String(form, StandardCharsets.UTF_8));
        }
    }

    private List<byte[]> forms() {
        byte[] utf8 = phrase.getBytes(StandardCharsets.UTF_8);
        return List.of(utf8, Base64.getEncoder().encodeToString(utf8).getBytes(StandardCharsets.US_ASCII),
                HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII),
                phrase.substring(7, 43).getBytes(StandardCharsets.UTF_8)); // the unique part alone
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
