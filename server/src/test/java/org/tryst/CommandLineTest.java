package org.tryst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code tryst} command as an operator meets it, each run in a process of its own: help on
 * every command, configuration mistakes said in one line, the data directory, and the admin
 * commands' output.
 */
class CommandLineTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    @TempDir
    Path dir;

    /** What one run printed, and its exit status. */
    record Run(int exit, String out, String err) {}

    @Test
    void everyCommandAnswersHelpWithItsUsage() throws Exception {
        Run serve = tryst(Map.of(), "serve", "--help");
        assertThat(serve.exit()).isZero();
        assertThat(serve.out()).startsWith("Usage: tryst serve").contains("--http-port", "--data");
        assertThat(tryst(Map.of(), "admin", "role", "-h").out()).startsWith("Usage: tryst admin role");

        List<List<String>> commands = new ArrayList<>();
        collect(Main.commandLine(), List.of(), commands);
        assertThat(commands).contains(List.of("serve"), List.of("admin"), List.of("admin", "role"), List.of("admin", "audit"));
        for (List<String> command : commands) {
            for (String flag : List.of("--help", "-h")) {
                StringWriter out = new StringWriter();
                CommandLine line = Main.commandLine();
                line.setOut(new PrintWriter(out, true));
                List<String> args = new ArrayList<>(command);
                args.add(flag);
                assertThat(line.execute(args.toArray(String[]::new))).as(String.join(" ", args)).isZero();
                assertThat(out.toString()).as(String.join(" ", args)).startsWith("Usage: tryst " + String.join(" ", command));
            }
        }
    }

    @Test
    void aBadValueNamesTheOptionWhereItWasSetAndWhatIsExpected() throws Exception {
        Run word = tryst(Map.of("TRYST_SCENES_MAX_MEMBERS", "abc"), "serve", "--data", dir.toString(), "--http-port", "0", "--telnet-port", "0");
        assertThat(word.exit()).isNotZero();
        assertThat(word.err().strip()).isEqualTo(
                "tryst: scenes.max_members must be a whole number, not \"abc\" (set by the environment variable TRYST_SCENES_MAX_MEMBERS)");

        Path file = Files.writeString(dir.resolve("tryst.toml"), "[scenes]\nmax_members = 100\n");
        Run range = tryst(Map.of(), "admin", "options", "--config", file.toString(), "--data", dir.toString());
        assertThat(range.exit()).isNotZero();
        assertThat(range.err().strip()).isEqualTo(
                "tryst: scenes.max_members must be between 2 and 64, not 100 (set by [scenes] max_members in " + file + ")");
    }

    @Test
    void aMisspeltVariableIsNamedWithTheOptionItWasMeantToBe() throws Exception {
        Run run = tryst(Map.of("TRYST_SCENES_MAX_MEMBRS", "5"), "admin", "options", "--data", dir.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("tryst: warning: TRYST_SCENES_MAX_MEMBRS is not an option and is ignored; "
                + "did you mean TRYST_SCENES_MAX_MEMBERS?");
    }

    @Test
    void aMissingDataDirectoryIsMadeAndOneThatCannotBeIsNamedInOneLine() throws Exception {
        Path missing = dir.resolve("new").resolve("data");
        assertThat(tryst(Map.of(), "admin", "reports", "--data", missing.toString()).exit()).isZero();
        assertThat(missing.resolve("tryst.db")).exists();

        Path inTheWay = Files.writeString(dir.resolve("a-file"), "");
        Path blocked = inTheWay.resolve("data");
        Run run = tryst(Map.of(), "serve", "--data", blocked.toString(), "--http-port", "0", "--telnet-port", "0");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err().strip()).isEqualTo("tryst: cannot create the data directory " + blocked + ": Not a directory");
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenIsNamedInOneLine() throws Exception {
        Path readOnly = Files.createDirectory(dir.resolve("read-only"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-x------")));
        // The superuser may write anywhere but into the kernel's own folders, so as root the test takes one of those.
        Path unwritable = Files.isWritable(readOnly) ? Path.of("/sys/kernel") : readOnly;
        assumeTrue(Files.isDirectory(unwritable), "a folder nobody may write to");
        Run run = tryst(Map.of(), "serve", "--data", unwritable.toString(), "--http-port", "0", "--telnet-port", "0");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err().strip()).isEqualTo("tryst: cannot write to the data directory " + unwritable + ": permission denied");
    }

    @Test
    void aRoleChangeIsInTheAuditLogAndAnEmptyQueueIsSaid() throws Exception {
        TestServer.User user = server.register("promoted");
        String data = server.data().toString();
        Run role = tryst(Map.of(), "admin", "role", user.username(), "moderator", "--data", data);
        assertThat(role.out().strip()).isEqualTo(user.username() + " is now moderator");
        Run audit = tryst(Map.of(), "admin", "audit", "--data", data);
        assertThat(audit.exit()).isZero();
        assertThat(audit.out()).containsPattern("role moderator +account " + user.username().toLowerCase())
                .contains("command line (").contains("chain intact");
        assertThat(tryst(Map.of(), "admin", "role", "nobody-here", "member", "--data", data).out().strip())
                .isEqualTo("no account named nobody-here");

        Run reports = tryst(Map.of(), "admin", "reports", "--data", data);
        assertThat(reports.exit()).isZero();
        assertThat(reports.out().strip()).isEqualTo("no open reports");
    }

    private static void collect(CommandLine line, List<String> path, List<List<String>> into) {
        line.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) return; // an alias
            List<String> command = new ArrayList<>(path);
            command.add(name);
            into.add(command);
            collect(sub, command, into);
        });
    }

    /** Runs {@code tryst ARGS} in a new JVM from this class path, with only the given {@code TRYST_} variables. */
    private Run tryst(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TRYST_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("tryst " + String.join(" ", args) + " did not end; it printed " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
