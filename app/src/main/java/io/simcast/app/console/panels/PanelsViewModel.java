package io.simcast.app.console.panels;

import io.simcast.app.console.kit.Texts;
import io.simcast.sim.core.ModelDescription;
import io.simcast.sim.physics.KeyframeText;
import io.simcast.sim.physics.PanelSample;
import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.SimulationSource;
import io.simcast.sim.physics.StepTimers;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * simulate's Control, Joint and keyframe panels, its info overlay and its profiler for the console, fed by {@link PanelSample}s (the
 * same values the page's panel stream carries) and acting through the same {@link SimCommand}s the page's
 * {@code control}, {@code clear_controls}, {@code positions} and {@code keyframe} commands become. Rows are rebuilt
 * when the scene generation changes. Holds no UI nodes; JavaFX thread.
 */
public final class PanelsViewModel {
    /** The info overlay's names, one a line, as simulate shows them. */
    static final String INFO_NAMES = "Time\nReal time\nSteps/s\nSize\nSolver\nEnergy";
    private static final String DRAWING_NAMES = "Render ms\nReadback ms\nFrames/s";
    /** The profiler's names, one a line: MuJoCo's stages of a step (ms each), then the renderer's. */
    static final String PROFILER_NAMES = "Steps timed\nStep ms\nForward ms\nPosition ms\nVelocity ms\nActuation ms\n"
            + "Acceleration ms\nCollision ms\nPrepare ms\nSolve ms\nOther ms\n" + DRAWING_NAMES;
    private static final String PROFILER_WAITING = Texts.PROFILER_WAITING + "\n" + DRAWING_NAMES;

    /**
     * Lines of figures as simulate's overlays show them: a column of names and a column of values, one text each,
     * each set only when it changed (so the view redoes nothing for a figure that stands still).
     */
    public static final class Figures {
        private final ReadOnlyStringWrapper names = new ReadOnlyStringWrapper("");
        private final ReadOnlyStringWrapper values = new ReadOnlyStringWrapper("");

        public ReadOnlyStringProperty names() {
            return names.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty values() {
            return values.getReadOnlyProperty();
        }

        void set(String nowNames, CharSequence nowValues) {
            if (!nowNames.equals(names.get())) {
                names.set(nowNames);
            }
            if (!Decimals.same(values.get(), nowValues)) {
                values.set(nowValues.toString());
            }
        }
    }

    /** One slider: an actuator's control or a hinge or slide joint's position. */
    public record Row(String label, int index, double min, double max) {}

    private final SimulationSource simulation;
    private final ObservableList<Row> controls = FXCollections.observableArrayList();
    private final ObservableList<Row> joints = FXCollections.observableArrayList();
    private final ObservableList<String> keyframes = FXCollections.observableArrayList();
    private final ObservableList<ModelDescription.Sensor> sensors = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper jointsEditable = new ReadOnlyBooleanWrapper();
    private final Figures info = new Figures();
    private final Figures profiler = new Figures();
    private boolean watchingProfiler;
    private long generation = -1;
    private PanelSample latest;
    private final StringBuilder text = new StringBuilder(); // the info's and profiler's values are written here

    public PanelsViewModel(SimulationSource simulation) {
        this.simulation = simulation;
    }

    /** Actuators, each within its control range (simulate's -1..1 when it has none, as simulate shows them). */
    public ObservableList<Row> controls() {
        return controls;
    }

    /** Hinge and slide joints (ball and free joints have no single slider, as in simulate); index is qpos. */
    public ObservableList<Row> joints() {
        return joints;
    }

    /** The model's sensors, for the sensor chart. */
    public ObservableList<ModelDescription.Sensor> sensors() {
        return sensors;
    }

    public ObservableList<String> keyframes() {
        return keyframes;
    }

    /** Joint sliders set the pose only while paused, as in simulate; while running they only show it. */
    public ReadOnlyBooleanProperty jointsEditable() {
        return jointsEditable.getReadOnlyProperty();
    }

    /** simulate's info overlay. */
    public Figures info() {
        return info;
    }

    /** simulate's profiler in figures: MuJoCo's time per stage of a step, the renderer's per frame. */
    public Figures profiler() {
        return profiler;
    }

