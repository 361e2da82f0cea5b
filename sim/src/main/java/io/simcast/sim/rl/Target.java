package io.simcast.sim.rl;

import java.util.random.RandomGenerator;

/**
 * A task's target point, kept as the position of a mocap body named {@value #BODY} that the task adds to the
 * scene: it is part of the simulation state, so snapshots carry it and a renderer draws it with no extra channel.
 * Drawn uniformly from a box each episode, or given by the reset option {@value #OPTION}. Stepping thread only.
 */
final class Target {
    static final String BODY = "target";
    static final String OPTION = "target";

    private final PhysicsView physics;
    private final int mocap;
    private final double[] low;
    private final double[] high;

    Target(PhysicsView physics, double[] low, double[] high) {
        this.physics = physics;
        this.mocap = physics.mocap(BODY);
        this.low = low;
        this.high = high;
    }

    /** MJCF for the marker: a translucent sphere that nothing collides with. */
    static String marker(String rgba) {
        return "<body name=\"" + BODY + "\" mocap=\"true\" pos=\"0 0 1\"><geom name=\"" + BODY + "\" type=\"sphere\""
                + " size=\"0.025\" rgba=\"" + rgba + "\" contype=\"0\" conaffinity=\"0\"/></body>\n";
    }

    /** Puts the target where the options say, else somewhere in its box. */
    void place(RandomGenerator random, ResetOptions options) {
        double[] given = options.vector(OPTION, low, high);
        for (int axis = 0; axis < 3; axis++) {
            double value = given != null ? given[axis] : random.nextDouble(low[axis], high[axis]);
            physics.mocapPos.put(3 * mocap + axis, value);
        }
    }

    double get(int axis) {
        return physics.mocapPos.get(3 * mocap + axis);
    }
}
