package io.simcast.streaming.watch;

import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.View;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.VideoFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandboxes people may watch besides the host's simulation: private simulations that another part of Simcast runs
 * (an MCP session's) and publishes here with their renderer. The page's Watch list shows them by name (the
 * {@code sources} signalling message), a viewer switches to one like to an RL copy, and everyone watching one shares
 * one view of it in the streaming format, made for the first viewer and closed with the last. Withdrawing a sandbox
 * (its session ended) takes it off the list and sends its viewers back to the simulation before its owner closes
 * the renderer.
 *
 * <p>Any thread: the owner publishes and withdraws on its own thread, viewers' queues acquire and release; the
 * state is guarded by this object's lock, and nothing under it blocks (making and closing a view only queue work
 * for the render thread). Listeners are called outside the lock and must not block.
 */
public final class WatchSources {
    private static final Logger log = LoggerFactory.getLogger(WatchSources.class);
    /** How long a withdrawal waits for the viewers to go back before it closes the view anyway. */
    private static final long MOVE_SECONDS = 10;

    /** One sandbox on the list: its id, the name people see, and what kind of session runs it. */
    public record Entry(String id, String name, String kind) {}

    /** Hears the list change, and moves a withdrawn sandbox's viewers back. */
    public interface Listener {
        void changed(List<Entry> open);

        /** Sends the viewers of {@code ref} back to the simulation, telling them {@code reason}; completes then. */
        CompletableFuture<Void> withdrawn(SandboxRef ref, String reason);
    }

    /** A published sandbox, for its owner: withdraw it before closing its renderer. */
    public interface Publication {
        /** Takes it off the list, sends its viewers back and closes its view; idempotent. Blocks up to 10 s. */
        void withdraw();
    }

    /** A listed sandbox and its shared view while anyone watches. Guarded by the lock. */
    private static final class Source {
        private final Entry entry;
        private final Renderer renderer;
        private View view;
        private int users;

        Source(Entry entry, Renderer renderer) {
            this.entry = entry;
            this.renderer = renderer;
        }
    }

    private final VideoFormat format;
    private final Map<String, Source> listed = new LinkedHashMap<>();
    /** Sources with a view, listed or withdrawn while viewers still hold it. */
    private final Map<String, Source> watched = new HashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public WatchSources(VideoFormat format) {
        this.format = format;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Lists a sandbox that {@code renderer} draws (empty: this machine does not render; it is listed, and watching
     * it is refused with the reason).
     */
    public Publication publish(Entry entry, Optional<Renderer> renderer) {
        synchronized (this) {
            if (listed.containsKey(entry.id())) {
                throw new IllegalArgumentException("Sandbox " + entry.id() + " is already published");
            }
            listed.put(entry.id(), new Source(entry, renderer.orElse(null)));
        }
        log.info("Sandbox {} ({}) can be watched", entry.id(), entry.name());
        changed();
        return new Publication() {
            private boolean withdrawn;

            @Override
            public synchronized void withdraw() {
                if (!withdrawn) {
                    withdrawn = true;
                    WatchSources.this.withdraw(entry);
                }
            }
        };
    }

    /** The sandboxes people may watch now, in the order they opened. */
    public synchronized List<Entry> list() {
        return listed.values().stream().map(source -> source.entry).toList();
    }

    /**
     * The sandbox's shared view for one more viewer, made when it is the first.
     *
     * @return the view, or failed: {@link NoSuchElementException} (not listed), {@link IllegalStateException}
     *     (no renderer)
     */
    public CompletableFuture<View> acquire(SandboxRef ref) {
        synchronized (this) {
            Source source = listed.get(ref.id());
            if (source == null) {
                return CompletableFuture.failedFuture(new NoSuchElementException(
                        StreamingMessages.noSandbox(ref.id())));
            }
            if (source.renderer == null) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        StreamingMessages.sandboxUnrendered(ref.id())));
            }
            if (source.view == null) {
                source.view = source.renderer.createView(format.streamingView());
                watched.put(ref.id(), source);
                log.info("Rendering sandbox {} for its viewers", ref.id());
            }
            source.users++;
            return CompletableFuture.completedFuture(source.view);
        }
    }

    /** One viewer fewer; the last one closes the view. */
    public synchronized void release(SandboxRef ref) {
        Source source = watched.get(ref.id());
        if (source != null && --source.users <= 0) {
            closeView(source);
        }
    }

    /**
     * Throws unless the sandbox is still listed (it may have been withdrawn while a viewer's switch was queued).
     *
     * @throws NoSuchElementException saying so
     */
    public synchronized void requireOpen(SandboxRef ref) {
        if (!listed.containsKey(ref.id())) {
            throw new NoSuchElementException(StreamingMessages.noSandbox(ref.id()));
        }
    }

    private void withdraw(Entry entry) {
        synchronized (this) {
            listed.remove(entry.id());
        }
        changed();
        SandboxRef ref = new SandboxRef(entry.id());
        String reason = StreamingMessages.sandboxClosed(entry.name());
        List<CompletableFuture<Void>> moves = new ArrayList<>();
        for (Listener listener : listeners) {
            moves.add(listener.withdrawn(ref, reason));
        }
        try {
            CompletableFuture.allOf(moves.toArray(CompletableFuture[]::new)).get(MOVE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Viewers of sandbox {} did not all go back to the simulation: {}", entry.id(), e.toString());
        }
        synchronized (this) {
            Source source = watched.get(entry.id());
            if (source != null) {
                closeView(source);
            }
        }
        log.info("Sandbox {} is no longer watchable", entry.id());
    }

    /** Under the lock. */
    private void closeView(Source source) {
        watched.remove(source.entry.id());
        source.view.close();
        source.view = null;
        source.users = 0;
        log.info("Stopped rendering sandbox {} for viewers", source.entry.id());
    }

    private void changed() {
        List<Entry> now = list();
        for (Listener listener : listeners) {
            listener.changed(now);
        }
    }
}
