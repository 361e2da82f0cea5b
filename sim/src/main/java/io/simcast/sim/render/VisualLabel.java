package io.simcast.sim.render;

/** Which objects a view labels with their names (simulate's "Label" choice); in MuJoCo's {@code mjtLabel} order. */
public enum VisualLabel {
    NONE, BODY, JOINT, GEOM, SITE, CAMERA, LIGHT, TENDON, ACTUATOR, CONSTRAINT, SKIN, SELECTION, SELECTION_POINT,
    CONTACT_FORCE
}
