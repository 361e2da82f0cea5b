package io.simcast.sim.physics;

import static io.simcast.sim.mujoco.global.MuJoCo.mjNTIMER;
import static io.simcast.sim.mujoco.global.MuJoCo.mjTIMER_ACCELERATION;
import static io.simcast.sim.mujoco.global.MuJoCo.mjTIMER_ACTUATION;
import static io.simcast.sim.mujoco.global.MuJoCo.mjTIMER_CONSTRAINT;
import static io.simcast.sim.mujoco.global.MuJoCo.mjTIMER_FORWARD;
import static io.simcast.sim.mujoco.global.MuJoCo.mjTIMER_POSITION;
import static io.simcast.sim.mujoco.global.MuJoCo.mjTIMER_POS_COLLISION;
import static io.simcast.sim.mujoco.global.MuJoCo.mjTIMER_POS_MAKE;
import static io.simcast.sim.mujoco.global.MuJoCo.mjTIMER_POS_PROJECT;
import static io.simcast.sim.mujoco.global.MuJoCo.mjTIMER_STEP;
import static io.simcast.sim.mujoco.global.MuJoCo.mjTIMER_VELOCITY;

import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjTimerStat;

/**
 * simulate's profiler: MuJoCo's own timers per stage, in milliseconds per step, averaged over the steps of the last
 * window (simulate averages over the steps between two video frames). Filled only while someone watches (MuJoCo
 * times its stages only while {@link io.simcast.sim.core.ProfilerClock} is installed); {@link #OFF} otherwise.
 * Immutable; read and cleared by the physics thread.
 *
 * @param on whether the profiler runs (false: every figure is 0)
 * @param steps steps the figures are averaged over
 * @param step the whole {@code mj_step} (or {@code mj_forward} in a window without steps)
 * @param forward the forward dynamics in it
 * @param position kinematics, inertia, collision and constraint making ({@code mj_fwdPosition})
 * @param velocity {@code mj_fwdVelocity}
 * @param actuation {@code mj_fwdActuation}
 * @param acceleration {@code mj_fwdAcceleration}
 * @param constraint the constraint solver ({@code mj_fwdConstraint}): simulate's "solve"
 * @param collision collision detection: simulate's "collision"
 * @param prepare making and projecting the constraints: simulate's "prepare"
 */
public record StepTimers(boolean on, int steps, double step, double forward, double position, double velocity,
                         double actuation, double acceleration, double constraint, double collision,
                         double prepare) {
    public static final StepTimers OFF = new StepTimers(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** What the step spent outside collision, prepare and solve: simulate's "other". */
    public double other() {
        return Math.max(0, step - collision - prepare - constraint);
    }

    /**
     * The averages of what {@code d}'s timers hold, then clears them for the next window (physics thread); empty
     * figures (all 0) when nothing ran since the last read.
     */
    static StepTimers readAndClear(mjData d) {
        int number = d.timer(mjTIMER_STEP).number();
        int total = number > 0 ? mjTIMER_STEP : mjTIMER_FORWARD;
        int steps = number > 0 ? number : d.timer(mjTIMER_FORWARD).number();
        double per = 1.0 / Math.max(1, steps);
        StepTimers timers = new StepTimers(true, steps, duration(d, total) * per,
                duration(d, mjTIMER_FORWARD) * per, duration(d, mjTIMER_POSITION) * per,
                duration(d, mjTIMER_VELOCITY) * per, duration(d, mjTIMER_ACTUATION) * per,
                duration(d, mjTIMER_ACCELERATION) * per, duration(d, mjTIMER_CONSTRAINT) * per,
                duration(d, mjTIMER_POS_COLLISION) * per,
                (duration(d, mjTIMER_POS_MAKE) + duration(d, mjTIMER_POS_PROJECT)) * per);
        clear(d);
        return timers;
    }

    /** Zeroes every timer of {@code d} (physics thread). */
    static void clear(mjData d) {
        for (int i = 0; i < mjNTIMER; i++) {
            mjTimerStat timer = d.timer(i);
            timer.duration(0);
            timer.number(0);
        }
    }

    private static double duration(mjData d, int timer) {
        return d.timer(timer).duration();
    }
}
