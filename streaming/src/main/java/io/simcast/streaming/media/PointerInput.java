package io.simcast.streaming.media;

/**
 * Pointer gestures on a view, device-neutral: coordinates in the view's pixels, buttons as DOM numbers (0 left,
 * 1 middle, 2 right), modifiers as {@link #SHIFT} | {@link #CTRL} | {@link #ALT} | {@link #META}.
 */
public interface PointerInput {
    int SHIFT = 1;
    int CTRL = 2;
    int ALT = 4;
    int META = 8;

    void pointerDown(double x, double y, int button, int modifiers);

    void pointerMove(double x, double y, int modifiers);

    void pointerUp(double x, double y, int button, int modifiers);

    void wheel(double dx, double dy);

    void doubleClick(double x, double y, int button, int modifiers);
}
