package io.simcast.sim.core;

import static io.simcast.sim.mujoco.global.MuJoCo.simcast_profiler_clock;

/**
 * MuJoCo's profiler clock ({@code mjcb_time}, see {@code simcast_timer.h}): while it is installed every
 * {@code mj_step} and {@code mj_forward} in the process times its stages into {@code mjData.timer}. It is one global
 * callback, so simulations that want it count themselves in and out: it is installed while at least one does, and
 * costs nothing when nobody looks.
 *
 * <p>While someone watches a profiler, the other {@code mjData} of the process (sandboxes, RL copies, rollouts) are
 * timed too. That is harmless to their results: the clock only writes their own {@code mjData.timer}, which nothing
 * reads but a watched {@code Simulation}, and that one clears its timers when its watching starts. It costs them
 * two clock reads per timed stage, about 0.45 us a step: nothing beside a Panda or humanoid step, about 30 % of a
 * pendulum's 1.3 us (docs/ARCHITECTURE.md). Thread-safe.
 */
public final class ProfilerClock {
    private static int users;

    private ProfilerClock() {}

    /** One more user; installs the clock for the first. */
    public static synchronized void acquire() {
        MuJoCoLibrary.load();
        if (users++ == 0) {
            simcast_profiler_clock(true);
        }
    }

    /** One user fewer; removes the clock after the last. */
    public static synchronized void release() {
        if (users == 0) {
            throw new IllegalStateException("the profiler clock was released more often than acquired");
        }
        if (--users == 0) {
            simcast_profiler_clock(false);
        }
    }
}
