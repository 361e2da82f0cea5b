package io.simcast.streaming.rl;

import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.render.Frame;
import io.simcast.sim.render.FrameSubscription;
import io.simcast.sim.render.Quality;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.View;
import io.simcast.sim.render.ViewSpec;
import io.simcast.sim.rl.CopyWatch;
import io.simcast.sim.rl.VectorEnv;
import io.simcast.streaming.StreamingMessages;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single pictures of RL environment copies on request, Gymnasium's {@code rgb_array} ({@code GET
 * /api/rl/{id}/render}): each request publishes the copy's state as the last call left it, waits for a frame of it
 * and returns its pixels as RGB bytes. A copy being drawn keeps a {@link CopyWatch} and a {@link Renderer} of its own
 * (its {@code simcast-render} thread and GL context) with one view per size and camera, because a script recording a
 * video asks for a frame every step; copies not asked for in {@value #IDLE_SECONDS} s are let go by
 * {@code simcast-rl-frames}, and so are those of an environment that closes.
 *
 * <p>Any worker thread may call {@link #rgb}: it blocks for the frame (a few milliseconds once the renderer runs, a
 * few hundred the first time). The map of drawn copies is guarded by this object's lock.
 */
public final class CopyFrames implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CopyFrames.class);
    static final long IDLE_SECONDS = 30;
    /** Largest picture a request may ask for, each side. */
    public static final int MAX_SIZE = 2048;
    private static final long FRAME_TIMEOUT_SECONDS = 20;
    /** Sizes and cameras kept per copy; more are made again when asked for. */
    private static final int VIEWS_PER_COPY = 4;

    /** One picture: RGB bytes, top row first. */
    public record Picture(int width, int height, double time, byte[] rgb) {}

    /** A copy being drawn: its renderer and views, who is using it and when it was last asked for. */
    private static final class Drawn {
        private final CopyWatch watch;
        private final Renderer renderer;
        private final Map<String, View> views = new LinkedHashMap<>();
        private int inUse;
        private long lastUsedNanos = System.nanoTime();

        Drawn(CopyWatch watch, Renderer renderer) {
            this.watch = watch;
            this.renderer = renderer;
        }

        void close() {
            views.values().forEach(View::close);
            renderer.close();
            watch.close();
        }
    }

    private final RlSessions sessions;
    private final RendererBudget budget;
    private final Map<CopyRef, Drawn> drawn = new HashMap<>();
    private final ScheduledExecutorService idle;

    public CopyFrames(RlSessions sessions, RendererBudget budget) {
        this.sessions = sessions;
        this.budget = budget;
        this.idle = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("simcast-rl-frames").factory());
        idle.scheduleWithFixedDelay(this::closeIdle, IDLE_SECONDS, IDLE_SECONDS / 3, TimeUnit.SECONDS);
        sessions.addListener(new RlSessions.Listener() {
            @Override
            public void closed(String id, String reason) {
                idle.execute(() -> closeEnvironment(id));
            }
        });
    }

    /**
     * The copy as the last call left it, drawn by {@code camera} (empty: the model's free camera).
     *
     * @throws java.util.NoSuchElementException for an environment that is not open
     * @throws IllegalArgumentException for a copy, size or camera that does not exist
     * @throws IllegalStateException when the host draws as many copies as it allows
     * @throws io.simcast.sim.render.RenderUnavailableException when this machine cannot render
     */
    public Picture rgb(CopyRef ref, int width, int height, Optional<String> camera) throws InterruptedException {
        if (width < 1 || height < 1 || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException(StreamingMessages.renderSizeOutOfRange(width, height, MAX_SIZE));
        }
        VectorEnv env = sessions.find(ref.env());
        View view;
        synchronized (this) {
            Drawn copy = drawn.get(ref);
            if (copy == null) {
                copy = start(env, ref);
                drawn.put(ref, copy);
            }
            copy.inUse++;
            try {
                view = view(copy, width, height, camera);
            } catch (RuntimeException e) {
                copy.inUse--;
                throw e;
            }
        }
        try {
            SimulationSnapshot state = env.publish(ref.copy()); // exactly what the last step or reset left
            try (FrameSubscription frames = view.subscribe()) {
                Frame frame = frames.take(FRAME_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (frame == null) {
                    throw new IllegalStateException(StreamingMessages.noFrame(ref.toString(), FRAME_TIMEOUT_SECONDS));
                }
                try {
                    return new Picture(frame.width(), frame.height(), state.time(), rgb(frame));
                } finally {
                    frame.release();
                }
            }
        } finally {
            synchronized (this) {
                Drawn copy = drawn.get(ref);
                if (copy != null) {
                    copy.inUse--;
                    copy.lastUsedNanos = System.nanoTime();
                }
            }
        }
    }

    /** Starts drawing a copy (under the lock: a few hundred milliseconds, once per copy). */
    private Drawn start(VectorEnv env, CopyRef ref) {
        budget.acquire();
        CopyWatch watch = null;
        try {
            watch = env.watch(ref.copy());
            Drawn copy = new Drawn(watch, Renderer.start(watch));
            log.info("Drawing RL environment copy {} for rgb_array frames", ref);
            return copy;
        } catch (RuntimeException e) {
            if (watch != null) {
                watch.close();
            }
            budget.release();
            throw e;
        }
    }

    /** The copy's view of that size and camera, made when new (the oldest goes when there are too many). */
    private static View view(Drawn copy, int width, int height, Optional<String> camera) {
        String key = width + "x" + height + "@" + camera.orElse("");
        View view = copy.views.get(key);
        if (view == null) {
            view = copy.renderer.createView(new ViewSpec(width, height, ViewSpec.MAX_FPS, Quality.FAST));
            try {
                if (camera.isPresent()) {
                    view.useFixedCamera(camera.get());
                }
            } catch (RuntimeException e) {
                view.close();
                throw e;
            }
            if (copy.views.size() >= VIEWS_PER_COPY) {
                String oldest = copy.views.keySet().iterator().next();
                copy.views.remove(oldest).close();
            }
            copy.views.put(key, view);
        }
        return view;
    }

    /** The frame's RGBA (rows bottom-up, as OpenGL reads them) to RGB, top row first as images are stored. */
    private static byte[] rgb(Frame frame) {
        ByteBuffer rgba = frame.rgbaBottomUp();
        int width = frame.width();
        int height = frame.height();
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            int from = frame.rowOffset(y);
            int to = y * width * 3;
            for (int x = 0; x < width; x++) {
                rgb[to + 3 * x] = rgba.get(from + 4 * x);
                rgb[to + 3 * x + 1] = rgba.get(from + 4 * x + 1);
                rgb[to + 3 * x + 2] = rgba.get(from + 4 * x + 2);
            }
        }
        return rgb;
    }

    /** The copies being drawn now. */
    public synchronized List<CopyRef> drawn() {
        return List.copyOf(drawn.keySet());
    }

    /** {@code simcast-rl-frames}: lets go of copies nobody asked for lately. */
    private void closeIdle() {
        long now = System.nanoTime();
        closeWhere(copy -> copy.inUse == 0 && now - copy.lastUsedNanos > Duration.ofSeconds(IDLE_SECONDS).toNanos(),
                ref -> true);
    }

    private void closeEnvironment(String env) {
        closeWhere(copy -> true, ref -> ref.env().equals(env));
    }

    private void closeWhere(Predicate<Drawn> idleEnough, Predicate<CopyRef> selected) {
        List<Drawn> closing = new ArrayList<>();
        synchronized (this) {
            drawn.entrySet().removeIf(entry -> {
                if (selected.test(entry.getKey()) && idleEnough.test(entry.getValue())) {
                    closing.add(entry.getValue());
                    return true;
                }
                return false;
            });
        }
        for (Drawn copy : closing) { // joining render threads: outside the lock
            copy.close();
            budget.release();
        }
    }

    /** Stops drawing every copy (host shutdown). */
    @Override
    public void close() {
        idle.shutdownNow();
        closeWhere(copy -> true, ref -> true);
    }
}
