package io.simcast.sim.render;

/**
 * Turns device-neutral pointer events into MuJoCo simulate's gestures on a view, so the console and browsers
 * behave the same:
 *
 * <ul>
 *   <li>left drag rotates the camera, right drag moves it, middle drag or the wheel zooms; with Shift, rotate and
 *       move act in the horizontal plane;
 *   <li>Ctrl+left drag rotates the selected body, Ctrl+right drag pulls it (Shift: in the horizontal plane); with
 *       nothing selected the drag moves the camera, as simulate does;
 *   <li>left double-click selects the body under the pointer (or clears the selection);
 *   <li>right double-click makes the point under the pointer the camera's centre; Ctrl+right double-click also
 *       tracks its body.
 * </ul>
 *
 * <p>Positions are view pixels from the top-left corner. One instance per input source and view; it keeps the
 * state of the drag in progress and is not thread-safe: call it from the one thread that delivers that source's
 * events (the JavaFX thread, a connection's input handler).
 */
public final class ViewInput {
    /** Camera zoom per wheel notch, as simulate. */
    static final double ZOOM_PER_NOTCH = 0.05;

    private final ViewControls view;
    private PointerButton pressed;
    private boolean perturbing;
    private double lastX;
    private double lastY;

    public ViewInput(ViewControls view) {
        this.view = view;
    }

    /** A button went down; the first button down owns the drag until it goes up. */
    public void pointerDown(double x, double y, PointerButton button, Modifiers modifiers) {
        if (pressed != null) {
            return;
        }
        pressed = button;
        lastX = x;
        lastY = y;
        perturbing = modifiers.control() && button != PointerButton.MIDDLE;
        if (perturbing) {
            view.beginPerturb(button == PointerButton.RIGHT ? PerturbMode.TRANSLATE : PerturbMode.ROTATE, x, y);
        }
    }

    /** The pointer moved; only a drag does anything. */
    public void pointerMove(double x, double y, Modifiers modifiers) {
        if (pressed == null) {
            return;
        }
        if (perturbing) {
            view.dragPerturb(x, y, modifiers.shift());
        } else {
            double height = view.height();
            view.move(action(pressed, modifiers.shift()), (x - lastX) / height, (y - lastY) / height);
        }
        lastX = x;
        lastY = y;
    }

    /** A button went up; releasing the button that started the drag ends it. */
    public void pointerUp(double x, double y, PointerButton button) {
        if (button != pressed) {
            return;
        }
        if (perturbing) {
            view.endPerturb();
        }
        pressed = null;
        perturbing = false;
    }

    /**
     * The wheel turned by {@code dy} notches, positive away from the user (scrolling up), which moves the camera
     * away, as simulate's {@code -0.05 * yoffset} does (measured: the free camera's distance grows).
     * Horizontal wheel motion does nothing, as in simulate.
     */
    public void wheel(double dx, double dy) {
        if (dy != 0) {
            view.move(DragAction.ZOOM, 0, -ZOOM_PER_NOTCH * dy);
        }
    }

    /** A double-click: select (left), look at (right) or track (Ctrl+right) what is under the pointer. */
    public void doubleClick(double x, double y, PointerButton button, Modifiers modifiers) {
        switch (button) {
            case LEFT -> view.select(x, y);
            case RIGHT -> {
                if (modifiers.control()) {
                    view.trackAt(x, y);
                } else {
                    view.lookAt(x, y);
                }
            }
            case MIDDLE -> { } // simulate gives the middle button no double-click
        }
    }

    /** simulate's mapping from the dragging button and Shift to a camera action. */
    private static DragAction action(PointerButton button, boolean shift) {
        return switch (button) {
            case LEFT -> shift ? DragAction.ROTATE_HORIZONTAL : DragAction.ROTATE_VERTICAL;
            case RIGHT -> shift ? DragAction.MOVE_HORIZONTAL : DragAction.MOVE_VERTICAL;
            case MIDDLE -> DragAction.ZOOM;
        };
    }
}
