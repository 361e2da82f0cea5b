package io.simcast.sim.render;

/** What a view can show besides the geometry, as simulate's Rendering panel offers it. */
public enum VisualFlag {
    CONTACT_POINTS,
    CONTACT_FORCES,
    JOINTS,
    BODY_FRAMES,
    /** Dynamic bodies drawn half transparent. */
    TRANSPARENCY,
    WIREFRAME,
    SHADOWS,
    REFLECTIONS
}
