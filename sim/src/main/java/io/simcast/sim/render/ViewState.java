package io.simcast.sim.render;

import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_BODY;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_defaultOption;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_select;

import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjvOption;
import io.simcast.sim.physics.Perturbation;
import io.simcast.sim.physics.SimulationSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The render thread's side of one {@link View}: its camera, visual options, framebuffers, frame pool and
 * subscribers; it draws and publishes the view's frames, picks under its pixels, and owns its {@link FrameSchedule}
 * and {@link PerturbDrag}.
 *
 * <p>Render thread only. Created (without native objects) by the caller of {@code Renderer.createView};
 * {@link #attach} allocates its native objects on the render thread and {@link #close} frees them there.
 */
final class ViewState {
    private static final Logger log = LoggerFactory.getLogger(ViewState.class);
    /** Frames a view may have out at once: two per subscriber (one in its slot, one in use) and a few spare. */
    private static final int SPARE_FRAMES = 4;

    private final String id;
    private final RenderLoop loop;
    private final FramePool pool = new FramePool();
    private final List<FrameSubscription> subscribers = new ArrayList<>();
    private final FrameSchedule schedule;
    private int width;
    private int height;
    private Quality quality;
    private VisualOptions visual;
    private ViewCamera camera;
    private mjvOption option;
    private PerturbDrag drag;
    private RenderTarget target;
    private long frameNumber;
    private Frame frame;
    private boolean settling;
    private boolean starved;
    private boolean closed;

    ViewState(String id, RenderLoop loop, ViewSpec spec) {
        this.id = id;
        this.loop = loop;
        this.width = spec.width();
        this.height = spec.height();
        this.schedule = new FrameSchedule(spec.fps(), System.nanoTime());
        this.quality = spec.quality();
        this.visual = VisualOptions.of(spec.quality());
    }

    String id() {
        return id;
    }

    boolean isClosed() {
        return closed;
    }

    /** Allocates the camera, options and drag; the camera starts as the scene's default free camera. */
    void attach(SceneResources scene) {
        camera = new ViewCamera();
        option = new mjvOption();
        drag = new PerturbDrag(loop, camera);
        mjv_defaultOption(option);
        if (scene != null) {
            camera.reset(scene);
        }
    }

    /** A new scene replaced the old: default camera, no drag (its body is gone), framebuffers rebuilt if needed. */
    void sceneChanged(SceneResources scene) {
        camera.reset(scene);
        drag.forget();
        schedule.changed();
    }

    // ---- settings ------------------------------------------------------------------------------------------

    void resize(int newWidth, int newHeight) {
        width = newWidth;
        height = newHeight;
        schedule.changed();
    }

    void setFps(double fps) {
        schedule.setFps(fps);
    }

    void setQuality(Quality next) {
        quality = next;
        visual = visual.withQuality(next);
        schedule.changed();
    }

    void setOptions(VisualOptions next) {
        visual = next;
        schedule.changed();
    }

    void addSubscriber(FrameSubscription subscription) {
        if (!subscription.isClosed()) {
            subscribers.add(subscription);
            schedule.changed(); // a new subscriber gets a picture even when nothing moves
        }
    }

    void removeSubscriber(FrameSubscription subscription) {
        subscribers.remove(subscription);
    }

    // ---- camera --------------------------------------------------------------------------------------------

    void move(DragAction action, double reldx, double reldy) {
        SceneResources scene = loop.scene();
        if (scene != null) {
            camera.move(action, reldx, reldy, scene);
            schedule.changed();
        }
    }

    void useFreeCamera() {
        camera.useFree();
        schedule.changed();
    }

    void placeFreeCamera(double[] lookAt, double distance, double azimuth, double elevation) {
        camera.placeFree(lookAt, distance, azimuth, elevation);
        schedule.changed();
    }

    void useFixedCamera(int index) {
        SceneResources scene = loop.scene();
        if (scene != null && index >= 0 && index < scene.modelHandle().ncam()) {
            camera.useFixed(index);
            schedule.changed();
        }
    }

    void nextCamera() {
        SceneResources scene = loop.scene();
        if (scene != null) {
            camera.next(scene.modelHandle().ncam());
            schedule.changed();
        }
    }

    /** The fixed camera looked through, or -1 for the free or a tracking camera. */
    int fixedCamera() {
        return camera.fixedIndex();
    }

    void previousCamera() {
        camera.previous();
        schedule.changed();
    }

    void track(int body) {
        SceneResources scene = loop.scene();
        if (scene != null && body >= 0 && body < scene.modelHandle().nbody()) {
            camera.track(body, scene);
            schedule.changed();
        }
    }

    void resetCamera() {
        SceneResources scene = loop.scene();
        if (scene != null) {
            camera.reset(scene);
            schedule.changed();
        }
    }

    /** simulate's right double-click: look at the point under the pixel. */
    Pick lookAt(double x, double y) {
        Pick pick = pick(x, y);
        if (pick.hit()) {
            camera.lookAt(pick.point());
            schedule.changed();
        }
        return pick;
    }

    /** simulate's Ctrl+right double-click: look at the point and follow its body if it can move. */
    Pick trackAt(double x, double y) {
        Pick pick = pick(x, y);
        SceneResources scene = loop.scene();
        if (pick.body() > 0 && scene != null) {
            camera.track(pick.body(), scene);
            camera.lookAt(pick.point());
            schedule.changed();
        } else if (pick.hit()) {
            camera.lookAt(pick.point());
            schedule.changed();
        }
        return pick;
    }

    // ---- picking and perturbation --------------------------------------------------------------------------

    /** The body and world point under (x, y), view pixels from the top-left corner, in the state last drawn. */
    Pick pick(double x, double y) {
        SceneResources scene = loop.scene();
        if (scene == null) {
            return Pick.NONE;
        }
        camera.updateIn(scene);
        int[] geom = {-1};
        int[] skin = {-1};
        try (DoublePointer point = new DoublePointer(3)) {
            int body = mjv_select(scene.model(), scene.data().pointer(), option, (double) width / height, x / width,
                    (height - y) / height, scene.scene(), point, geom, skin);
            if (body < 0) {
                return Pick.NONE;
            }
            double[] world = new double[3];
            point.get(world);
            return new Pick(body, scene.modelHandle().name(mjOBJ_BODY, body), geom[0], world);
        }
    }

    /** simulate's left double-click: select the body under the pixel (the world selects nothing). */
    Pick select(double x, double y) {
        Pick pick = pick(x, y);
        SceneResources scene = loop.scene();
        if (scene == null) {
            return pick;
        }
        Perturbation selection = pick.body() > 0
                ? Perturbation.select(pick.body(), localPoint(scene.data().pointer(), pick.body(), pick.point()))
                : Perturbation.NONE;
        loop.select(selection);
        return pick;
    }

    /** Ctrl+drag begins: perturb the selected body; without a selection the drag moves the camera, as simulate. */
    void beginPerturb(PerturbMode mode, double x, double y) {
        drag.begin(mode, x, y);
    }

    /** The pointer moved to (x, y) while dragging; {@code horizontal} is simulate's Shift. */
    void dragPerturb(double x, double y, boolean horizontal) {
        drag.moveTo(x, y, horizontal, height, this::move);
    }

    /** The drag ended: the body stays selected and the spring lets go. */
    void endPerturb() {
        drag.end();
    }

    // ---- frames --------------------------------------------------------------------------------------------

    /** Whether to draw now: someone is subscribed, the frame is due, and the picture would change. */
    boolean wantsFrame(long now, long sequence) {
        return !subscribers.isEmpty() && schedule.due(now, sequence);
    }

    /** When this view next needs the render thread, or {@link Long#MAX_VALUE} when it needs nothing. */
    long wakeAt(long now) {
        return subscribers.isEmpty() ? Long.MAX_VALUE : schedule.wakeAt(now);
    }

    /**
     * Draws the scene's loaded state for this view; false when every frame of the pool is still held by consumers
     * (the frame is skipped, not queued).
     */
    boolean draw(SceneResources scene) {
        int limit = SPARE_FRAMES + 2 * subscribers.size();
        frame = pool.acquire(width, height, limit);
        if (frame == null) {
            if (!starved) {
                starved = true;
                log.warn("Consumers of view {} hold all {} of its frames; frames are skipped until they release some",
                        id, limit);
            }
            return false;
        }
        starved = false;
        int samples = quality.samples(scene.modelSamples());
        if (target == null || !target.fits(width, height, samples)) {
            if (target != null) {
                target.close();
                target = null;
            }
            target = RenderTarget.create(width, height, samples);
        }
        double[] lookAt = camera.lookAtPoint();
        scene.draw(camera, option, visual, target);
        settling = camera.isTracking() && camera.movedSince(lookAt, scene);
        return true;
    }

    /** Reads the drawn picture back and hands it to every subscriber. */
    void publish(SimulationSnapshot snapshot, long frameStart) {
        Frame drawn = frame;
        frame = null;
        target.readInto(drawn.target());
        drawn.stamp(++frameNumber, snapshot.time(), System.nanoTime(), System.currentTimeMillis());
        for (FrameSubscription subscription : subscribers) {
            subscription.offer(drawn.retain());
        }
        drawn.release();
        schedule.drawn(frameStart, snapshot.sequence(), settling);
    }

    /** Gives back a frame acquired by {@link #draw} that will not be published (drawing failed). */
    void abandonFrame() {
        if (frame != null) {
            frame.release();
            frame = null;
        }
    }

    /** Stops delivery, ends a drag (so no spring keeps pulling), and frees the GL and MuJoCo objects. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        abandonFrame();
        subscribers.forEach(FrameSubscription::closeQuietly);
        subscribers.clear();
        if (target != null) {
            target.close();
        }
        if (camera != null) {
            drag.end(); // no spring keeps pulling after its view is gone
            drag.close();
            camera.close();
            option.close();
        }
    }

    /** A world point in the body's frame: simulate's selection point, which the spring pulls. */
    private static double[] localPoint(mjData data, int body, double[] world) {
        double[] offset = new double[3];
        for (int i = 0; i < 3; i++) {
            offset[i] = world[i] - data.xpos().get(3L * body + i);
        }
        double[] local = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                local[i] += data.xmat().get(9L * body + 3L * j + i) * offset[j]; // xmat is row-major: x_local = R^T x
            }
        }
        return local;
    }
}
