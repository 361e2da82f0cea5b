package io.simcast.sim.render;

/**
 * What lies under a pixel of a view.
 *
 * @param body body id, 0 for the world (static geometry), -1 when the ray hits nothing
 * @param name the body's name, {@code ""} when it has none or nothing was hit
 * @param geom geom id, -1 when the ray hits nothing (or a skin)
 * @param point the world point hit (3), zeros when nothing was hit
 */
public record Pick(int body, String name, int geom, double[] point) {
    static final Pick NONE = new Pick(-1, "", -1, new double[3]);

    public Pick {
        point = point.clone();
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    /** Whether the ray hit anything, the world included. */
    public boolean hit() {
        return body >= 0;
    }
}
