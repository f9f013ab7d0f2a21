package org.tryst.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/protocol.md documents every message type and error code that exists in code, and no others. */
class ProtocolDocumentTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "protocol.md");

    @Test
    void everyMessageTypeHasASection() throws IOException {
        Set<String> inCode = new HashSet<>(Codec.typeNames(ClientMessage.class));
        inCode.addAll(Codec.typeNames(ServerMessage.class));
        Set<String> documented = new HashSet<>();
        Matcher heading = Pattern.compile("(?m)^### `([a-z._]+)`$").matcher(Files.readString(DOCUMENT));
        while (heading.find()) documented.add(heading.group(1));
        assertThat(documented).as("sections in docs/protocol.md").containsExactlyInAnyOrderElementsOf(inCode);
    }

    @Test
    void everyErrorCodeIsInTheTable() throws IOException {
        String document = Files.readString(DOCUMENT);
        Set<String> documented = new HashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\|").matcher(document);
        while (row.find()) documented.add(row.group(1));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ErrorCode.values()).map(ErrorCode::wire).toList());
    }
}
