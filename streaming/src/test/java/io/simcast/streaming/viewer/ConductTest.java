package io.simcast.streaming.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConductTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aPageSendingAtItsUsualRateIsNeverHeldBack() {
        Conduct conduct = new Conduct(0);
        for (long i = 0; i < 60 * 100; i++) { // 100 messages a second for a minute
            assertThat(conduct.message(i * SECOND / 100)).isEqualTo(Conduct.Verdict.ACCEPT);
        }
    }

    @Test
    void aFloodIsDroppedPastTheBurstAndTheFlooderExpelledSoonAfter() {
        Conduct conduct = new Conduct(0);
        int accepted = 0;
        int dropped = 0;
        Conduct.Verdict verdict;
        do {
            verdict = conduct.message(0); // all at one instant
            accepted += verdict == Conduct.Verdict.ACCEPT ? 1 : 0;
            dropped += verdict == Conduct.Verdict.DROP ? 1 : 0;
        } while (verdict != Conduct.Verdict.EXPEL);

        assertThat(accepted).isEqualTo((int) Conduct.BURST);
        assertThat(dropped).isEqualTo((int) Conduct.STRIKE_LIMIT - 1);
    }

    @Test
    void strikesFadeSoAnOccasionalBadMessageIsForgiven() {
        Conduct conduct = new Conduct(0);
        for (long second = 0; second < 600; second++) { // one bad message a second for ten minutes
            assertThat(conduct.strike(second * SECOND)).isEqualTo(Conduct.Verdict.ACCEPT);
        }
        Conduct garbage = new Conduct(0);
        for (int i = 1; i < Conduct.STRIKE_LIMIT; i++) {
            assertThat(garbage.strike(0)).isEqualTo(Conduct.Verdict.ACCEPT);
        }
        assertThat(garbage.strike(0)).isEqualTo(Conduct.Verdict.EXPEL);
    }
}
