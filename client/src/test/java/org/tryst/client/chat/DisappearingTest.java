package org.tryst.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tryst.protocol.ClientMessage;

class DisappearingTest {

    @Test
    void theChoicesAreTheProtocols() {
        assertThat(Arrays.stream(Disappearing.values()).map(Disappearing::seconds).toList()).isEqualTo(ClientMessage.TIMER_CHOICES);
    }

    @Test
    void parsesWhatPeopleType() {
        assertThat(Disappearing.parse("off")).contains(Disappearing.OFF);
        assertThat(Disappearing.parse(" 1H ")).contains(Disappearing.ONE_HOUR);
        assertThat(Disappearing.parse("24h")).contains(Disappearing.ONE_DAY);
        assertThat(Disappearing.parse("1d")).isEmpty();
        assertThat(Disappearing.parse("300")).isEmpty();
    }

    @Test
    void labelsSecondsAndFallsBackToThem() {
        assertThat(Disappearing.label(300)).isEqualTo("5m");
        assertThat(Disappearing.label(604_800)).isEqualTo("7d");
        assertThat(Disappearing.label(0)).isEqualTo("off");
        assertThat(Disappearing.label(90)).isEqualTo("90s");
        assertThat(Disappearing.choices()).isEqualTo("off|5m|1h|24h|7d");
    }
}
