package org.tryst;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tryst admin trace FILE} is wired into the command line, and says plainly when it cannot read the file. */
class AdminTraceTest {
    @Test
    void traceIsAnAdminCommandThatTakesAFile(@TempDir Path dir) {
        CommandLine tryst = new CommandLine(new Main());
        CommandLine.ParseResult parsed = tryst.parseArgs("admin", "trace", "--data", dir.toString(), "leak.txt");
        AdminTrace trace = (AdminTrace) parsed.subcommand().subcommand().commandSpec().userObject();
        CommandLine admin = tryst.getSubcommands().get("admin");
        assertThat(trace.file).isEqualTo(Path.of("leak.txt"));
        assertThat(admin.getSubcommands().get("trace").getUsageMessage()).contains("Name the member whose exported scene transcript");
        StringWriter help = new StringWriter();
        tryst.setOut(new PrintWriter(help, true));
        assertThat(tryst.execute("admin", "--help")).isZero();
        assertThat(help.toString()).contains("trace", "reports", "audit");
    }

    @Test
    void aMissingOrNonTextFileIsSaidPlainly(@TempDir Path dir) throws Exception {
        var config = org.tryst.config.ConfigLoader.load(null, java.util.Map.of("TRYST_HTTP_DATA", dir.toString()));
        StringWriter out = new StringWriter();
        assertThat(AdminTrace.trace(config, dir.resolve("nowhere.txt"), new PrintWriter(out, true))).isEqualTo(1);
        assertThat(out.toString()).startsWith("No such file: ");
        Path binary = Files.write(dir.resolve("photo.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0});
        out.getBuffer().setLength(0);
        assertThat(AdminTrace.trace(config, binary, new PrintWriter(out, true))).isEqualTo(1);
        assertThat(out.toString()).contains("is not UTF-8 text");
    }
}
