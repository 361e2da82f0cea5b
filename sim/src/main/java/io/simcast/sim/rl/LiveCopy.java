package io.simcast.sim.rl;

import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.physics.Perturbation;
import io.simcast.sim.core.SimData;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.physics.SolverStats;
import io.simcast.sim.physics.StepTimers;
import io.simcast.sim.scene.Scene;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The newest state of one environment copy as a {@link SimulationSnapshot}, for whoever draws it.
 *
 * <p>The thread stepping the copy calls {@link #publish} after every reset, and after every step while someone
 * watches (copying the state costs time that training should not pay for nothing). Readers on any thread call
 * {@link #latest()}: a volatile read, never blocking, never null once the copy exists.
 */
final class LiveCopy {
    private final AtomicInteger watchers = new AtomicInteger();
    private volatile SimulationSnapshot latest;
    private long sequence; // stepping thread only

    boolean watched() {
        return watchers.get() > 0;
    }

    void addWatcher() {
        watchers.incrementAndGet();
    }

    void removeWatcher() {
        watchers.decrementAndGet();
    }

    SimulationSnapshot latest() {
        return latest;
    }

    /** Copies the state; RL copies run unpaced, so the pacing and rate fields say so (speed 1, rates 0). */
    void publish(Scene scene, SimData data, long physicsSteps) {
        mjData d = data.pointer();
        latest = new SimulationSnapshot(++sequence, scene, 1, true, false, 1, d.time(), physicsSteps,
                data.qpos().copy(), data.qvel().copy(), data.act().copy(), data.ctrl().copy(), data.mocapPos().copy(),
                data.mocapQuat().copy(), d.energy(0), d.energy(1), d.ncon(), SolverStats.of(d), StepTimers.OFF, 0, 0,
                0, Perturbation.NONE, System.nanoTime());
    }
}
