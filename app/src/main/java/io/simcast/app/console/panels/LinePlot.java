package io.simcast.app.console.panels;

import java.util.List;
import java.util.SequencedCollection;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws lines of points onto a Canvas, simulate's figure style: dark ground, the y range fitted to the values, each
 * line's name and newest value in its colour at the top left. Used by the sensor chart and the profiler. JavaFX
 * thread.
 */
final class LinePlot {
    static final Color[] COLOURS = {Color.web("#4ea1ff"), Color.web("#f5a623"), Color.web("#7ed321"),
        Color.web("#e0556b"), Color.web("#b68cff"), Color.web("#50e3c2"), Color.web("#f8e71c"), Color.SILVER};
    private static final Color GROUND = Color.web("#1f2226");

    /** One point: where it is on the x axis, and one value per line. */
    record Point(double x, double[] values) {}

    private LinePlot() {}

    /**
     * Draws {@code points} (oldest first, not copied), the newest at the right edge and {@code span} x units across,
     * one line per name, each named with its newest value with {@code decimals} digits after the point.
     */
    static void draw(Canvas canvas, SequencedCollection<Point> points, List<String> names, double span, int decimals) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(GROUND);
        g.fillRect(0, 0, w, h);
        if (points.isEmpty()) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Point point : points) {
            for (double value : point.values()) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (max - min < 1e-9) {
            max += 0.5;
            min -= 0.5;
        }
        Point newest = points.getLast();
        StringBuilder legend = new StringBuilder();
        for (int line = 0; line < names.size(); line++) {
            g.setStroke(COLOURS[line % COLOURS.length]);
            g.beginPath();
            boolean first = true;
            for (Point point : points) {
                double x = w * (1 - (newest.x() - point.x()) / span);
                double y = h - 14 - (h - 28) * (point.values()[line] - min) / (max - min);
                if (first) {
                    g.moveTo(x, y);
                    first = false;
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
            g.setFill(COLOURS[line % COLOURS.length]);
            legend.setLength(0);
            legend.append(names.get(line)).append(' ');
            g.fillText(Decimals.append(legend, newest.values()[line], decimals).toString(), 4, 12 + 12 * line);
        }
    }
}
