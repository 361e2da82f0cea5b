package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.Eventually;
import io.simcast.app.console.panels.FigureColumns;
import io.simcast.app.console.panels.PanelsView;
import io.simcast.app.console.panels.SensorChart;
import io.simcast.sim.core.ModelDescription;
import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.render.View;
import io.simcast.sim.render.VisualFlag;
import io.simcast.sim.render.VisualFrame;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.SceneSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * simulate's panels in the console, on the Panda: a control slider drives a joint, keyframes, joints while paused;
 * a sensor chart whose points are the sensor's values; the Rendering switches set the console's own view; F2 to F4
 * open and close Info, Profiler and Sensors, and MuJoCo's timers run only while the profiler is open.
 */
class PanelsUiTest extends ConsoleUiTest {
    private long pandaGeneration;

    @BeforeEach
    void loadThePanda() throws Exception {
        PresetCatalog catalog = PresetCatalog.builtIn();
        SimulationSnapshot loaded = services.session().load(catalog.source(catalog.find("panda").orElseThrow()))
                .get(2, TimeUnit.MINUTES);
        pandaGeneration = loaded.sceneGeneration();
        showPanel("simulate");
        awaitFx("a slider per Panda actuator", () -> robot().lookup("#control-sliders .slider").queryAll().size()
                == loaded.scene().model().nu());
    }

    private SimulationSnapshot submit(SimCommand command) throws Exception {
        return services.session().submit(command).get(1, TimeUnit.MINUTES);
    }

    @Test
    void theFirstControlSliderMovesThePandasFirstJointAndClearAllZeroesTheControls() throws Exception {
        submit(new SimCommand.Pause());
        ModelDescription.Joint first = snapshot().scene().model().description().joints().getFirst();
        double before = snapshot().qpos()[first.qposAddress()];

        fx(() -> {
            lookup("#control-0", Slider.class).setValue(1.2); // as a drag or the arrow keys set it
            return null;
        });
        Eventually.await("the control reaches the physics", () -> snapshot().ctrl()[0] == 1.2);
        submit(new SimCommand.Step(500));
        assertThat(snapshot().qpos()[first.qposAddress()] - before).isGreaterThan(0.5);
        assertThat(snapshot().sceneGeneration()).isEqualTo(pandaGeneration);

        click("#clear-controls");
        Eventually.await("every control zero", () -> java.util.Arrays.stream(snapshot().ctrl()).allMatch(c -> c == 0));
        awaitFx("the slider follows", () -> lookup("#control-0", Slider.class).getValue() == 0);
    }

