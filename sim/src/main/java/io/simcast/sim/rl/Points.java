package io.simcast.sim.rl;

import java.util.function.IntToDoubleFunction;

/** Small geometry on points given as axis -> coordinate (x, y, z), read straight from the state buffers. */
final class Points {
    private Points() {}

    /** Euclidean distance between two 3-D points. */
    static double distance(IntToDoubleFunction a, IntToDoubleFunction b) {
        double sum = 0;
        for (int axis = 0; axis < 3; axis++) {
            double delta = a.applyAsDouble(axis) - b.applyAsDouble(axis);
            sum += delta * delta;
        }
        return Math.sqrt(sum);
    }
}
