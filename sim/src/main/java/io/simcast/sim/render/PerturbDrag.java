package io.simcast.sim.render;

import static io.simcast.sim.mujoco.global.MuJoCo.mjPERT_ROTATE;
import static io.simcast.sim.mujoco.global.MuJoCo.mjPERT_TRANSLATE;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_defaultPerturb;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_initPerturb;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_movePerturb;

import io.simcast.sim.mujoco.mjvPerturb;
import io.simcast.sim.physics.Perturbation;

/**
 * One view's Ctrl+drag, as simulate: with a body selected, a spring reference ({@code mjvPerturb}) starts at the
 * body's pose, follows the pointer in the plane facing the camera (or the ground plane), and each move goes to the
 * physics thread as a perturbation; without a selection the drag moves the camera instead.
 *
 * <p>Render thread only; the {@code mjvPerturb} is allocated and freed there.
 */
final class PerturbDrag implements AutoCloseable {
    /** Where a drag without a selected body goes. */
    @FunctionalInterface
    interface CameraMove {
        void move(DragAction action, double reldx, double reldy);
    }

    private final RenderLoop loop;
    private final ViewCamera camera;
    private final mjvPerturb perturb = new mjvPerturb();
    /** Null while no drag is in progress. */
    private PerturbMode mode;
    private boolean perturbing;
    private double lastX;
    private double lastY;
    private boolean closed;

    PerturbDrag(RenderLoop loop, ViewCamera camera) {
        this.loop = loop;
        this.camera = camera;
        mjv_defaultPerturb(perturb);
    }

    /** Starts a drag at (x, y); perturbs the selected body if there is one. */
    void begin(PerturbMode dragMode, double x, double y) {
        SceneResources scene = loop.scene();
        Perturbation selection = loop.selection();
        mode = dragMode;
        perturbing = scene != null && selection.body() > 0;
        lastX = x;
        lastY = y;
        if (perturbing) {
            PerturbationStruct.write(selection, perturb);
            perturb.active(dragMode == PerturbMode.TRANSLATE ? mjPERT_TRANSLATE : mjPERT_ROTATE);
            camera.updateIn(scene);
            mjv_initPerturb(scene.model(), scene.data().pointer(), scene.scene(), perturb);
            loop.perturb(PerturbationStruct.read(perturb));
        }
    }

    /** The pointer moved to (x, y) in a view {@code height} pixels high; {@code horizontal} is simulate's Shift. */
    void moveTo(double x, double y, boolean horizontal, int height, CameraMove cameraMove) {
        SceneResources scene = loop.scene();
        if (mode == null || scene == null) {
            return;
        }
        double reldx = (x - lastX) / height;
        double reldy = (y - lastY) / height;
        lastX = x;
        lastY = y;
        DragAction action = mode.action(horizontal);
        if (!perturbing) {
            cameraMove.move(action, reldx, reldy);
            return;
        }
        camera.updateIn(scene);
        mjv_movePerturb(scene.model(), scene.data().pointer(), action.mujoco, reldx, reldy, scene.scene(), perturb);
        loop.perturb(PerturbationStruct.read(perturb));
    }

    /** Ends the drag: the body stays selected and the spring lets go. */
    void end() {
        if (mode != null && perturbing) {
            perturb.active(0);
            loop.perturb(PerturbationStruct.read(perturb));
        }
        mode = null;
    }

    /** Forgets a drag whose body went with its scene, without telling the new scene anything. */
    void forget() {
        mode = null;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            perturb.close();
        }
    }
}
