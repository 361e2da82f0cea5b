package io.simcast.sim.rl;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Gymnasium's {@code Box} space: a flat vector of {@code shape[0]} numbers, each between its {@code low} and
 * {@code high} bound (infinite bounds allowed). Immutable; any thread.
 *
 * <p>Values are computed and checked in double precision. {@code dtype} is what a Python client should declare:
 * {@code float32}, what Stable-Baselines3 expects; every finite bound Simcast uses is exactly representable in
 * float32, so a client that clips to the space in float32 never lands outside it here.
 *
 * @param shape the dimensions (always one: {@code [n]})
 * @param low lower bounds (n)
 * @param high upper bounds (n)
 * @param dtype the element type a client should use
 */
public record Box(int[] shape, double[] low, double[] high, String dtype) {
    public static final String FLOAT32 = "float32";

    public Box {
        shape = shape.clone();
        low = low.clone();
        high = high.clone();
        if (shape.length != 1 || low.length != shape[0] || high.length != shape[0]) {
            throw new IllegalArgumentException("a Box needs one dimension and n bounds on each side");
        }
    }

    /** n numbers, all in [low, high]. */
    public static Box of(int n, double low, double high) {
        double[] lows = new double[n];
        double[] highs = new double[n];
        Arrays.fill(lows, low);
        Arrays.fill(highs, high);
        return new Box(new int[] {n}, lows, highs, FLOAT32);
    }

    /** n unbounded numbers (observations). */
    public static Box unbounded(int n) {
        return of(n, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** Number of elements. */
    public int size() {
        return shape[0];
    }

    /** A uniform sample (finite bounds only), as Gymnasium's {@code Box.sample()}. */
    public double[] sample(RandomGenerator random) {
        double[] values = new double[size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = low[i] + (high[i] - low[i]) * random.nextDouble();
        }
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Box box && Arrays.equals(shape, box.shape) && Arrays.equals(low, box.low)
                && Arrays.equals(high, box.high) && dtype.equals(box.dtype);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(low) * 31 + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Box(" + Arrays.toString(low) + ", " + Arrays.toString(high) + ", (" + size() + ",), " + dtype + ")";
    }
}
