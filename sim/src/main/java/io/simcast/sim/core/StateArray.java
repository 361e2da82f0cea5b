package io.simcast.sim.core;

import java.nio.DoubleBuffer;
import org.bytedeco.javacpp.DoublePointer;

/**
 * One of {@code mjData}'s arrays of doubles (qpos, ctrl, xfrc_applied ...), sized to the model, as a view over
 * MuJoCo's own memory: reading and writing it are plain memory accesses that the JIT compiles inline, with bounds
 * checks and no JNI call. (JavaCPP's {@code DoublePointer} crosses into native code on every {@code put} and
 * {@code get}: about 35 ns for a bulk copy of a humanoid's 21 controls, 250 ns to write them one by one, against
 * 3-4 ns here; and each {@code mjData.ctrl()} makes a fresh pointer object.)
 *
 * <p>Made by {@link SimData} and valid until it is closed (the memory is MuJoCo's, freed by {@code mj_deleteData});
 * used only by the thread that owns that data. Indices are element indices from 0 to {@link #length()} - 1;
 * anything outside throws {@link IndexOutOfBoundsException}.
 */
public final class StateArray {
    private static final StateArray EMPTY = new StateArray(DoubleBuffer.allocate(0));

    private final DoubleBuffer values;

    private StateArray(DoubleBuffer values) {
        this.values = values;
    }

    /** A view of {@code length} doubles from where {@code array} points (MuJoCo's memory, not copied). */
    static StateArray over(DoublePointer array, long length) {
        // asBuffer() wraps the address in a direct buffer of the native byte order; a size-0 array may be NULL.
        return length == 0 ? EMPTY : new StateArray(array.capacity(length).asBuffer());
    }

    /** Number of elements (fixed by the model). */
    public int length() {
        return values.capacity();
    }

    public double get(int index) {
        return values.get(index);
    }

    public void put(int index, double value) {
        values.put(index, value);
    }

    /** Copies the whole array into {@code target}, which must be exactly {@link #length()} long. */
    public void get(double[] target) {
        checkLength(target.length);
        values.get(0, target);
    }

    /** The whole array, copied. */
    public double[] copy() {
        double[] copy = new double[length()];
        values.get(0, copy);
        return copy;
    }

    /** Writes the whole array from {@code source}, which must be exactly {@link #length()} long. */
    public void put(double[] source) {
        checkLength(source.length);
        values.put(0, source);
    }

    /** Writes elements 0 .. {@code length} - 1 from {@code source[offset ..]} (a row of a larger table, say). */
    public void put(double[] source, int offset, int length) {
        values.put(0, source, offset, length);
    }

    /** Sets every element to 0. */
    public void zero() {
        for (int i = 0; i < values.capacity(); i++) {
            values.put(i, 0);
        }
    }

    /**
     * The same memory as a {@link DoubleBuffer} of its own (position and limit are the caller's), for code that
     * indexes it element by element; the same lifetime and thread rules as this array.
     */
    public DoubleBuffer buffer() {
        return values.duplicate();
    }

    private void checkLength(int given) {
        if (given != length()) {
            throw new IllegalArgumentException("expected " + length() + " values, got " + given);
        }
    }
}
