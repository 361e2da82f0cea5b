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
import java.util.Locale;
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
    /** One slider: an actuator's control or a hinge or slide joint's position. */
    public record Row(String label, int index, double min, double max) {}

    private final SimulationSource simulation;
    private final ObservableList<Row> controls = FXCollections.observableArrayList();
    private final ObservableList<Row> joints = FXCollections.observableArrayList();
    private final ObservableList<String> keyframes = FXCollections.observableArrayList();
    private final ObservableList<ModelDescription.Sensor> sensors = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper jointsEditable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper profiler = new ReadOnlyStringWrapper("");
    private boolean watchingProfiler;
    private long generation = -1;
    private PanelSample latest;

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

    /** simulate's info overlay as lines of text. */
    public ReadOnlyStringProperty info() {
        return info.getReadOnlyProperty();
    }

    /** simulate's profiler as lines of text: MuJoCo's time per stage of a step, the renderer's per frame. */
    public ReadOnlyStringProperty profiler() {
        return profiler.getReadOnlyProperty();
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
        info.set(String.format(Locale.ROOT,
                "Time %.3f%nReal time x%.2f%nSteps/s %.0f%nSize %d (%d con)%nSolver %.1f (%d it)%nEnergy %.3f",
                sample.time(), i.realTimeFactor(), i.stepsPerSecond(), i.solver().constraints(), i.contacts(),
                i.solver().residual(), i.solver().iterations(), i.potentialEnergy() + i.kineticEnergy()));
        profiler.set(profilerText(sample.profiler()));
    }

    private static String profilerText(PanelSample.Profiler p) {
        StepTimers t = p.physics();
        String physics = !t.on() ? Texts.PROFILER_WAITING : String.format(Locale.ROOT,
                "ms per step (%d steps)%nStep %.4f%nForward %.4f%nPosition %.4f%nVelocity %.4f%nActuation %.4f%n"
                        + "Acceleration %.4f%nCollision %.4f%nPrepare %.4f%nSolve %.4f%nOther %.4f",
                t.steps(), t.step(), t.forward(), t.position(), t.velocity(), t.actuation(), t.acceleration(),
                t.collision(), t.prepare(), t.constraint(), t.other());
        PanelSample.Drawing d = p.drawing();
        return physics + String.format(Locale.ROOT, "%nRender %.2f ms, readback %.2f ms (%.0f frames/s)",
                d.drawMillis(), d.readbackMillis(), d.framesPerSecond());
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
