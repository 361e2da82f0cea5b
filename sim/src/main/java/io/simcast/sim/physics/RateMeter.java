package io.simcast.sim.physics;

/** Achieved real-time factor and step rate over consecutive half-second windows. Physics thread only. */
final class RateMeter {
    private static final long WINDOW_NANOS = 500_000_000L;

    private long windowStart = -1;
    private double windowSimStart;
    private long windowStepsStart;
    private double realTimeFactor;
    private double stepsPerSecond;

    /** Starts a new window, e.g. after a reset or a pause, so jumps in time are not counted. */
    void restart(long now, double simTime, long steps) {
        windowStart = now;
        windowSimStart = simTime;
        windowStepsStart = steps;
    }

    /** Closes the window when it is long enough; call after every batch of steps. */
    void update(long now, double simTime, long steps) {
        if (windowStart < 0) {
            restart(now, simTime, steps);
            return;
        }
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            realTimeFactor = (simTime - windowSimStart) / (elapsed * 1e-9);
            stepsPerSecond = (steps - windowStepsStart) / (elapsed * 1e-9);
            restart(now, simTime, steps);
        }
    }

    /** Paused: nothing advances. */
    void idle() {
        realTimeFactor = 0;
        stepsPerSecond = 0;
        windowStart = -1;
    }

    double realTimeFactor() {
        return realTimeFactor;
    }

    double stepsPerSecond() {
        return stepsPerSecond;
    }
}
