package org.tryst.world;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Any bytes as a world file an operator imports: reading gives a world or {@link InvalidWorld}
 * naming what is wrong, nothing else; a world read writes back as a file that reads as the same
 * world and writes as the same text. The seeds are the shipped area and the world file tests' files.
 */
class WorldFileFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void readsAWorldOrNamesWhatIsWrong(byte[] file) {
        Snapshot world;
        try {
            world = WorldFile.read(new String(file, StandardCharsets.UTF_8));
        } catch (InvalidWorld refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        String written = WorldFile.write(world);
        assertThat(WorldFile.read(written)).isEqualTo(world);
        assertThat(WorldFile.write(WorldFile.read(written))).isEqualTo(written);
    }
}
