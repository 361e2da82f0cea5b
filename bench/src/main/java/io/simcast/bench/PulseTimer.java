package io.simcast.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Times a scene's next JavaFX pulse as the JavaFX thread lives it: the CSS and layout passes (between the scene's pre-
 * and post-layout pulse listeners) and the rest of the pulse (the scene graph's sync to the renderer, up to the next
 * task the thread runs). A real pulse restyles and lays out only what a change made dirty; {@code Node.applyCss()}
 * would restyle the whole subtree it is called on, which is why benchmarks wait for the pulse instead. JavaFX thread.
 */
final class PulseTimer {
    /** CPU milliseconds of the CSS and layout passes and of the rest of the pulse; wall milliseconds of it all. */
    record Times(double cssAndLayoutCpu, double restCpu, double wall) {}

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private CompletableFuture<Times> pending;
    private long startCpu;
    private long startWall;

    PulseTimer(Scene scene) {
        scene.addPreLayoutPulseListener(() -> {
            if (pending != null) {
                startWall = System.nanoTime();
                startCpu = threads.getCurrentThreadCpuTime();
            }
        });
        scene.addPostLayoutPulseListener(() -> {
            if (pending != null) {
                long laidOut = threads.getCurrentThreadCpuTime();
                CompletableFuture<Times> done = pending;
                pending = null;
                Platform.runLater(() -> done.complete(new Times((laidOut - startCpu) * 1e-6,
                        (threads.getCurrentThreadCpuTime() - laidOut) * 1e-6, (System.nanoTime() - startWall) * 1e-6)));
            }
        });
    }

    /** Times the scene's next pulse (asked for now). */
    CompletableFuture<Times> next() {
        pending = new CompletableFuture<>();
        Platform.requestNextPulse();
        return pending;
    }
}
