package io.simcast.sim.physics;

import static io.simcast.sim.mujoco.global.MuJoCo.mjNSOLVER;

import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjSolverStat;

/**
 * The constraint solver's figures of the last step, as simulate's info overlay shows them ("Size: nefc (ncon con)",
 * "Solver: log10 residual (iterations it)"). Immutable; made on the physics thread when it publishes a snapshot.
 *
 * @param constraints scalar constraints ({@code nefc})
 * @param iterations solver iterations ({@code solver_iter})
 * @param residual log10 of the last iteration's residual, as simulate shows it: the smaller of improvement and
 *     gradient (the larger when that is 0), at least MuJoCo's mjMINVAL (so -15 without iterations)
 */
public record SolverStats(int constraints, int iterations, double residual) {
    /** MuJoCo's mjMINVAL, which keeps the logarithm finite. */
    private static final double MIN_VALUE = 1e-15;
    public static final SolverStats NONE = new SolverStats(0, 0, Math.log10(MIN_VALUE));

    /** Reads {@code d} after a step (physics thread). */
    public static SolverStats of(mjData d) {
        int iterations = d.solver_iter();
        if (iterations == 0) {
            return new SolverStats(d.nefc(), 0, NONE.residual());
        }
        mjSolverStat last = d.solver(Math.min(iterations, mjNSOLVER) - 1);
        double residual = Math.min(last.improvement(), last.gradient());
        if (residual == 0) {
            residual = Math.max(last.improvement(), last.gradient());
        }
        return new SolverStats(d.nefc(), iterations, Math.log10(Math.max(MIN_VALUE, residual)));
    }
}
