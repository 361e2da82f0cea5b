package io.simcast.sim.render;

import static io.simcast.sim.mujoco.global.MuJoCo.mjMOUSE_MOVE_H;
import static io.simcast.sim.mujoco.global.MuJoCo.mjMOUSE_MOVE_V;
import static io.simcast.sim.mujoco.global.MuJoCo.mjMOUSE_ROTATE_H;
import static io.simcast.sim.mujoco.global.MuJoCo.mjMOUSE_ROTATE_V;
import static io.simcast.sim.mujoco.global.MuJoCo.mjMOUSE_ZOOM;

/**
 * What a drag does to the camera or to a perturbed body: MuJoCo's {@code mjtMouse} actions. Vertical means in the
 * plane facing the camera, horizontal in the ground plane (simulate's Shift variants).
 */
public enum DragAction {
    ROTATE_VERTICAL(mjMOUSE_ROTATE_V),
    ROTATE_HORIZONTAL(mjMOUSE_ROTATE_H),
    MOVE_VERTICAL(mjMOUSE_MOVE_V),
    MOVE_HORIZONTAL(mjMOUSE_MOVE_H),
    ZOOM(mjMOUSE_ZOOM);

    /** The mjtMouse value. */
    final int mujoco;

    DragAction(int mujoco) {
        this.mujoco = mujoco;
    }
}
