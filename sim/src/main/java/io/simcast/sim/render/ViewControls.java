package io.simcast.sim.render;

import java.util.concurrent.CompletableFuture;

/**
 * The gestures a pointer can make on a view: what {@link ViewInput} drives. {@link View} implements it; tests of the
 * gesture mapping implement it to record calls. Coordinates are view pixels from the top-left corner; relative
 * motions are pixel distances divided by the view height, as simulate's {@code reldx}/{@code reldy}.
 */
public interface ViewControls {
    /** View height in pixels: relative motions are measured against it. */
    int height();

    /** Moves the camera (rotate, move or zoom) by a relative distance. */
    void move(DragAction action, double reldx, double reldy);

    /** Selects the body under the pixel for perturbation, or clears the selection when there is none. */
    CompletableFuture<Pick> select(double x, double y);

    /** Makes the point under the pixel the centre the camera looks at. */
    CompletableFuture<Pick> lookAt(double x, double y);

    /** Looks at the point under the pixel and follows its body with a tracking camera. */
    CompletableFuture<Pick> trackAt(double x, double y);

    /** Starts perturbing the selected body (without a selection the drag moves the camera instead). */
    void beginPerturb(PerturbMode mode, double x, double y);

    /** The pointer moved to (x, y) during a perturbation; {@code horizontal} is the Shift variant. */
    void dragPerturb(double x, double y, boolean horizontal);

    /** The perturbation ends; the body stays selected. */
    void endPerturb();
}
