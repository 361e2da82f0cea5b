package io.simcast.sim.physics;

import io.simcast.sim.core.SimData;
import io.simcast.sim.scene.Scene;
import java.util.List;
import java.util.Optional;

/**
 * One consistent state of the simulation, copied by the physics thread between two steps. Immutable by contract:
 * the arrays are the snapshot's own copies and readers must not modify them. Any thread may read it.
 *
 * @param sequence increases with every snapshot published
 * @param scene the scene this state belongs to
 * @param sceneGeneration increases with every scene loaded (a reload of the same file counts)
 * @param playing whether time is advancing
 * @param paced whether time is paced to the wall clock
 * @param speed the speed factor used when paced
 * @param time simulation time in seconds
 * @param steps steps taken since the scene was loaded or reset
 * @param qpos generalised positions (nq)
 * @param qvel generalised velocities (nv)
 * @param act actuator activations (na)
 * @param ctrl actuator controls (nu)
 * @param mocapPos mocap body positions (nmocap x 3)
 * @param mocapQuat mocap body orientations (nmocap x 4)
 * @param potentialEnergy potential energy in joules
 * @param kineticEnergy kinetic energy in joules
 * @param contacts number of active contacts
 * @param solver the constraint solver's figures of the last step (simulate's info overlay)
 * @param timers simulate's profiler: MuJoCo's time per stage per step lately ({@link StepTimers#OFF} unless someone
 *     watches it, see {@link SimCommand.WatchProfiler})
 * @param realTimeFactor simulated seconds per wall-clock second over the last half second (0 when paused)
 * @param stepsPerSecond steps per wall-clock second over the same window
 * @param skippedSeconds wall-clock seconds the physics has skipped since it started, each time it fell more than a
 *     tenth of a second behind real time (simulate's re-sync); 0 for as long as it kept real time
 * @param perturbation what the mouse is doing to a body
 * @param capturedNanos {@link System#nanoTime()} when the state was copied
 */
public record SimulationSnapshot(long sequence, Scene scene, long sceneGeneration, boolean playing, boolean paced,
                                 double speed, double time, long steps, double[] qpos, double[] qvel, double[] act,
                                 double[] ctrl, double[] mocapPos, double[] mocapQuat, double potentialEnergy,
                                 double kineticEnergy, int contacts, SolverStats solver, StepTimers timers,
                                 double realTimeFactor, double stepsPerSecond, double skippedSeconds,
                                 Perturbation perturbation, long capturedNanos) {

    /** Total mechanical energy. */
    public double energy() {
        return potentialEnergy + kineticEnergy;
    }

    public String sceneId() {
        return scene.id();
    }

    /** The body the mouse selected (double-click in the console or a page), by its label; empty when none is. */
    public Optional<String> selectedBody() {
        List<String> bodies = scene.model().description().bodies();
        int body = perturbation.body();
        return body > 0 && body < bodies.size() ? Optional.of(bodies.get(body)) : Optional.empty();
    }

    /**
     * Writes this state (time, positions, velocities, activations, controls, mocap poses) into {@code data} of the
     * same model, for a reader's own copy (the renderer's, a state probe's); {@code mj_forward} is the caller's.
     */
    public void writeTo(SimData data) {
        data.qpos().put(qpos);
        data.qvel().put(qvel);
        data.act().put(act);
        data.ctrl().put(ctrl);
        data.mocapPos().put(mocapPos);
        data.mocapQuat().put(mocapQuat);
        data.pointer().time(time);
    }
}
