package org.tryst.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LockTest {
    /** A key with the given facts, for evaluating locks without a server. */
    private record Facts(boolean ownsRoom, boolean builds, boolean moderates, boolean adult, Set<String> things, String name)
            implements Lock.Key {
        public boolean carries(String thingId) {
            return things.contains(thingId);
        }

        public boolean named(String other) {
            return name.equalsIgnoreCase(other);
        }
    }

    private static final Facts ADA = new Facts(false, false, false, true, Set.of("brass-key"), "Ada Lovelace");
    private static final Facts OWNER = new Facts(true, true, false, false, Set.of(), "Bo");

    @Test
    void termsCombineWithAndOrNotAndParentheses() {
        assertThat(Lock.parse("everyone").admits(ADA)).isTrue();
        assertThat(Lock.parse("nobody").admits(OWNER)).isFalse();
        assertThat(Lock.parse("owner | is:ada lovelace").admits(ADA)).isTrue();
        assertThat(Lock.parse("owner & adult").admits(OWNER)).isFalse();
        assertThat(Lock.parse("!adult").admits(OWNER)).isTrue();
        assertThat(Lock.parse("carries:brass-key & !(builder | moderator)").admits(ADA)).isTrue();
        assertThat(Lock.parse("carries:brass-key & !(builder | moderator)").admits(OWNER)).isFalse();
        assertThat(Lock.parse("owner | adult & carries:nothing").admits(ADA)).as("& binds tighter than |").isFalse();
    }

    @Test
    void malformedLocksSayWhatIsWrong() {
        for (String bad : new String[] {"", "owner &", "(owner", "owner)", "wizard", "is:", "owner:x", "!".repeat(40) + "owner"}) {
            assertThatThrownBy(() -> Lock.parse(bad)).as(bad).isInstanceOf(InvalidWorld.class).hasMessageContaining("lock");
        }
    }
}
