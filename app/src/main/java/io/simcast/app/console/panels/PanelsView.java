package io.simcast.app.console.panels;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.panels.PanelsViewModel.Row;
import io.simcast.sim.core.ModelDescription;
import io.simcast.sim.physics.PanelSample;
import io.simcast.sim.render.View;
import io.simcast.streaming.input.Control;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * simulate's panels beside the live view: Info, Control (a slider per actuator and Clear all), Joint (a slider per
 * hinge or slide joint, movable while paused), Keyframes (load one, copy the state as MJCF), Rendering (the console
 * view's switches, when there is a view), Sensors (live charts) and Profiler (MuJoCo's timers and the renderer's,
 * running only while the section is open; F2, F3 and F4 open and close Info, Profiler and Sensors). Sliders follow the live values except while the
 * user drags them. Binds only; JavaFX thread.
 */
public final class PanelsView extends ScrollPane {
    private final PanelsViewModel panels;
    private final List<Slider> controlSliders = new ArrayList<>();
    private final List<Slider> jointSliders = new ArrayList<>();
    private final SensorChart sensorChart = new SensorChart();
    private final ProfilerChart profilerChart;
    private final Map<Control.Panel, TitledPane> overlays = new EnumMap<>(Control.Panel.class);
    private final StringBuilder number = new StringBuilder(); // slider values are written here
    private final TitledPane controlPane;
    private final TitledPane jointPane;
    private final TitledPane sensorsPane;
    private final TitledPane profilerPane;