    @Test
    void loadingAKeyframeGivesExactlyItsQposAndTheStateCopiesAsAKey() throws Exception {
        submit(new SimCommand.Pause());
        submit(new SimCommand.SetPositions(new int[] {0, 1}, new double[] {0.4, 0.2}));
        fx(() -> {
            lookup("#keyframes", ComboBox.class).getSelectionModel().select(0);
            return null;
        });
        click("#load-key");
        Eventually.await("the home keyframe", () -> snapshot().qpos()[0] == 0 && snapshot().qpos()[1] == -0.785);
        assertThat(snapshot().qpos()).startsWith(0, -0.785, 0, -2.356, 0, 1.571, 0.785, 0.04, 0.04);

        click("#copy-key");
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).startsWith("<key time=\"")
                .contains(" qpos=\"0.0 -0.785 0.0 -2.356 ");
    }

    @Test
    void jointSlidersPoseWhilePausedAndOnlyShowWhileRunning() throws Exception {
        submit(new SimCommand.Play());
        awaitFx("read-only while running", () -> lookup("#joint-0", Slider.class).isDisabled());
        submit(new SimCommand.Pause());
        awaitFx("movable while paused", () -> !lookup("#joint-0", Slider.class).isDisabled());
        fx(() -> {
            lookup("#joint-0", Slider.class).setValue(0.6);
            return null;
        });
        Eventually.await("the joint posed", () -> snapshot().qpos()[0] == 0.6);
        awaitFx("the info overlay", () -> lookup("#panel-info", FigureColumns.class).getText().contains("Real time x"));
    }

    @Test
    void aSensorChartShowsTheSensorsValues() throws Exception {
        String xml = new String(getClass().getResourceAsStream("/io/simcast/sim/scene/presets/pendulum.xml")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("</mujoco>", "<sensor><jointpos name=\"angle\" joint=\"hinge\"/></sensor></mujoco>");
        services.session().load(SceneSource.ofString(xml)).get(2, TimeUnit.MINUTES);
        submit(new SimCommand.Play());
        awaitFx("the pendulum's sensor", () -> robot().lookup("#sensor-0").tryQuery().isPresent());
        fx(() -> {
            lookup("#sensor-0", CheckBox.class).setSelected(true);
            return null;
        });
        awaitFx("points on the chart", () -> lookup("#panels", PanelsView.class).sensorPoints().size() >= 5);
        SimulationSnapshot paused = submit(new SimCommand.Pause());

        awaitFx("the chart reaches the paused state", () -> lookup("#panels", PanelsView.class).sensorPoints()
                .getLast().time() == paused.time());
        List<SensorChart.Point> points = fx(() -> lookup("#panels", PanelsView.class).sensorPoints());
        assertThat(points.getLast().values()[0]).as("the angle sensor reads the hinge's position")
                .isCloseTo(paused.qpos()[0], org.assertj.core.data.Offset.offset(1e-12));
        assertThat(points.stream().mapToDouble(p -> p.values()[0]).distinct().count()).as("it swung").isGreaterThan(2);
    }

    @Test
    void theRenderingSwitchesChangeTheConsolesOwnView() {
        View view = services.rendering().view().orElseThrow();
        assertThat(view.options().has(VisualFlag.CONTACT_POINTS)).isFalse();
        fx(() -> {
            lookup("#visual-contact_points", CheckBox.class).setSelected(true);
            lookup("#visual-frame", ComboBox.class).getSelectionModel().select(VisualFrame.WORLD);
            return null;
        });
        assertThat(view.options().has(VisualFlag.CONTACT_POINTS)).isTrue();
        assertThat(view.options().frame()).isEqualTo(VisualFrame.WORLD);
    }

    @Test
    void simulatesKeysOpenAndCloseTheProfilerWhoseTimersRunOnlyWhileItIsOpen() throws Exception {
        submit(new SimCommand.Play());
        assertThat(snapshot().timers().on()).as("nobody watches the profiler yet").isFalse();
        click("#live-view");
        press(KeyCode.F3);
        awaitFx("the profiler open", () -> lookup("#profiler-pane", TitledPane.class).isExpanded());
        Eventually.await("MuJoCo's timers run", () -> snapshot().timers().on() && snapshot().timers().step() > 0);
        awaitFx("the profiler's figure", () -> lookup("#panels", PanelsView.class).profilerPoints() >= 3);
        awaitFx("the figures in words", () -> lookup("#profiler-figures", FigureColumns.class).getText()
                .contains("Collision ms"));
        assertThat(fx(() -> lookup("#profiler-figures", FigureColumns.class).getText())).contains("Render ms",
                "Readback ms");

        click("#live-view");
        press(KeyCode.F3);
        awaitFx("the profiler closed", () -> !lookup("#profiler-pane", TitledPane.class).isExpanded());
        Eventually.await("MuJoCo's timers stop", () -> !snapshot().timers().on());

        boolean infoOpen = fx(() -> lookup("#info-pane", TitledPane.class).isExpanded());
        click("#live-view");
        press(KeyCode.F2);
        awaitFx("F2 toggles the info", () -> lookup("#info-pane", TitledPane.class).isExpanded() != infoOpen);
        press(KeyCode.F4);
        awaitFx("F4 opens or closes the sensors", () -> !lookup("#sensors-pane", TitledPane.class).isExpanded());
    }
}
