package io.simcast.sim.render;

/** Which frames a view draws as axes (simulate's "Frame" choice); in MuJoCo's {@code mjtFrame} order. */
public enum VisualFrame {
    NONE, BODY, GEOM, SITE, CAMERA, LIGHT, CONTACT, WORLD
}
