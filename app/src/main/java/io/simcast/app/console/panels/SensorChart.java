package io.simcast.app.console.panels;

import io.simcast.sim.core.ModelDescription;
import io.simcast.sim.physics.PanelSample;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * simulate's sensor plot in the console: tick sensors and see the last 10 simulated seconds of each value as lines on
 * a Canvas, with the newest values written beside them. Fed with the panel samples (10 Hz); drawing a window of at
 * most a hundred points per line is a few hundred canvas calls, far from stalling the JavaFX thread. JavaFX thread.
 */
public final class SensorChart extends VBox {
    static final double WINDOW_SECONDS = 10;
    private static final int MAX_LINES = LinePlot.COLOURS.length;

    /** One line: a sensor's component, at {@code address} in sensordata. */
    record Line(String name, int address) {}

    /** One sample of the chosen lines. */
    public record Point(double time, double[] values) {}

    private static final int DECIMALS = 4;

    private final FlowPane picks = new FlowPane(8, 2);
    private final Canvas canvas = new Canvas(320, 160);
    private final List<ModelDescription.Sensor> sensors = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final Deque<LinePlot.Point> points = new ArrayDeque<>(); // x is the simulation's time

    SensorChart() {
        super(4);
        setId("sensor-chart");
        canvas.setId("sensor-canvas");
        getChildren().addAll(picks, canvas);
    }

    /** The sensors of a newly loaded model; nothing is chosen. */
    void describe(List<ModelDescription.Sensor> next) {
        sensors.clear();
        sensors.addAll(next);
        picks.getChildren().clear();
        for (int i = 0; i < next.size(); i++) {
            CheckBox box = new CheckBox(next.get(i).name());
            box.setId("sensor-" + i);
            box.selectedProperty().addListener((property, was, on) -> choose());
            picks.getChildren().add(box);
        }
        choose();
    }

    private void choose() {
        lines.clear();
        names.clear();
        for (int i = 0; i < sensors.size(); i++) {
            if (((CheckBox) picks.getChildren().get(i)).isSelected()) {
                ModelDescription.Sensor sensor = sensors.get(i);
                for (int c = 0; c < sensor.dim() && lines.size() < MAX_LINES; c++) {
                    lines.add(new Line(sensor.dim() > 1 ? sensor.name() + "[" + c + "]" : sensor.name(),
                            sensor.address() + c));
                    names.add(lines.getLast().name());
                }
            }
        }
        points.clear();
        draw();
    }

    /**
     * Adds the sample's values of the chosen lines (a sample of a paused simulation adds nothing) and redraws when
     * {@code draw} (the chart is on screen).
     */
    void add(PanelSample sample, boolean draw) {
        if (lines.isEmpty()) {
            return;
        }
        if (!points.isEmpty() && sample.time() <= points.peekLast().x()) {
            if (sample.time() == points.peekLast().x()) {
                return;
            }
            points.clear(); // reset: time went back
        }
        double[] values = new double[lines.size()];
        for (int i = 0; i < values.length; i++) {
            int address = lines.get(i).address();
            values[i] = address < sample.sensors().length ? sample.sensors()[address] : Double.NaN;
        }
        points.addLast(new LinePlot.Point(sample.time(), values));
        while (points.peekFirst().x() < sample.time() - WINDOW_SECONDS) {
            points.removeFirst();
        }
        if (draw) {
            draw();
        }
    }

    /** The points shown now, oldest first (tests compare them with the sensor's values). */
    List<Point> points() {
        return points.stream().map(point -> new Point(point.x(), point.values())).toList();
    }

    /** Draws the window of points as it is now. */
    void draw() {
        LinePlot.draw(canvas, points, names, WINDOW_SECONDS, DECIMALS);
    }
}
