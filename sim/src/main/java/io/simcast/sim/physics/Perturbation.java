package io.simcast.sim.physics;

/**
 * What the user's mouse does to a body, as in MuJoCo's {@code mjvPerturb}: which body is selected and whether a
 * spring pulls it toward a reference position ({@link #translate}) and/or orientation ({@link #rotate}).
 *
 * @param body selected body id, 0 for none (the world cannot be moved)
 * @param translate pull the body's grab point toward {@link #referencePosition}
 * @param rotate turn the body toward {@link #referenceQuaternion}
 * @param referencePosition target of the grab point, world frame (3)
 * @param referenceQuaternion target orientation (4, w x y z)
 * @param localPosition grab point in the body frame (3)
 * @param scale spring scale from {@code mjv_initPerturb} (grows with the body's inertia)
 */
public record Perturbation(int body, boolean translate, boolean rotate, double[] referencePosition,
                           double[] referenceQuaternion, double[] localPosition, double scale) {
    /** Nothing selected. */
    public static final Perturbation NONE =
            new Perturbation(0, false, false, new double[3], new double[] {1, 0, 0, 0}, new double[3], 1);

    public Perturbation {
        referencePosition = checked(referencePosition, 3);
        referenceQuaternion = checked(referenceQuaternion, 4);
        localPosition = checked(localPosition, 3);
        if (body < 0) {
            throw new IllegalArgumentException("body id must not be negative");
        }
    }

    /** A body is selected but not moved. */
    public static Perturbation select(int body, double[] localPosition) {
        return new Perturbation(body, false, false, new double[3], new double[] {1, 0, 0, 0}, localPosition, 1);
    }

    public boolean active() {
        return body > 0 && (translate || rotate);
    }

    private static double[] checked(double[] values, int length) {
        if (values == null || values.length != length) {
            throw new IllegalArgumentException("perturbation vector needs " + length + " numbers");
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("perturbation values must be finite");
            }
        }
        return values.clone();
    }
}
