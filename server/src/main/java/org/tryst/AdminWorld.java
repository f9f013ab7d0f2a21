package org.tryst;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tryst.storage.Sql;
import org.tryst.world.InvalidWorld;
import org.tryst.world.Snapshot;
import org.tryst.world.World;
import org.tryst.world.WorldFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The operator's world commands: the whole text world written to a TOML file, and a file read back
 * as the new world. An import checks the whole file first and changes nothing when any of it is wrong.
 */
@Command(name = "world", description = "Export the text world to a TOML file, or replace it with one.",
        subcommands = {AdminWorld.Export.class, AdminWorld.Import.class})
final class AdminWorld {
    /** Exit code of a file that cannot be read or imported. */
    static final int BAD_FILE = 2;

    /** Writes the world to a file. */
    @Command(name = "export", description = "Write the whole world (rooms, exits, things) to FILE as TOML.")
    static final class Export extends AdminModeration.OnDatabase {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        int run(Sql sql) {
            World world = new World(sql);
            // A world exported before the server ever ran is the one it would start with.
            world.makeIfNone();
            Snapshot snapshot = world.snapshot();
            try {
                Files.writeString(file, WorldFile.write(snapshot), StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("tryst: cannot write " + file + ": " + e.getMessage());
                return BAD_FILE;
            }
            System.out.println("exported " + counts(snapshot) + " to " + file);
            return 0;
        }
    }

    /** Replaces the world with a file's, in one transaction. */
    @Command(name = "import", description = "Replace the whole world with FILE (checked first; nothing changes if it is wrong). "
            + "Personas in rooms that are gone move to the starting room.")
    static final class Import extends AdminModeration.OnDatabase {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        int run(Sql sql) {
            try {
                Snapshot snapshot = WorldFile.read(read(file));
                int moved = new World(sql).replace(snapshot);
                System.out.println("imported " + counts(snapshot) + "; " + moved + " persona" + (moved == 1 ? "" : "s")
                        + " moved to the starting room");
                return 0;
            } catch (InvalidWorld wrong) {
                System.err.println("tryst: " + file + ": " + wrong.getMessage() + " (nothing was changed)");
                return BAD_FILE;
            }
        }

        private static String read(Path file) {
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            } catch (CharacterCodingException e) {
                throw new InvalidWorld("not UTF-8 text");
            } catch (IOException e) {
                throw new InvalidWorld("cannot read it: " + e.getMessage());
            }
        }
    }

    private static String counts(Snapshot world) {
        return world.rooms().size() + " rooms, " + world.exits().size() + " exits and " + world.things().size() + " things";
    }
}