    /**
     * The profiler panel opened ({@code true}) or closed: MuJoCo times its stages only while someone watches
     * (the console counts as one watcher however often it is told).
     */
    public void watchProfiler(boolean watching) {
        if (watching != watchingProfiler) {
            watchingProfiler = watching;
            simulation.submit(new SimCommand.WatchProfiler(watching));
        }
    }

    /** The newest values, for the sliders to follow; empty before the first sample. */
    public java.util.Optional<PanelSample> latest() {
        return java.util.Optional.ofNullable(latest);
    }

    /** Takes in a sample; rebuilds the rows when it belongs to another scene. */
    public void update(PanelSample sample) {
        if (sample.generation() != generation) {
            generation = sample.generation();
            describe(simulation.snapshot().scene().model().description());
        }
        latest = sample;
        jointsEditable.set(!sample.playing());
        PanelSample.Info i = sample.info();
        text.setLength(0);
        Decimals.append(text, sample.time(), 3);
        Decimals.append(text.append("\nx"), i.realTimeFactor(), 2);
        Decimals.append(text.append('\n'), i.stepsPerSecond(), 0);
        text.append('\n').append(i.solver().constraints()).append(" (").append(i.contacts()).append(" con)");
        Decimals.append(text.append('\n'), i.solver().residual(), 1);
        text.append(" (").append(i.solver().iterations()).append(" it)");
        Decimals.append(text.append('\n'), i.potentialEnergy() + i.kineticEnergy(), 3);
        info.set(INFO_NAMES, text);
        StepTimers t = sample.profiler().physics();
        text.setLength(0);
        if (t.on()) {
            text.append(t.steps());
            for (double millis : new double[] {t.step(), t.forward(), t.position(), t.velocity(), t.actuation(),
                t.acceleration(), t.collision(), t.prepare(), t.constraint(), t.other()}) {
                Decimals.append(text.append('\n'), millis, 4);
            }
        }
        PanelSample.Drawing d = sample.profiler().drawing();
        Decimals.append(text.append('\n'), d.drawMillis(), 2);
        Decimals.append(text.append('\n'), d.readbackMillis(), 2);
        Decimals.append(text.append('\n'), d.framesPerSecond(), 0);
        profiler.set(t.on() ? PROFILER_NAMES : PROFILER_WAITING, text);
    }

    private void describe(ModelDescription model) {
        List<Row> controlRows = new ArrayList<>();
        for (ModelDescription.Actuator actuator : model.actuators()) {
            controlRows.add(new Row(actuator.name(), actuator.index(), actuator.slider()[0], actuator.slider()[1]));
        }
        List<Row> jointRows = new ArrayList<>();
        for (ModelDescription.Joint joint : model.joints()) {
            if (joint.type().equals("hinge") || joint.type().equals("slide")) {
                jointRows.add(new Row(joint.name(), joint.qposAddress(), joint.slider()[0], joint.slider()[1]));
            }
        }
        controls.setAll(controlRows);
        joints.setAll(jointRows);
        keyframes.setAll(model.keyframes().stream().map(ModelDescription.Keyframe::name).toList());
        sensors.setAll(model.sensors());
    }

    /** A control slider moved: the actuator's control, for everyone. */
    public void setControl(Row row, double value) {
        simulation.submit(new SimCommand.SetControl(row.index(), value));
    }

    /** simulate's "Clear all": every control to zero. */
    public void clearControls() {
        simulation.submit(new SimCommand.ClearControls());
    }

    /** A joint slider moved: poses that joint while paused (then a forward pass); ignored while running. */
    public void setJoint(Row row, double value) {
        if (jointsEditable.get()) {
            simulation.submit(new SimCommand.SetPositions(new int[] {row.index()}, new double[] {value}));
        }
    }

    /** Resets to keyframe {@code index}. */
    public void loadKeyframe(int index) {
        simulation.submit(new SimCommand.LoadKeyframe(index));
    }

    /** The current state as an MJCF {@code <key>} to paste into the editor's {@code <keyframe>}. */
    public String keyOfTheState() {
        return KeyframeText.of(simulation.snapshot(), null);
    }
}
