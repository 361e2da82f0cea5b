package io.simcast.bench;

import io.simcast.sim.core.SimData;
import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.scene.Scene;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;

/**
 * What writing one step's controls costs from Java, without the step: every actuator's control written through
 * {@link SimData#ctrl()} (the view over MuJoCo's memory every Simcast caller uses), through one JavaCPP
 * {@code DoublePointer} bulk copy (a JNI call), the same through a fresh pointer from {@code mjData.ctrl()} each step
 * (one more JNI call that makes an object), and through JavaCPP element by element (a JNI call each). The ways
 * alternate in rounds; the best round of each counts. Runs on the calling thread.
 */
public final class ControlWriteBenchmark {
    private static final int ROUNDS = 5;

    private ControlWriteBenchmark() {}

    /**
     * Nanoseconds per step of each way of writing the controls.
     *
     * @param actuators controls written per step
     */
    public record Result(int actuators, double viewNanos, double pointerBulkNanos, double freshPointerBulkNanos,
                         double pointerElementNanos) {}

    /** Writes {@code steps} steps' controls each way per round, after an untimed round. */
    public static Result run(Scene scene, int steps) {
        int nu = scene.model().nu();
        double[] controls = new SplittableRandom(1).doubles((long) steps * nu, -1, 1).toArray();
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        try (SimData data = new SimData(scene.model())) {
            mjData d = data.pointer();
            DoublePointer pointer = d.ctrl().capacity(nu);
            for (int round = 0; round <= ROUNDS; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    data.ctrl().put(controls, i * nu, nu);
                }
                long view = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    pointer.put(controls, i * nu, nu);
                }
                long bulk = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    d.ctrl().capacity(nu).put(controls, i * nu, nu);
                }
                long fresh = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    for (int u = 0; u < nu; u++) {
                        pointer.put(u, controls[i * nu + u]);
                    }
                }
                long element = System.nanoTime();
                if (round > 0) { // round 0 lets the JIT compile all three
                    best[0] = Math.min(best[0], (double) (view - start) / steps);
                    best[1] = Math.min(best[1], (double) (bulk - view) / steps);
                    best[2] = Math.min(best[2], (double) (fresh - bulk) / steps);
                    best[3] = Math.min(best[3], (double) (element - fresh) / steps);
                }
            }
        }
        return new Result(nu, best[0], best[1], best[2], best[3]);
    }
}
