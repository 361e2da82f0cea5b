package io.simcast.sim.physics;

import io.simcast.sim.scene.Scene;
import java.util.Objects;

/**
 * A request to the simulation. Console keys, browser input and REST calls all become these; the physics thread
 * applies them between steps, one at a time, in the order they were submitted.
 */
public sealed interface SimCommand {
    /** Slowest and fastest speed factors a user may pick (simulate offers the same range). */
    double MIN_SPEED = 1.0 / 16;
    double MAX_SPEED = 16;

    /** Run, paced to wall-clock time times the speed factor. */
    record Play() implements SimCommand {}

    /** Stop advancing time; state and controls stay. */
    record Pause() implements SimCommand {}

    /** Play when paused, pause when playing (the Space key). */
    record TogglePlay() implements SimCommand {}

    /** Advance {@code count} steps right away (while paused, the Right-arrow key). */
    record Step(int count) implements SimCommand {
        public Step {
            if (count < 1 || count > 1_000_000) {
                throw new IllegalArgumentException("step count must be between 1 and 1000000, got " + count);
            }
        }
    }

    /** Back to keyframe 0 when the model has one, else to the model's reference pose; forces are cleared. */
    record Reset() implements SimCommand {}

    /** Speed factor for real-time pacing, {@value #MIN_SPEED} to {@value #MAX_SPEED}. */
    record SetSpeed(double factor) implements SimCommand {
        public SetSpeed {
            if (!(factor >= MIN_SPEED && factor <= MAX_SPEED)) {
                throw new IllegalArgumentException("speed must be between 1/16 and 16, got " + factor);
            }
        }
    }

    /**
     * The speed factor times {@code times}, kept within {@value #MIN_SPEED} to {@value #MAX_SPEED} (simulate's - and =
     * keys): relative to the factor the physics thread holds when it applies it, so two quick presses make two
     * changes even where the presser's last look at the state is stale.
     */
    record ScaleSpeed(double times) implements SimCommand {
        public ScaleSpeed {
            if (!(times > 0 && Double.isFinite(times))) {
                throw new IllegalArgumentException("speed change must be a positive number, got " + times);
            }
        }
    }

    /** Real-time pacing on, or off to step as fast as the CPU allows (benchmarks, RL). */
    record SetPaced(boolean paced) implements SimCommand {}

    /** All actuator controls at once; the length must be the model's {@code nu}. */
    record SetControls(double[] values) implements SimCommand {
        public SetControls {
            values = values.clone();
            for (double value : values) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("controls must be finite numbers");
                }
            }
        }
    }

    /** Every control set to zero, as simulate's "Clear all". */
    record ClearControls() implements SimCommand {}

    /** One actuator's control. */
    record SetControl(int actuator, double value) implements SimCommand {
        public SetControl {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("control must be a finite number");
            }
        }
    }

    /**
     * A constant external force and torque (world frame, at the body's centre of mass) on one body, until replaced,
     * cleared with zeros, or the scene is reset.
     */
    record ApplyForce(int body, double[] force, double[] torque) implements SimCommand {
        public ApplyForce {
            force = vector(force, 3, "force");
            torque = vector(torque, 3, "torque");
        }
    }

    /**
     * Writes some elements of the generalised positions (by index into qpos), then recomputes everything derived
     * from them; velocities stay. How agents pose a joint by name ({@code io.simcast.sim.scene.ModelDescription}
     * finds a joint's indices).
     */
    record SetPositions(int[] indices, double[] values) implements SimCommand {
        public SetPositions {
            indices = indices.clone();
            values = values.clone();
            if (indices.length != values.length) {
                throw new IllegalArgumentException("positions need one value per index");
            }
            for (double value : values) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("positions must be finite numbers");
                }
            }
        }
    }

    /** The whole state of keyframe {@code key} (time, positions, velocities, controls); user forces are cleared. */
    record LoadKeyframe(int key) implements SimCommand {}

    /** The mouse perturbation of simulate: select, pull, or rotate a body; see {@link Perturbation}. */
    record Perturb(Perturbation perturbation) implements SimCommand {
        public Perturb {
            Objects.requireNonNull(perturbation, "perturbation");
        }
    }

    /**
     * Someone starts ({@code true}) or stops watching simulate's profiler: MuJoCo times each stage of the step while
     * at least one watcher is counted in (and costs nothing otherwise); snapshots carry the {@link StepTimers}.
     * Every start must be matched by one stop.
     */
    record WatchProfiler(boolean watching) implements SimCommand {}

    /**
     * Swap in a compiled scene. The running scene keeps running until this is applied; the simulation takes
     * the scene's model reference whether the swap succeeds or not.
     */
    record LoadScene(Scene scene) implements SimCommand {
        public LoadScene {
            Objects.requireNonNull(scene, "scene");
        }
    }

    private static double[] vector(double[] values, int length, String name) {
        if (values == null || values.length != length) {
            throw new IllegalArgumentException(name + " needs " + length + " numbers");
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " must be finite numbers");
            }
        }
        return values.clone();
    }
}
