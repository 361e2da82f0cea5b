package io.simcast.app.console.view;

import io.simcast.sim.render.Frame;
import io.simcast.sim.render.FrameSubscription;
import io.simcast.sim.render.View;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the console view's frames to the JavaFX thread without ever queueing them: the thread
 * {@code simcast-console-frames} takes each new frame from the renderer, converts it into a {@link Picture} and puts
 * it in a one-picture slot; the JavaFX thread {@link #poll()}s the slot once per pulse. A picture not taken before the
 * next one arrives is recycled, so the window always shows the newest frame and a slow pulse costs frames, never
 * delay. Pictures are pooled: steady state allocates nothing.
 *
 * <p>{@link #poll()} and {@link #recycle} on the JavaFX thread; {@link #close()} from any thread.
 */
final class FrameFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FrameFeed.class);
    private static final long TAKE_TIMEOUT_MILLIS = 200;
    /** One being filled, one in the slot, one on screen, one spare for a resize. */
    private static final int POOL_SIZE = 4;

    private final FrameSubscription subscription;
    private final AtomicReference<Picture> slot = new AtomicReference<>();
    private final Queue<Picture> pool = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    FrameFeed(View view) {
        subscription = view.subscribe();
        thread = new Thread(this::run, "simcast-console-frames");
        thread.setDaemon(true);
        thread.start();
    }

    /** The newest picture not yet taken, or null; hand it back with {@link #recycle} once shown. */
    Picture poll() {
        return slot.getAndSet(null);
    }

    /** Returns a shown picture to the pool (pictures of an old size are let go). */
    void recycle(Picture picture) {
        if (pool.size() < POOL_SIZE) {
            pool.offer(picture);
        }
    }

    private void run() {
        try {
            while (!closed) {
                Frame frame = subscription.take(TAKE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    if (subscription.isClosed()) {
                        return; // the view or the renderer closed
                    }
                    continue;
                }
                try {
                    Picture picture = acquire(frame.width(), frame.height());
                    picture.fill(frame);
                    Picture unseen = slot.getAndSet(picture);
                    if (unseen != null) {
                        recycle(unseen);
                    }
                } finally {
                    frame.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("The live view stopped taking frames", e);
        }
    }

    private Picture acquire(int width, int height) {
        for (int i = 0; i < POOL_SIZE; i++) {
            Picture pooled = pool.poll();
            if (pooled == null) {
                break;
            }
            if (pooled.width() == width && pooled.height() == height) {
                return pooled;
            }
        }
        return new Picture(width, height);
    }

    /** Stops taking frames and unsubscribes; the frame thread wakes and ends by itself (nobody waits for it). */
    @Override
    public void close() {
        closed = true;
        subscription.close();
    }
}
