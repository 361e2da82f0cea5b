package io.simcast.sim.render;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A consumer's line to one view: a single slot holding the newest frame not yet taken. A frame replaced in the slot
 * before anyone took it is released and counted as dropped, so a slow consumer always gets the newest picture and
 * never a queue of old ones.
 *
 * <p>The render thread {@link #offer}s; the consumer polls or takes from its own thread and must
 * {@link Frame#release()} every frame it gets. {@link #close()} may be called from any thread; it wakes a waiting
 * {@link #take}.
 */
public final class FrameSubscription implements AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Consumer<FrameSubscription> onClose;
    private Frame slot;
    private boolean closed;
    private long delivered;
    private long dropped;

    FrameSubscription(Consumer<FrameSubscription> onClose) {
        this.onClose = onClose;
    }

    /** The newest frame not yet taken, or null; the caller releases it. */
    public Frame poll() {
        lock.lock();
        try {
            return takeSlot();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits on the calling thread for a frame not yet taken; the caller releases it.
     *
     * @return the newest frame, or null after the timeout or once the subscription or its view is closed
     */
    public Frame take(long timeout, TimeUnit unit) throws InterruptedException {
        long remaining = unit.toNanos(timeout);
        lock.lock();
        try {
            while (slot == null && !closed && remaining > 0) {
                remaining = arrived.awaitNanos(remaining);
            }
            return takeSlot();
        } finally {
            lock.unlock();
        }
    }

    /** Frames handed to this consumer by poll or take. */
    public long delivered() {
        lock.lock();
        try {
            return delivered;
        } finally {
            lock.unlock();
        }
    }

    /** Frames replaced by a newer one before this consumer took them. */
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Stops delivery and releases the frame still in the slot. Idempotent. */
    @Override
    public void close() {
        if (closeQuietly()) {
            onClose.accept(this);
        }
    }

    // ---- render thread (offer) and view (closeQuietly) -------------------------------------------------------

    /** Puts a frame reference (owned by this subscription from now on) into the slot. */
    void offer(Frame frame) {
        Frame replaced;
        lock.lock();
        try {
            if (closed) {
                replaced = frame;
            } else {
                replaced = slot;
                slot = frame;
                if (replaced != null) {
                    dropped++;
                }
                arrived.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (replaced != null) {
            replaced.release();
        }
    }

    /** Closes without telling the view (the view is closing it); true if it was open. */
    boolean closeQuietly() {
        Frame left;
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            left = slot;
            slot = null;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        if (left != null) {
            left.release();
        }
        return true;
    }

    private Frame takeSlot() {
        Frame frame = slot;
        if (frame != null) {
            slot = null;
            delivered++;
        }
        return frame;
    }
}
