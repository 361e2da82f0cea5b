package io.simcast.sim.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A view's cadence, on a clock the test holds: never faster than its frame rate, never a burst to catch up after a
 * stall, nothing drawn while nothing changes. (How close to the rate the renderer gets on a machine is
 * {@code simcast bench render}'s business.)
 */
class FrameScheduleTest {
    private static final long MS = 1_000_000L;

    @Test
    void aViewIsDueAtMostOncePerPeriodHoweverOftenItChanges() {
        FrameSchedule schedule = new FrameSchedule(10, 0);
        int drawn = 0;
        for (long now = 0; now < 1000 * MS; now += MS) { // a new snapshot every millisecond for one second
            if (schedule.due(now, now)) {
                schedule.drawn(now, now, false);
                drawn++;
            }
        }
        assertThat(drawn).isEqualTo(10);
    }

    @Test
    void aFrameALittleLateKeepsTheCadence() {
        FrameSchedule schedule = new FrameSchedule(10, 0);
        schedule.drawn(30 * MS, 1, false); // due at 0, drawn at 30 ms
        assertThat(schedule.due(99 * MS, 2)).isFalse();
        assertThat(schedule.due(100 * MS, 2)).isTrue();
    }

    @Test
    void afterAStallTheScheduleStartsAfreshInsteadOfBursting() {
        FrameSchedule schedule = new FrameSchedule(10, 0);
        schedule.drawn(450 * MS, 1, false); // due at 0, drawn four periods late
        assertThat(schedule.due(460 * MS, 2)).as("no catch-up frame").isFalse();
        assertThat(schedule.due(549 * MS, 2)).isFalse();
        assertThat(schedule.due(550 * MS, 2)).isTrue();
    }

    @Test
    void nothingIsDrawnWhileNothingChanges() {
        FrameSchedule schedule = new FrameSchedule(10, 0);
        schedule.drawn(0, 7, false);
        assertThat(schedule.due(500 * MS, 7)).as("the same snapshot").isFalse();
        schedule.changed(); // the camera moved
        assertThat(schedule.due(500 * MS, 7)).isTrue();
        schedule.drawn(500 * MS, 7, true); // a tracking camera still gliding
        assertThat(schedule.due(600 * MS, 7)).isTrue();
    }
}