    /** @param view the console's own view, whose switches the Rendering section sets; none without rendering */
    public PanelsView(PanelsViewModel panels, Optional<View> view) {
        this.panels = panels;
        this.profilerChart = new ProfilerChart(new FigureColumns(panels.profiler(), "profiler-figures"));
        setId("panels");
        setFitToWidth(true);
        FigureColumns info = new FigureColumns(panels.info(), "panel-info");

        Button clear = new Button(Texts.PANEL_CLEAR_CONTROLS);
        clear.setId("clear-controls");
        clear.setOnAction(event -> panels.clearControls());
        GridPane controls = new GridPane();
        controls.setId("control-sliders");
        GridPane joints = new GridPane();
        joints.setId("joint-sliders");
        rebuildOnChange(panels.controls(), controls, controlSliders, "control-", panels::setControl);
        rebuildOnChange(panels.joints(), joints, jointSliders, "joint-", panels::setJoint);

        ComboBox<String> keys = new ComboBox<>(panels.keyframes());
        keys.setId("keyframes");
        Button load = new Button(Texts.PANEL_LOAD_KEY);
        load.setId("load-key");
        load.disableProperty().bind(keys.getSelectionModel().selectedIndexProperty().lessThan(0));
        load.setOnAction(event -> panels.loadKeyframe(keys.getSelectionModel().getSelectedIndex()));
        Button copy = new Button(Texts.PANEL_COPY_KEY);
        copy.setId("copy-key");
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(panels.keyOfTheState());
            Clipboard.getSystemClipboard().setContent(content);
        });

        TitledPane infoPane = new TitledPane(Texts.PANEL_INFO, info);
        infoPane.setId("info-pane");
        controlPane = new TitledPane(Texts.PANEL_CONTROL, new VBox(4, clear, controls));
        jointPane = new TitledPane(Texts.PANEL_JOINT, joints);
        VBox content = new VBox(4, infoPane, controlPane, jointPane,
                new TitledPane(Texts.PANEL_KEYFRAMES, new HBox(4, keys, load, copy)));
        view.ifPresent(v -> content.getChildren().add(new TitledPane(Texts.PANEL_RENDERING,
                new RenderingSwitches(v))));
        sensorsPane = new TitledPane(Texts.PANEL_SENSORS, sensorChart);
        sensorsPane.setId("sensors-pane");
        sensorsPane.expandedProperty().addListener((property, was, open) -> sensorChart.draw());
        profilerPane = new TitledPane(Texts.PANEL_PROFILER, profilerChart);
        profilerPane.setId("profiler-pane");
        profilerPane.setExpanded(false); // MuJoCo's timers run only while it is open
        profilerPane.expandedProperty().addListener((property, was, open) -> {
            profilerChart.clear();
            panels.watchProfiler(open);
        });
        content.getChildren().addAll(sensorsPane, profilerPane);
        overlays.put(Control.Panel.INFO, infoPane);
        overlays.put(Control.Panel.SENSORS, sensorsPane);
        overlays.put(Control.Panel.PROFILER, profilerPane);
        panels.sensors().addListener((ListChangeListener<ModelDescription.Sensor>) change ->
                sensorChart.describe(panels.sensors()));
        sensorChart.describe(panels.sensors());
        setContent(content);
        panels.jointsEditable().addListener((property, was, editable) -> jointSliders.forEach(slider ->
                slider.setDisable(!editable)));
    }

    /**
     * Moves the sliders to the newest values (those the user is dragging stay under the hand) and feeds the charts.
     * Only what is on screen is redrawn: a closed section or a hidden tab costs the JavaFX thread nothing but the
     * sensor chart's history, and is brought up to date by the next sample (a tenth of a second) once shown.
     */
    public void show(PanelSample sample) {
        boolean onScreen = OnScreen.isShown(this);
        sensorChart.add(sample, onScreen && sensorsPane.isExpanded());
        if (!onScreen) {
            return;
        }
        if (controlPane.isExpanded()) {
            follow(controlSliders, panels.controls(), row -> at(sample.ctrl(), row.index()));
        }
        if (jointPane.isExpanded()) {
            follow(jointSliders, panels.joints(), row -> at(sample.qpos(), row.index()));
        }
        if (profilerPane.isExpanded()) {
            profilerChart.add(sample);
        }
    }

    /**
     * simulate's F2, F3 and F4: opens or closes the Info, Profiler or Sensors section.
     *
     * @return whether the section is open now; false for a panel this view does not have
     */
    public boolean toggle(Control.Panel panel) {
        TitledPane pane = overlays.get(panel);
        if (pane == null) {
            return false;
        }
        pane.setExpanded(!pane.isExpanded());
        return pane.isExpanded();
    }

    /** How many samples the profiler's figure shows (tests). */
    public int profilerPoints() {
        return profilerChart.pointCount();
    }

    /** The sensor chart's points now (tests compare them with the sensor's values). */
    public List<SensorChart.Point> sensorPoints() {
        return sensorChart.points();
    }

    private static double at(double[] values, int index) {
        return index < values.length ? values[index] : 0;
    }

    private static void follow(List<Slider> sliders, ObservableList<Row> rows, ToDoubleFunction<Row> value) {
        for (int i = 0; i < sliders.size() && i < rows.size(); i++) {
            Slider slider = sliders.get(i);
            if (!slider.isValueChanging()) {
                slider.setUserData(Boolean.TRUE); // a value set from the stream, not by the user
                slider.setValue(value.applyAsDouble(rows.get(i)));
                slider.setUserData(null);
            }
        }
    }

    private void showValue(Readout readout, double value) {
        number.setLength(0);
        readout.show(Decimals.append(number, value, 3));
    }

    private void rebuildOnChange(ObservableList<Row> rows, GridPane grid, List<Slider> sliders, String idPrefix,
                                 BiConsumer<Row, Double> moved) {
        Runnable rebuild = () -> {
            grid.getChildren().clear();
            sliders.clear();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                Slider slider = new Slider(row.min(), row.max(), Math.clamp(0, row.min(), row.max()));
                slider.setId(idPrefix + i);
                slider.setDisable(idPrefix.equals("joint-") && !panels.jointsEditable().get());
                HBox.setHgrow(slider, Priority.ALWAYS);
                Readout value = new Readout();
                value.setId(idPrefix + "value-" + i);
                showValue(value, slider.getValue());
                slider.valueProperty().addListener((property, was, now) -> {
                    showValue(value, now.doubleValue());
                    if (slider.getUserData() == null) {
                        moved.accept(row, now.doubleValue());
                    }
                });
                grid.addRow(i, new Label(row.label()), slider, value);
                sliders.add(slider);
            }
        };
        rows.addListener((ListChangeListener<Row>) change -> rebuild.run());
        rebuild.run();
    }
}
