package io.simcast.sim.render;

/** A pointer button, whatever the device: mouse, touchpad or a browser's pointer events. */
public enum PointerButton {
    LEFT,
    MIDDLE,
    RIGHT
}
