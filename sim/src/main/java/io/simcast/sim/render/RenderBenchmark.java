package io.simcast.sim.render;

import static io.simcast.sim.mujoco.global.MuJoCo.mj_step;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_defaultOption;
import static org.lwjgl.opengl.GL11C.glFinish;

import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjModel;
import io.simcast.sim.mujoco.mjvOption;
import io.simcast.sim.core.MuJoCoLibrary;
import io.simcast.sim.scene.Scene;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * How fast one view of a scene renders, through the same code the renderer runs: {@link SceneResources#draw} into
 * a {@link RenderTarget}, then {@link RenderTarget#readInto} a frame buffer. Physics steps between frames so every
 * frame shows a new state, but is not timed.
 *
 * <p>First it times drawing alone (until the GPU finished, {@code glFinish}), then drawing followed by readback into
 * an RGBA frame (bottom row first, as the renderer's frames: see {@link Frame}). Runs on its own {@code simcast-render-bench} thread with its own EGL
 * context; throws {@link RenderUnavailableException} when there is no EGL.
 */
public final class RenderBenchmark {
    private static final int WARM_UP_FRAMES = 30;

    private RenderBenchmark() {}

    /**
     * One measurement.
     *
     * @param info what it ran on
     * @param frames frames timed in each pass
     * @param renderOnlyMillis mean draw time per frame in the render-only pass
     * @param renderMillis mean draw time per frame in the full pass
     * @param readbackMillis mean readback time per frame in the full pass
     */
    public record Result(RendererInfo info, int frames, double renderOnlyMillis, double renderMillis,
                         double readbackMillis) {
        public double renderOnlyFps() {
            return 1000 / renderOnlyMillis;
        }

        /** Frames per second with readback. */
        public double fullFps() {
            return 1000 / (renderMillis + readbackMillis);
        }

        /** Readback as a fraction of the full frame time. */
        public double readbackShare() {
            return readbackMillis / (renderMillis + readbackMillis);
        }
    }

    /** Renders {@code frames} frames of a {@code width} x {@code height} view, twice (see the class comment). */
    public static Result run(Scene scene, int width, int height, Quality quality, int frames) {
        ViewSpec.checkSize(width, height);
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1, got " + frames);
        }
        MuJoCoLibrary.load();
        CompletableFuture<Result> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(measure(scene, width, height, quality, frames));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "simcast-render-bench");
        thread.start();
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Result measure(Scene scene, int width, int height, Quality quality, int frames) {
        try (EglContext egl = EglContext.create();
             SceneResources resources = SceneResources.open(scene.model(), 0);
             ViewCamera camera = new ViewCamera();
             mjvOption option = new mjvOption()) {
            mjModel m = resources.model();
            mjData d = resources.data().pointer();
            resources.data().resetToInitialState();
            camera.reset(resources);
            mjv_defaultOption(option);
            VisualOptions visual = VisualOptions.of(quality);
            ByteBuffer frame = ByteBuffer.allocateDirect(width * height * 4);
            try (RenderTarget target = RenderTarget.create(width, height, quality.samples(resources.modelSamples()))) {
                Pass pass = new Pass(resources, camera, option, visual, target, frame);
                pass.run(WARM_UP_FRAMES, true);
                Pass renderOnly = new Pass(resources, camera, option, visual, target, frame);
                renderOnly.run(frames, false);
                Pass full = new Pass(resources, camera, option, visual, target, frame);
                full.run(frames, true);
                MuJoCoLibrary.drainWarnings();
                return new Result(egl.info(), frames, renderOnly.renderNanos * 1e-6 / frames,
                        full.renderNanos * 1e-6 / frames, full.readbackNanos * 1e-6 / frames);
            }
        }
    }

    /** One timed loop over frames; physics steps between frames outside the timed parts. */
    private static final class Pass {
        private final SceneResources resources;
        private final ViewCamera camera;
        private final mjvOption option;
        private final VisualOptions visual;
        private final RenderTarget target;
        private final ByteBuffer frame;
        long renderNanos;
        long readbackNanos;

        Pass(SceneResources resources, ViewCamera camera, mjvOption option, VisualOptions visual, RenderTarget target,
             ByteBuffer frame) {
            this.resources = resources;
            this.camera = camera;
            this.option = option;
            this.visual = visual;
            this.target = target;
            this.frame = frame;
        }

        void run(int frames, boolean readBack) {
            for (int i = 0; i < frames; i++) {
                mj_step(resources.model(), resources.data().pointer());
                long start = System.nanoTime();
                resources.draw(camera, option, visual, target);
                glFinish();
                long drawn = System.nanoTime();
                renderNanos += drawn - start;
                if (readBack) {
                    target.readInto(frame);
                    readbackNanos += System.nanoTime() - drawn;
                }
            }
        }
    }
}
