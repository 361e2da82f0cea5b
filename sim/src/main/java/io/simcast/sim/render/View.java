package io.simcast.sim.render;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One picture of the simulation: a size, a camera, visual options and a frame rate, rendered while someone is
 * subscribed. The console and every browser viewer each have their own.
 *
 * <p>Any thread may call any method: each queues work for the render thread, in call order, and returns at once.
 * The futures returned by {@link #pick} and friends complete on the render thread: continuations attached to them
 * run there and must not block (hand longer work to another executor). Camera motions follow simulate: relative
 * distances are pixel distances divided by the view height, y pointing down; pixel positions are measured from the
 * top-left corner (a pixel's centre is at column + 0.5, row + 0.5).
 */
public final class View implements ViewControls, ViewCameras, AutoCloseable {
    private final RenderLoop loop;
    private final ViewState state;
    private volatile int width;
    private volatile int height;
    private volatile boolean closed;
    /** The options last asked for (the render thread applies them before its next frame). */
    private volatile VisualOptions options;

    View(RenderLoop loop, ViewState state, ViewSpec spec) {
        this.loop = loop;
        this.state = state;
        this.width = spec.width();
        this.height = spec.height();
        this.options = VisualOptions.of(spec.quality());
    }

    public String id() {
        return state.id();
    }

    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** New frames have this size; frames already out keep theirs. */
    public void resize(int newWidth, int newHeight) {
        ViewSpec.checkSize(newWidth, newHeight);
        width = newWidth;
        height = newHeight;
        run(s -> s.resize(newWidth, newHeight));
    }

    /** At most {@code fps} frames per second from now on. */
    public void setFps(double fps) {
        ViewSpec.checkFps(fps);
        run(s -> s.setFps(fps));
    }

    /** Switches the quality preset: multisampling, shadows and reflections; the other switches stay. */
    public void setQuality(Quality quality) {
        options = options.withQuality(quality);
        run(s -> s.setQuality(quality));
    }

    /** What this view draws besides the geometry; only this view (each view has its own). */
    public void setOptions(VisualOptions next) {
        options = next;
        run(s -> s.setOptions(next));
    }

    /** The options this view draws with (the last asked for). Any thread. */
    public VisualOptions options() {
        return options;
    }

    /** A new consumer of this view's frames; the view renders while it has at least one. */
    public FrameSubscription subscribe() {
        FrameSubscription subscription = new FrameSubscription(this::unsubscribe);
        if (closed) {
            subscription.closeQuietly();
        } else {
            loop.execute(new RenderLoop.Task(() -> {
                if (state.isClosed()) {
                    subscription.closeQuietly();
                } else {
                    state.addSubscriber(subscription);
                }
            }, subscription::closeQuietly));
        }
        return subscription;
    }

    // ---- camera --------------------------------------------------------------------------------------------

    /** Orbits the free or tracking camera (simulate's left drag). */
    public void orbit(double reldx, double reldy) {
        move(DragAction.ROTATE_VERTICAL, reldx, reldy);
    }

    /** Pans the camera in the plane facing it (simulate's right drag). */
    public void pan(double reldx, double reldy) {
        move(DragAction.MOVE_VERTICAL, reldx, reldy);
    }

    /** Zooms: positive moves closer, as dragging the middle button down (simulate's wheel: -0.05 per notch up). */
    public void zoom(double delta) {
        move(DragAction.ZOOM, 0, delta);
    }

    @Override
    public void move(DragAction action, double reldx, double reldy) {
        run(s -> s.move(action, reldx, reldy));
    }

    @Override
    public void useFreeCamera() {
        run(ViewState::useFreeCamera);
    }

    /**
     * A free camera at a pose, as MuJoCo's {@code mjvCamera} describes one: it looks at {@code lookAt} (x, y, z in
     * metres) from {@code distance} metres, turned {@code azimuth} degrees about the vertical axis and raised
     * {@code elevation} degrees (negative looks down).
     *
     * @throws IllegalArgumentException when the numbers cannot describe a camera
     */
    public void placeFreeCamera(double[] lookAt, double distance, double azimuth, double elevation) {
        if (lookAt == null || lookAt.length != 3 || !(distance > 0) || !Double.isFinite(distance)
                || !Double.isFinite(azimuth) || !Double.isFinite(elevation)
                || !Double.isFinite(lookAt[0]) || !Double.isFinite(lookAt[1]) || !Double.isFinite(lookAt[2])) {
            throw new IllegalArgumentException(RenderMessages.badFreeCamera());
        }
        double[] point = lookAt.clone();
        run(s -> s.placeFreeCamera(point, distance, azimuth, elevation));
    }

    /**
     * Looks through the model's fixed camera {@code index} (0-based, in model order).
     *
     * @throws IllegalArgumentException when the current scene has no such camera
     */
    public void useFixedCamera(int index) {
        int count = loop.fixedCameraNames().size();
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(RenderMessages.noFixedCamera(index, count));
        }
        run(s -> s.useFixedCamera(index));
    }

    /**
     * Looks through the model's fixed camera called {@code name}.
     *
     * @throws IllegalArgumentException naming the cameras the current scene has
     */
    public void useFixedCamera(String name) {
        List<String> names = loop.fixedCameraNames();
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(RenderMessages.noCameraNamed(name, names));
        }
        run(s -> s.useFixedCamera(index));
    }

    @Override
    public void nextCamera() {
        run(ViewState::nextCamera);
    }

    @Override
    public void previousCamera() {
        run(ViewState::previousCamera);
    }

    /**
     * The name of the fixed camera this view looks through (its label, "camera 2", when unnamed), once the camera
     * changes asked before have been made; empty for the free or a tracking camera.
     */
    public CompletableFuture<Optional<String>> fixedCameraName() {
        return query(s -> {
            int index = s.fixedCamera();
            List<String> names = loop.fixedCameraNames();
            return index < 0 || index >= names.size() ? Optional.<String>empty()
                    : Optional.of(names.get(index).isEmpty() ? "camera " + index : names.get(index));
        });
    }

    /** Follows {@code body} with a tracking camera. */
    public void track(int body) {
        run(s -> s.track(body));
    }

    /** Back to the model's default free camera. */
    public void resetCamera() {
        run(ViewState::resetCamera);
    }

    @Override
    public CompletableFuture<Pick> lookAt(double x, double y) {
        return query(s -> s.lookAt(x, y));
    }

    @Override
    public CompletableFuture<Pick> trackAt(double x, double y) {
        return query(s -> s.trackAt(x, y));
    }

    // ---- picking and perturbation --------------------------------------------------------------------------

    /** What is under (x, y), without selecting it. */
    public CompletableFuture<Pick> pick(double x, double y) {
        return query(s -> s.pick(x, y));
    }

    @Override
    public CompletableFuture<Pick> select(double x, double y) {
        return query(s -> s.select(x, y));
    }

    @Override
    public void beginPerturb(PerturbMode mode, double x, double y) {
        run(s -> s.beginPerturb(mode, x, y));
    }

    /** The pointer moved to (x, y) during a perturbation, in the plane facing the camera. */
    public void dragPerturb(double x, double y) {
        dragPerturb(x, y, false);
    }

    @Override
    public void dragPerturb(double x, double y, boolean horizontal) {
        run(s -> s.dragPerturb(x, y, horizontal));
    }

    @Override
    public void endPerturb() {
        run(ViewState::endPerturb);
    }

    /** Stops rendering this view, closes its subscriptions and frees its GL objects. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.execute(new RenderLoop.Task(() -> loop.removeView(state), () -> {}));
    }

    private void unsubscribe(FrameSubscription subscription) {
        run(s -> s.removeSubscriber(subscription));
    }

    private void run(Consumer<ViewState> action) {
        if (!closed) {
            loop.execute(new RenderLoop.Task(() -> {
                if (!state.isClosed()) {
                    action.accept(state);
                }
            }, () -> {}));
        }
    }

    private <T> CompletableFuture<T> query(Function<ViewState, T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IllegalStateException(RenderMessages.viewClosed()));
            return result;
        }
        loop.execute(new RenderLoop.Task(() -> {
            if (state.isClosed()) {
                result.completeExceptionally(new IllegalStateException(RenderMessages.viewClosed()));
            } else {
                try {
                    result.complete(action.apply(state));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        }, () -> result.completeExceptionally(new IllegalStateException(RenderMessages.rendererClosed()))));
        return result;
    }
}
