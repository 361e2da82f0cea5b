package io.simcast.app.console.panels;

import io.simcast.sim.physics.PanelSample;
import io.simcast.sim.physics.StepTimers;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.VBox;

/**
 * simulate's profiler in the console: its "CPU time (msec)" figure (total, collision, prepare, solve and other per
 * step, the last 200 samples) on a Canvas, and the figures in words, the renderer's draw and readback times
 * included. Fed with the panel samples (10 Hz). JavaFX thread.
 */
final class ProfilerChart extends VBox {
    static final int HISTORY = 200;
    private static final List<String> LINES = List.of("total", "collision", "prepare", "solve", "other");
    private static final int DECIMALS = 3;

    private final Canvas canvas = new Canvas(320, 140);
    private final Deque<LinePlot.Point> points = new ArrayDeque<>();
    private long index;

    /** @param figures the profiler's figures in words */
    ProfilerChart(FigureColumns figures) {
        super(4);
        setId("profiler");
        canvas.setId("profiler-canvas");
        getChildren().addAll(figures, canvas);
    }

    /** Adds the sample's timers (while the profiler runs and time moves) and redraws. */
    void add(PanelSample sample) {
        StepTimers t = sample.profiler().physics();
        if (!t.on() || !sample.playing()) {
            return;
        }
        points.addLast(new LinePlot.Point(index++, new double[] {t.step(), t.collision(), t.prepare(),
            t.constraint(), t.other()}));
        if (points.size() > HISTORY) {
            points.removeFirst();
        }
        LinePlot.draw(canvas, points, LINES, HISTORY, DECIMALS);
    }

    /** Starts over (the profiler was switched on again). */
    void clear() {
        points.clear();
        LinePlot.draw(canvas, points, LINES, HISTORY, DECIMALS);
    }

    /** How many points the figure shows (tests). */
    int pointCount() {
        return points.size();
    }
}
