package io.simcast.sim.physics;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real time the physics gave up: each time it falls more than {@code MAX_LAG_SECONDS} behind the wall clock it
 * skips ahead instead of catching up in a burst (simulate's re-sync), and the skipped wall time is added here. An
 * operator reads the total in the stats and, at most once a minute, a warning that says why it happens. Physics
 * thread only.
 */
final class LagReport {
    private static final Logger log = LoggerFactory.getLogger(Simulation.class);
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;

    private double totalSeconds;
    private long lastLog = Long.MIN_VALUE;
    private int timesSinceLog;
    private double secondsSinceLog;

    /** The physics was {@code wallSeconds} behind and skipped ahead at {@code now}. */
    void skipped(long now, double wallSeconds, String sceneId, double speed) {
        totalSeconds += wallSeconds;
        timesSinceLog++;
        secondsSinceLog += wallSeconds;
        if (lastLog == Long.MIN_VALUE || now - lastLog >= LOG_EVERY_NANOS) {
            String what = timesSinceLog == 1 ? "fell " + String.format(Locale.ROOT, "%.2f", secondsSinceLog)
                    + " s behind real time and skipped ahead" : "fell behind real time " + timesSinceLog
                    + " times in the last minute and skipped " + String.format(Locale.ROOT, "%.2f", secondsSinceLog)
                    + " s in all";
            log.warn("The physics of {} {} to stay live: at speed {}x this scene steps slower than real time here, or"
                    + " the machine is too busy to run the physics thread on time (other processes, long GC pauses)",
                    sceneId, what, speed);
            lastLog = now;
            timesSinceLog = 0;
            secondsSinceLog = 0;
        }
    }

    /** Wall seconds skipped since the simulation started. */
    double totalSeconds() {
        return totalSeconds;
    }
}
