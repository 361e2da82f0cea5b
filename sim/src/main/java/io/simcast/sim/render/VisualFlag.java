package io.simcast.sim.render;

import static io.simcast.sim.mujoco.global.MuJoCo.mjRND_FOG;
import static io.simcast.sim.mujoco.global.MuJoCo.mjRND_REFLECTION;
import static io.simcast.sim.mujoco.global.MuJoCo.mjRND_SHADOW;
import static io.simcast.sim.mujoco.global.MuJoCo.mjRND_SKYBOX;
import static io.simcast.sim.mujoco.global.MuJoCo.mjRND_WIREFRAME;
import static io.simcast.sim.mujoco.global.MuJoCo.mjVIS_ACTUATOR;
import static io.simcast.sim.mujoco.global.MuJoCo.mjVIS_CAMERA;
import static io.simcast.sim.mujoco.global.MuJoCo.mjVIS_COM;
import static io.simcast.sim.mujoco.global.MuJoCo.mjVIS_CONTACTFORCE;
import static io.simcast.sim.mujoco.global.MuJoCo.mjVIS_CONTACTPOINT;
import static io.simcast.sim.mujoco.global.MuJoCo.mjVIS_INERTIA;
import static io.simcast.sim.mujoco.global.MuJoCo.mjVIS_JOINT;
import static io.simcast.sim.mujoco.global.MuJoCo.mjVIS_LIGHT;
import static io.simcast.sim.mujoco.global.MuJoCo.mjVIS_PERTFORCE;
import static io.simcast.sim.mujoco.global.MuJoCo.mjVIS_TRANSPARENT;

/**
 * What a view can show besides the geometry, as simulate's Rendering panel offers it: MuJoCo's visualisation flags
 * ({@code mjvOption.flags}, per view) and rendering flags ({@code mjvScene.flags}, written before each view's draw).
 */
public enum VisualFlag {
    CONTACT_POINTS(false, mjVIS_CONTACTPOINT),
    CONTACT_FORCES(false, mjVIS_CONTACTFORCE),
    JOINTS(false, mjVIS_JOINT),
    ACTUATORS(false, mjVIS_ACTUATOR),
    CENTRE_OF_MASS(false, mjVIS_COM),
    /** The force a Ctrl+drag applies, as an arrow. */
    PERTURBATION(false, mjVIS_PERTFORCE),
    /** Dynamic bodies drawn half transparent. */
    TRANSPARENCY(false, mjVIS_TRANSPARENT),
    /** Equivalent-inertia boxes. */
    INERTIA(false, mjVIS_INERTIA),
    CAMERAS(false, mjVIS_CAMERA),
    LIGHTS(false, mjVIS_LIGHT),
    WIREFRAME(true, mjRND_WIREFRAME),
    SHADOWS(true, mjRND_SHADOW),
    REFLECTIONS(true, mjRND_REFLECTION),
    SKYBOX(true, mjRND_SKYBOX),
    FOG(true, mjRND_FOG);

    /** Whether it is a rendering flag of the scene (else a visualisation flag of the view's mjvOption). */
    final boolean scene;
    /** Its index in MuJoCo's flag array. */
    final int index;

    VisualFlag(boolean scene, int index) {
        this.scene = scene;
        this.index = index;
    }
}
