package io.simcast.sim.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLoadException;
import io.simcast.sim.scene.SceneSource;
import io.simcast.sim.scene.TestScenes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final Simulation.Options PAUSED = new Simulation.Options(false, 1, true);
    private Simulation simulation;

    @AfterEach
    void close() {
        if (simulation != null) {
            simulation.close();
        }
    }

    private static SimulationSnapshot await(java.util.concurrent.CompletableFuture<SimulationSnapshot> future)
            throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    @Test
    void pacingHoldsRealTimeWithinTwoPercentOverFiveSeconds() throws Exception {
        simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM));
        Thread.sleep(200);
        SimulationSnapshot first = simulation.snapshot();
        Thread.sleep(5000);
        SimulationSnapshot last = simulation.snapshot();
        double wall = (last.capturedNanos() - first.capturedNanos()) * 1e-9;
        double factor = (last.time() - first.time()) / wall;
        assertThat(factor).isCloseTo(1.0, within(0.02));
        assertThat(last.realTimeFactor()).isCloseTo(1.0, within(0.02));
        assertThat(last.stepsPerSecond()).isCloseTo(500, within(10.0));
    }

    @Test
    void speedFactorScalesSimulatedTime() throws Exception {
        simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM));
        await(simulation.submit(new SimCommand.SetSpeed(4)));
        SimulationSnapshot first = simulation.snapshot();
        Thread.sleep(1500);
        SimulationSnapshot last = simulation.snapshot();
        double factor = (last.time() - first.time()) / ((last.capturedNanos() - first.capturedNanos()) * 1e-9);
        assertThat(factor).isCloseTo(4.0, within(0.1));
        assertThatThrownBy(() -> new SimCommand.SetSpeed(32)).hasMessage("speed must be between 1/16 and 16, got 32.0");
    }

    @Test
    void pauseHoldsTimeStepAdvancesExactlyAndResetReturnsToTheStart() throws Exception {
        simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM));
        Thread.sleep(300);
        SimulationSnapshot paused = await(simulation.submit(new SimCommand.Pause()));
        assertThat(paused.playing()).isFalse();
        assertThat(paused.time()).isGreaterThan(0.2);
        Thread.sleep(200);
        assertThat(simulation.snapshot().time()).isEqualTo(paused.time());

        SimulationSnapshot stepped = await(simulation.submit(new SimCommand.Step(10)));
        assertThat(stepped.time()).isCloseTo(paused.time() + 10 * 0.002, within(1e-9));
        assertThat(stepped.steps()).isEqualTo(paused.steps() + 10);

        SimulationSnapshot reset = await(simulation.submit(new SimCommand.Reset()));
        assertThat(reset.time()).isZero();
        assertThat(reset.steps()).isZero();
        assertThat(reset.qpos()).containsExactly(0.0);
        assertThat(reset.playing()).isFalse();

        SimulationSnapshot toggled = await(simulation.submit(new SimCommand.TogglePlay()));
        assertThat(toggled.playing()).isTrue();
    }

    @Test
    void resetGoesToKeyframeZero() throws Exception {
        simulation = Simulation.start(TestScenes.compile(TestScenes.FALLING_BOX), PAUSED);
        assertThat(simulation.snapshot().qpos()[2]).isEqualTo(2.0);
        await(simulation.submit(new SimCommand.Step(500)));
        assertThat(simulation.snapshot().qpos()[2]).isLessThan(0.2);
        SimulationSnapshot reset = await(simulation.submit(new SimCommand.Reset()));
        assertThat(reset.qpos()[2]).isEqualTo(2.0);
    }

    @Test
    void controlsAndForcesChangeTheMotion() throws Exception {
        simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM), PAUSED);
        SimulationSnapshot set = await(simulation.submit(new SimCommand.SetControls(new double[] {5})));
        assertThat(set.ctrl()).containsExactly(5.0);
        SimulationSnapshot moved = await(simulation.submit(new SimCommand.Step(100)));
        assertThat(moved.qvel()[0]).isGreaterThan(1.0);

        assertThatThrownBy(() -> await(simulation.submit(new SimCommand.SetControls(new double[] {1, 2}))))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("this scene has 1 actuators, got 2 controls");

        simulation.close();
        simulation = Simulation.start(TestScenes.compile(TestScenes.FALLING_BOX), PAUSED);
        int box = simulation.snapshot().scene().model().id(1, "box");
        await(simulation.submit(new SimCommand.ApplyForce(box, new double[] {0, 0, 30}, new double[3])));
        SimulationSnapshot lifted = await(simulation.submit(new SimCommand.Step(250)));
        assertThat(lifted.qpos()[2]).isGreaterThan(2.5); // 30 N up on 1 kg beats gravity
        await(simulation.submit(new SimCommand.ApplyForce(box, new double[3], new double[3])));
        SimulationSnapshot falling = await(simulation.submit(new SimCommand.Step(250)));
        assertThat(falling.qvel()[2]).isLessThan(lifted.qvel()[2]);
        assertThatThrownBy(() -> await(simulation.submit(
                new SimCommand.ApplyForce(0, new double[] {0, 0, 1}, new double[3]))))
                .hasMessageContaining("body must be between 1 and 1, got 0");
    }

    @Test
    void commandsApplyInTheOrderTheyWereSubmitted() throws Exception {
        simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM), PAUSED);
        List<java.util.concurrent.CompletableFuture<SimulationSnapshot>> results = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            results.add(simulation.submit(new SimCommand.SetControl(0, i * 0.1)));
            results.add(simulation.submit(new SimCommand.Step(1)));
        }
        SimulationSnapshot last = await(results.getLast());
        assertThat(last.steps()).isEqualTo(50);
        assertThat(last.ctrl()[0]).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void hotSwapKeepsRunningAndEveryReaderSeesAConsistentState() throws Exception {
        simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM));
        List<SimulationEvent> events = new CopyOnWriteArrayList<>();
        simulation.addListener(events::add);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> inconsistency = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread reader = Thread.ofPlatform().start(() -> {
                long lastSequence = 0;
                while (!stop.get()) {
                    SimulationSnapshot s = simulation.snapshot();
                    if (s.sequence() < lastSequence || s.qpos().length != s.scene().model().nq()) {
                        inconsistency.set("sequence " + s.sequence() + " qpos " + s.qpos().length);
                    }
                    lastSequence = s.sequence();
                }
            });
            readers.add(reader);
        }
        Scene oldScene = simulation.snapshot().scene();
        Scene box = TestScenes.compile(TestScenes.FALLING_BOX);
        SimulationSnapshot swapped = await(simulation.submit(new SimCommand.LoadScene(box)));
        Thread.sleep(300);
        stop.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(inconsistency.get()).isNull();
        assertThat(swapped.scene()).isSameAs(box);
        assertThat(swapped.qpos()).hasSize(7);
        assertThat(swapped.sceneGeneration()).isEqualTo(2);
        assertThat(simulation.snapshot().time()).isGreaterThan(0.2);
        assertThat(oldScene.model().isAlive()).isFalse();
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(SimulationEvent.SceneLoaded.class));
    }

    @Test
    void aSceneThatFailsToCompileLeavesTheRunningSceneAlone() throws Exception {
        simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM));
        Scene running = simulation.snapshot().scene();
        assertThatThrownBy(() -> new SceneCompiler().compile(SceneSource.ofString("<mujoco><worldbody>")))
                .isInstanceOf(SceneLoadException.class);
        double before = simulation.snapshot().time();
        Thread.sleep(200);
        assertThat(simulation.snapshot().scene()).isSameAs(running);
        assertThat(simulation.snapshot().time()).isGreaterThan(before + 0.1);
    }

    @Test
    void readersDoNotSlowThePhysics() throws Exception {
        simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM));
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            readers.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    double sum = 0;
                    for (double q : simulation.snapshot().qpos()) {
                        sum += q;
                    }
                    if (sum == 42) {
                        System.out.print("");
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
            }));
        }
        Thread.sleep(500);
        SimulationSnapshot first = simulation.snapshot();
        Thread.sleep(2000);
        SimulationSnapshot last = simulation.snapshot();
        stop.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        double factor = (last.time() - first.time()) / ((last.capturedNanos() - first.capturedNanos()) * 1e-9);
        assertThat(factor).isCloseTo(1.0, within(0.02));
    }

    @Test
    void divergenceResetsTheSceneAndSaysSo() throws Exception {
        String unstable = """
                <mujoco>
                  <option timestep="0.5"/>
                  <worldbody>
                    <body>
                      <joint name="spring" type="slide" axis="1 0 0" stiffness="1e9"/>
                      <geom type="sphere" size="0.1" mass="0.001"/>
                    </body>
                  </worldbody>
                  <keyframe><key qpos="0.5"/></keyframe>
                </mujoco>
                """;
        simulation = Simulation.start(TestScenes.compile(unstable), PAUSED);
        List<SimulationEvent> events = new CopyOnWriteArrayList<>();
        simulation.addListener(events::add);
        SimulationSnapshot after = await(simulation.submit(new SimCommand.Step(200)));
        assertThat(after.qpos()[0]).isFinite();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (events.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(events).first().isInstanceOfSatisfying(SimulationEvent.Diverged.class,
                d -> assertThat(d.reason()).containsAnyOf("unstable", "NaN"));
    }

    @Test
    void closingFreesTheSceneAndRefusesNewCommands() throws Exception {
        simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM));
        Scene scene = simulation.snapshot().scene();
        simulation.close();
        assertThat(scene.model().isAlive()).isFalse();
        assertThatThrownBy(() -> await(simulation.submit(new SimCommand.Play())))
                .hasMessageContaining("the simulation is closed");
    }
}
