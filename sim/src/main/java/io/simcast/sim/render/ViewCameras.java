package io.simcast.sim.render;

/**
 * Which camera a view looks through, switched as simulate's camera keys do: ] the next fixed camera of the model,
 * [ the previous one, Esc the free camera. Each call is relative to the view's camera at the time the render thread
 * applies it, so callers need not know which camera is in use. {@link View} implements it; tests of the key
 * definitions implement it to record calls.
 */
public interface ViewCameras {
    /** simulate's ]: the next fixed camera (from the free camera: the first). */
    void nextCamera();

    /** simulate's [: the previous fixed camera (from the first: the free camera). */
    void previousCamera();

    /** simulate's Esc: the free camera. */
    void useFreeCamera();
}
