package io.simcast.sim.render;

import static io.simcast.sim.mujoco.global.MuJoCo.mjCAMERA_FIXED;
import static io.simcast.sim.mujoco.global.MuJoCo.mjCAMERA_FREE;
import static io.simcast.sim.mujoco.global.MuJoCo.mjCAMERA_TRACKING;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_defaultFreeCamera;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_moveCamera;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_updateCamera;

import io.simcast.sim.mujoco.mjvCamera;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bytedeco.javacpp.DoublePointer;

/**
 * One view's camera ({@code mjvCamera}) and simulate's ways of steering it: the free camera that orbits, pans and
 * zooms; the model's fixed cameras, stepped through with [ and ]; tracking a body; re-centring on a point.
 *
 * <p>Render thread only (the camera moves relative to the abstract scene's current camera pose).
 */
final class ViewCamera implements AutoCloseable {
    private final mjvCamera camera = new mjvCamera();
    private boolean closed;

    mjvCamera pointer() {
        return camera;
    }

    /** The model's default free camera: what simulate shows after loading or on "reset view". */
    void reset(SceneResources scene) {
        mjv_defaultFreeCamera(scene.model(), camera);
    }

    /** Moves the camera as simulate's mouse does; fixed cameras do not move. */
    void move(DragAction action, double reldx, double reldy, SceneResources scene) {
        updateIn(scene);
        mjv_moveCamera(scene.model(), action.mujoco, reldx, reldy, scene.scene(), camera);
    }

    /** Puts this camera's pose into the abstract scene, which picking and moving are relative to. */
    void updateIn(SceneResources scene) {
        mjv_updateCamera(scene.model(), scene.data().pointer(), camera, scene.scene());
    }

    void useFree() {
        camera.type(mjCAMERA_FREE);
    }

    void useFixed(int index) {
        camera.type(mjCAMERA_FIXED);
        camera.fixedcamid(index);
    }

    /**
     * Follows {@code body}. MuJoCo moves a tracking camera's centre a fifth of the way to the body at each update;
     * starting it on the body's centre of mass avoids a slow swing over from wherever the camera looked before.
     */
    void track(int body, SceneResources scene) {
        DoublePointer centres = scene.data().pointer().subtree_com();
        for (int i = 0; i < 3; i++) {
            camera.lookat(i, centres.get(3L * body + i));
        }
        camera.type(mjCAMERA_TRACKING);
        camera.trackbodyid(body);
    }

    /** Where the camera looks, for telling whether a tracking camera is still catching up with its body. */
    double[] lookAtPoint() {
        return new double[] {camera.lookat(0), camera.lookat(1), camera.lookat(2)};
    }

    /** The fixed camera looked through, or -1 for the free or a tracking camera. */
    int fixedIndex() {
        return camera.type() == mjCAMERA_FIXED ? camera.fixedcamid() : -1;
    }

    /** The camera now; {@code fixedNames} are the model's fixed cameras in model order. */
    CameraPose pose(List<String> fixedNames) {
        int index = fixedIndex();
        if (index < 0 || index >= fixedNames.size()) {
            return new CameraPose(OptionalInt.empty(), Optional.empty(), lookAtPoint(), camera.distance(),
                    camera.azimuth(), camera.elevation());
        }
        String name = fixedNames.get(index).isEmpty() ? "camera " + index : fixedNames.get(index);
        return new CameraPose(OptionalInt.of(index), Optional.of(name), lookAtPoint(), camera.distance(),
                camera.azimuth(), camera.elevation());
    }

    boolean isTracking() {
        return camera.type() == mjCAMERA_TRACKING;
    }

    /** Whether the camera centre moved by more than a ten-thousandth of the model's size (far below a pixel). */
    boolean movedSince(double[] before, SceneResources scene) {
        double[] now = lookAtPoint();
        double dx = now[0] - before[0];
        double dy = now[1] - before[1];
        double dz = now[2] - before[2];
        double tolerance = 1e-4 * scene.model().stat().extent();
        return dx * dx + dy * dy + dz * dz > tolerance * tolerance;
    }

    /** simulate's ]: from the free camera to fixed camera 0, then on to the last one. */
    void next(int fixedCameras) {
        if (fixedCameras == 0) {
            return;
        }
        if (camera.type() != mjCAMERA_FIXED) {
            useFixed(0);
        } else if (camera.fixedcamid() < fixedCameras - 1) {
            useFixed(camera.fixedcamid() + 1);
        }
    }

    /** simulate's [: back through the fixed cameras, and from fixed camera 0 to the free one. */
    void previous() {
        if (camera.type() != mjCAMERA_FIXED) {
            return;
        }
        if (camera.fixedcamid() > 0) {
            useFixed(camera.fixedcamid() - 1);
        } else {
            useFree();
        }
    }

    /** A free camera at a pose: looking at {@code lookAt} from {@code distance}, turned by azimuth and elevation. */
    void placeFree(double[] lookAt, double distance, double azimuth, double elevation) {
        camera.type(mjCAMERA_FREE);
        lookAt(lookAt);
        camera.distance(distance);
        camera.azimuth(azimuth);
        camera.elevation(elevation);
    }

    /** Makes {@code point} the point the free or tracking camera looks at (simulate's right double-click). */
    void lookAt(double[] point) {
        for (int i = 0; i < 3; i++) {
            camera.lookat(i, point[i]);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            camera.close();
        }
    }
}
