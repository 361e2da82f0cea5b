package io.simcast.sim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The renderer's statistics over one-second windows, on a clock the test holds. */
class RenderMeterTest {
    private static final long MS = 1_000_000L;

    @Test
    void reportsTheLastFullSecondsRateAndMeanTimesAndTheTotal() {
        RenderMeter meter = new RenderMeter();
        assertThat(meter.stats()).isEqualTo(RenderStats.NONE);
        for (int i = 0; i <= 20; i++) {
            meter.add(i * 50 * MS, 1, 4 * MS, MS); // 20 frames a second, 4 ms drawing and 1 ms reading back each
        }

        RenderStats stats = meter.stats();
        assertThat(stats.framesPerSecond()).isCloseTo(21, within(1e-9)); // 21 frames over the first 1.0 s window
        assertThat(stats.renderMillis()).isCloseTo(4, within(1e-9));
        assertThat(stats.readbackMillis()).isCloseTo(1, within(1e-9));
        assertThat(stats.readbackShare()).isCloseTo(0.2, within(1e-9));
        assertThat(stats.frames()).isEqualTo(21);
    }

    @Test
    void idlePassesCountTimeButNoFrames() {
        RenderMeter meter = new RenderMeter();
        meter.add(0, 2, 2 * MS, 2 * MS);
        meter.add(2000 * MS, 0, 0, 0);
        assertThat(meter.stats().framesPerSecond()).isCloseTo(1, within(1e-9));
        assertThat(meter.stats().frames()).isEqualTo(2);
    }
}
