package org.tryst.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** {@code ./tryst admin world export|import} as an operator runs them against a running server's data. */
class AdminWorldTest {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Test
    void anExportedFileImportsBackAndABadOneIsRefusedWithExitCodeTwoChangingNothing() throws Exception {
        Path exported = SERVER.data().resolve("world.toml");
        assertThat(SERVER.admin("world", "export", exported.toString())).isZero();
        String file = Files.readString(exported);
        assertThat(file).contains("id = \"courtyard\"", "aliases = [\"n\", \"library\"]");

        Path edited = SERVER.data().resolve("edited.toml");
        Files.writeString(edited, file.replace("to = \"library\"", "to = \"attic\""));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            assertThat(SERVER.admin("world", "import", edited.toString())).isEqualTo(2);
            assertThat(SERVER.admin("world", "import", SERVER.data().resolve("missing.toml").toString())).isEqualTo(2);
        } finally {
            System.setErr(before);
        }
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("exits #2 (id courtyard-north): to: there is no room \"attic\" (nothing was changed)")
                .contains("missing.toml: cannot read it");

        Path after = SERVER.data().resolve("after.toml");
        assertThat(SERVER.admin("world", "export", after.toString())).isZero();
        assertThat(Files.readString(after)).as("the refused file changed nothing").isEqualTo(file);

        Path again = SERVER.data().resolve("again.toml");
        assertThat(SERVER.admin("world", "import", exported.toString())).isZero();
        assertThat(SERVER.admin("world", "export", again.toString())).isZero();
        assertThat(Files.readString(again)).isEqualTo(file);
    }
}
