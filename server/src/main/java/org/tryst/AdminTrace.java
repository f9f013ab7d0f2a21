package org.tryst;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tryst.config.Config;
import org.tryst.scenes.LeakTrace;
import org.tryst.storage.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tryst admin trace FILE}: names the member whose exported transcript a leaked copy came from. */
@Command(name = "trace", description = {"Name the member whose exported scene transcript a leaked copy (or an excerpt) came from.",
        "Exit status: 0 when the marks name one export, 1 when there is no mark, or the marks disagree."})
public final class AdminTrace implements Callable<Integer> {
    @CommandLine.Mixin
    Main.Location location = new Main.Location();

    @Parameters(index = "0", paramLabel = "FILE", description = "The leaked text (UTF-8).")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Config config = location.load(null, null);
        Logs.configure(new Config.Log(config.log().format(), "warn"));
        return trace(config, file, spec.commandLine().getOut());
    }

    /** Reads the file, finds its marks, prints whose export they name; the exit status. */
    public static int trace(Config config, Path file, PrintWriter out) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException missing) {
            out.println("No such file: " + file);
            return 1;
        } catch (CharacterCodingException notText) {
            out.println(file + " is not UTF-8 text; save the leaked text as UTF-8 and try again.");
            return 1;
        } catch (IOException failed) {
            out.println("Cannot read " + file + ": " + failed.getMessage());
            return 1;
        }
        try (Database database = Database.open(config.storage(), config.http().dataDir())) {
            LeakTrace.Finding finding = new LeakTrace(database.sql()).trace(text);
            finding.report().forEach(out::println);
            out.flush();
            return finding.named().isPresent() ? 0 : 1;
        }
    }
}
