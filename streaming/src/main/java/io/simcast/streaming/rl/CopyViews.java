package io.simcast.streaming.rl;

import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.View;
import io.simcast.sim.rl.CopyWatch;
import io.simcast.streaming.VideoFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live pictures of RL environment copies while they train: for each watched copy, a {@link CopyWatch} (so the copy
 * publishes its state after every step), a {@link Renderer} of its own drawing it (its own {@code simcast-render}
 * thread and EGL context, since a renderer draws one source) and one view in the streaming format, shared by every
 * viewer who watches that copy. Opened for the first viewer, closed when the last one lets go; the environment
 * closing sends its viewers back to the simulation, which lets go of it too.
 *
 * <p>Counted per viewer: each {@link #acquire} is matched by one {@link #release}. Opening (starting a renderer
 * takes a few hundred milliseconds) and closing (joining its thread) run on {@code simcast-rl-views}, never on a
 * viewer's queue or the IO threads; the map of open copies is written there only.
 */
public final class CopyViews implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CopyViews.class);
    private final RlSessions sessions;
    private final RendererBudget budget;
    private final VideoFormat format;
    private final ExecutorService thread;
    private final Map<CopyRef, Open> open = new ConcurrentHashMap<>();

    /** A watched copy: what draws it and how many viewers hold it. */
    private static final class Open {
        private final CopyWatch watch;
        private final Renderer renderer;
        private final View view;
        private int users;

        Open(CopyWatch watch, Renderer renderer, View view) {
            this.watch = watch;
            this.renderer = renderer;
            this.view = view;
        }

        /** The view first (its frames stop), then the render thread, then the per-step copies of the state. */
        void close() {
            view.close();
            renderer.close();
            watch.close();
        }
    }

    public CopyViews(RlSessions sessions, RendererBudget budget, VideoFormat format) {
        this.sessions = sessions;
        this.budget = budget;
        this.format = format;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread named = new Thread(runnable, "simcast-rl-views");
            named.setDaemon(true);
            return named;
        });
    }

    /**
     * The view of {@code ref} for one more viewer, opened when it is the first.
     *
     * @return completes on {@code simcast-rl-views}, or exceptionally: {@link java.util.NoSuchElementException}
     *     (no such environment), {@link IllegalArgumentException} (no such copy), {@link IllegalStateException}
     *     (too many copies watched), {@link io.simcast.sim.render.RenderUnavailableException}
     */
    public CompletableFuture<View> acquire(CopyRef ref) {
        return CompletableFuture.supplyAsync(() -> {
            Open watched = open.get(ref);
            if (watched == null) {
                watched = start(ref);
                open.put(ref, watched);
            }
            watched.users++;
            return watched.view;
        }, thread);
    }

    /** One viewer fewer for {@code ref}; the last one closes it (later, on {@code simcast-rl-views}). Any thread. */
    public void release(CopyRef ref) {
        try {
            thread.execute(() -> {
                Open watched = open.get(ref);
                if (watched != null && --watched.users <= 0) {
                    open.remove(ref);
                    watched.close();
                    budget.release();
                    log.info("Stopped rendering RL environment copy {}", ref);
                }
            });
        } catch (RejectedExecutionException e) {
            // closing down: close() frees everything
        }
    }

    /**
     * Throws unless environment {@code env} is open.
     *
     * @throws java.util.NoSuchElementException saying why it is not
     */
    public void requireOpen(String env) {
        sessions.find(env);
    }

    /** The copies being rendered now. Any thread. */
    public Set<CopyRef> watched() {
        return Set.copyOf(open.keySet());
    }

    private Open start(CopyRef ref) {
        budget.acquire();
        CopyWatch watch = null;
        Renderer renderer;
        try {
            watch = sessions.find(ref.env()).watch(ref.copy());
            renderer = Renderer.start(watch);
        } catch (RuntimeException e) {
            if (watch != null) {
                watch.close();
            }
            budget.release();
            throw e;
        }
        log.info("Rendering RL environment copy {} for its viewers", ref);
        return new Open(watch, renderer, renderer.createView(format.streamingView()));
    }

    /** Closes every watched copy (host shutdown, after the viewers). */
    @Override
    public void close() {
        try {
            thread.submit(() -> {
                List.copyOf(open.values()).forEach(watched -> {
                    watched.close();
                    budget.release();
                });
                open.clear();
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Watched RL copies did not close cleanly: {}", e.toString());
        }
        thread.shutdown();
    }
}
