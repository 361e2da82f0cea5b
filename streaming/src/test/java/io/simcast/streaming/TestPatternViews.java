package io.simcast.streaming;

import io.simcast.streaming.media.FrameStream;
import io.simcast.streaming.media.PointerInput;
import io.simcast.streaming.media.SourceFrame;
import io.simcast.streaming.media.SourceView;
import io.simcast.streaming.media.ViewSource;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Test double for the renderer until io.simcast.sim.render is on main: each view draws a gradient whose offset
 * follows its camera azimuth (a left drag orbits it), on its own thread at the view's rate.
 */
public final class TestPatternViews implements ViewSource {
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public SourceView createView(VideoFormat format) {
        return new PatternView("v" + ids.incrementAndGet(), format);
    }

    static final class PatternView implements SourceView, PointerInput {
        private final String id;
        private final VideoFormat format;
        private final List<Slot> slots = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;
        private volatile double azimuth;
        private volatile int camera;
        private double lastX;
        private boolean dragging;
        private long number;

        PatternView(String id, VideoFormat format) {
            this.id = id;
            this.format = format;
            this.thread = new Thread(this::run, "test-pattern-" + id);
            this.thread.setDaemon(true);
            this.thread.start();
        }

        private void run() {
            long period = 1_000_000_000L / format.fps();
            long next = System.nanoTime();
            while (running) {
                ByteBuffer rgba = ByteBuffer.allocateDirect(format.width() * format.height() * 4);
                int offset = (int) azimuth;
                for (int y = 0; y < format.height(); y++) {
                    for (int x = 0; x < format.width(); x++) {
                        int i = (y * format.width() + x) * 4;
                        rgba.put(i, (byte) ((x + offset) * 2));
                        rgba.put(i + 1, (byte) y);
                        rgba.put(i + 2, (byte) (camera * 60));
                        rgba.put(i + 3, (byte) 255);
                    }
                }
                Frame frame = new Frame(format.width(), format.height(), rgba.asReadOnlyBuffer(), ++number,
                        System.nanoTime(), System.currentTimeMillis());
                for (Slot slot : slots) {
                    slot.offer(frame);
                }
                next += period;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public FrameStream subscribe() {
            Slot slot = new Slot();
            slots.add(slot);
            return new FrameStream() {
                @Override
                public SourceFrame take(long timeout, TimeUnit unit) throws InterruptedException {
                    return slot.take(unit.toNanos(timeout));
                }

                @Override
                public void close() {
                    slots.remove(slot);
                }
            };
        }

        @Override
        public PointerInput input() {
            return this;
        }

        @Override
        public void nextCamera() {
            camera++;
        }

        @Override
        public void previousCamera() {
            camera--;
        }

        @Override
        public void useFreeCamera() {
            camera = 0;
        }

        @Override
        public void resetCamera() {
            azimuth = 0;
        }

        @Override
        public void close() {
            running = false;
        }

        @Override
        public void pointerDown(double x, double y, int button, int modifiers) {
            dragging = button == 0;
            lastX = x;
        }

        @Override
        public void pointerMove(double x, double y, int modifiers) {
            if (dragging) {
                azimuth += x - lastX;
                lastX = x;
            }
        }

        @Override
        public void pointerUp(double x, double y, int button, int modifiers) {
            dragging = false;
        }

        @Override
        public void wheel(double dx, double dy) {}

        @Override
        public void doubleClick(double x, double y, int button, int modifiers) {}
    }

    record Frame(int width, int height, ByteBuffer rgba, long number, long capturedNanos, long capturedEpochMillis)
            implements SourceFrame {
        @Override
        public void release() {}
    }

    /** Newest-frame slot. */
    static final class Slot {
        private Frame frame;

        synchronized void offer(Frame next) {
            frame = next;
            notifyAll();
        }

        synchronized Frame take(long timeoutNanos) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutNanos;
            while (frame == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            Frame taken = frame;
            frame = null;
            return taken;
        }
    }
}
