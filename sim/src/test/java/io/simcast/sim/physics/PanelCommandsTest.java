package io.simcast.sim.physics;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.core.ModelDescription;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.TestScenes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What simulate's panels do to the physics: controls, clear all, joints while paused, keyframes loaded and copied. */
class PanelCommandsTest {
    private static final Simulation.Options PAUSED = new Simulation.Options(false, 1, true);
    private Simulation simulation;

    @AfterEach
    void close() {
        if (simulation != null) {
            simulation.close();
        }
    }

    private static SimulationSnapshot await(CompletableFuture<SimulationSnapshot> future) throws Exception {
        return future.get(1, TimeUnit.MINUTES);
    }

    private static Scene panda() throws Exception {
        PresetCatalog catalog = PresetCatalog.builtIn();
        return new SceneCompiler().compile(catalog.source(catalog.find("panda").orElseThrow()));
    }

    @Test
    void theFirstControlSliderMovesThePandasFirstJointAndClearAllZeroesEveryControl() throws Exception {
        simulation = Simulation.start(panda(), PAUSED);
        ModelDescription model = simulation.snapshot().scene().model().description();
        ModelDescription.Joint first = model.joints().getFirst();
        assertThat(model.actuators().getFirst().joint()).contains(first.name());
        double before = simulation.snapshot().qpos()[first.qposAddress()];

        await(simulation.submit(new SimCommand.SetControl(0, 1.0)));
        SimulationSnapshot after = await(simulation.submit(new SimCommand.Step(500)));

        assertThat(after.ctrl()[0]).isEqualTo(1.0);
        assertThat(after.qpos()[first.qposAddress()] - before).as("the joint follows its position servo")
                .isGreaterThan(0.5);
        SimulationSnapshot cleared = await(simulation.submit(new SimCommand.ClearControls()));
        assertThat(cleared.ctrl()).containsOnly(0.0);
    }

    @Test
    void loadingAKeyframeGivesExactlyItsQposAndTheCopiedKeyLoadsBackTheSameState() throws Exception {
        simulation = Simulation.start(panda(), PAUSED);
        SimulationSnapshot home = await(simulation.submit(new SimCommand.LoadKeyframe(0)));
        assertThat(home.qpos()).startsWith(0, -0.785, 0, -2.356, 0, 1.571, 0.785, 0.04, 0.04);
        SimulationSnapshot moved = await(simulation.submit(new SimCommand.Step(37)));

        String key = KeyframeText.of(moved, "saved");
        assertThat(key).startsWith("<key name=\"saved\" time=\"").contains(" qpos=\"", " qvel=\"", " ctrl=\"")
                .endsWith("/>");
        Scene withKey = TestScenes.compile(TestScenes.PENDULUM.replace("</mujoco>",
                "<keyframe>" + KeyframeText.of(pendulumMoved(), "") + "</keyframe></mujoco>"));
        try (Simulation copy = Simulation.start(withKey, PAUSED)) {
            SimulationSnapshot loaded = await(copy.submit(new SimCommand.LoadKeyframe(0)));
            assertThat(loaded.qpos()).containsExactly(pendulumState.qpos());
            assertThat(loaded.qvel()).containsExactly(pendulumState.qvel());
            assertThat(loaded.time()).isEqualTo(pendulumState.time());
        }
    }

    private SimulationSnapshot pendulumState;

    /** A pendulum stepped to a state with awkward numbers, whose key must read back to the same doubles. */
    private SimulationSnapshot pendulumMoved() throws Exception {
        try (Simulation pendulum = Simulation.start(TestScenes.compile(TestScenes.PENDULUM), PAUSED)) {
            pendulumState = await(pendulum.submit(new SimCommand.Step(123)));
            return pendulumState;
        }
    }

    @Test
    void settingAJointWhilePausedMovesItAndRecomputesTheBodies() throws Exception {
        simulation = Simulation.start(panda(), PAUSED);
        ModelDescription.Joint first = simulation.snapshot().scene().model().description().joints().getFirst();
        SimulationSnapshot set = await(simulation.submit(new SimCommand.SetPositions(
                new int[] {first.qposAddress()}, new double[] {0.75})));
        assertThat(set.qpos()[first.qposAddress()]).isEqualTo(0.75);
        assertThat(set.playing()).isFalse();
    }

    @Test
    void theInfoOverlayHasTheSolversFiguresOfTheLastStep() throws Exception {
        Scene resting = TestScenes.compile("""
                <mujoco><worldbody><geom type="plane" size="1 1 0.1"/>
                  <body pos="0 0 0.1"><freejoint/><geom type="box" size="0.1 0.1 0.1"/></body>
                </worldbody></mujoco>""");
        simulation = Simulation.start(resting, PAUSED);
        await(simulation.submit(new SimCommand.Step(200)));
        try (PanelSampler sampler = new PanelSampler(simulation)) {
            PanelSample.Info info = sampler.sample().info();
            assertThat(info.contacts()).as("the box rests on four corners").isEqualTo(4);
            assertThat(info.solver().constraints()).as("a pyramidal friction cone per contact")
                    .isGreaterThanOrEqualTo(4 * 4);
            assertThat(info.solver().iterations()).isPositive();
            assertThat(info.solver().residual()).isBetween(-15.0, 0.0);
        }
    }

    @Test
    void theProfilerTimesEachStageOnlyWhileSomeoneWatchesIt() throws Exception {
        simulation = Simulation.start(panda(), PAUSED);
        assertThat(await(simulation.submit(new SimCommand.Step(100))).timers()).isEqualTo(StepTimers.OFF);

        await(simulation.submit(new SimCommand.WatchProfiler(true)));
        StepTimers timers = StepTimers.OFF;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1); // failure guard only
        while (timers.steps() == 0 && System.nanoTime() < deadline) {
            timers = await(simulation.submit(new SimCommand.Step(50))).timers();
        }
        assertThat(timers.on()).isTrue();
        assertThat(timers.steps()).isPositive();
        assertThat(timers.step()).as("MuJoCo's own clock timed the steps").isPositive();
        assertThat(timers.forward()).isPositive().isLessThanOrEqualTo(timers.step());
        assertThat(timers.position()).isPositive().isLessThanOrEqualTo(timers.forward());
        assertThat(timers.collision()).isLessThanOrEqualTo(timers.position());
        assertThat(timers.collision() + timers.prepare() + timers.constraint() + timers.other())
                .isCloseTo(timers.step(), org.assertj.core.data.Offset.offset(1e-9));
        try (PanelSampler sampler = new PanelSampler(simulation)) {
            assertThat(sampler.sample().profiler().physics()).isEqualTo(simulation.snapshot().timers());
        }

        await(simulation.submit(new SimCommand.WatchProfiler(false)));
        assertThat(await(simulation.submit(new SimCommand.Step(50))).timers()).isEqualTo(StepTimers.OFF);
    }
}
