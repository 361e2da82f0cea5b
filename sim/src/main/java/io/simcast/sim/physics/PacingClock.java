package io.simcast.sim.physics;

/**
 * Maps wall-clock time to the simulation time the physics should have reached: an anchor pair (wall, sim) and a
 * speed factor. Re-anchoring on every change keeps pacing exact over long runs (no accumulated sleep error).
 * Physics thread only.
 */
final class PacingClock {
    private long anchorWall;
    private double anchorSim;
    private double speed = 1;

    /** Starts measuring from {@code simTime} at wall time {@code now}. */
    void anchor(long now, double simTime) {
        anchorWall = now;
        anchorSim = simTime;
    }

    void setSpeed(double speed, long now, double simTime) {
        this.speed = speed;
        anchor(now, simTime);
    }

    double speed() {
        return speed;
    }

    /** The simulation time due at wall time {@code now}. */
    double due(long now) {
        return anchorSim + (now - anchorWall) * 1e-9 * speed;
    }

    /** The wall time at which {@code simTime} falls due. */
    long wallTimeOf(double simTime) {
        return anchorWall + (long) ((simTime - anchorSim) / speed * 1e9);
    }
}
