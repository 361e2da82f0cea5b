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
import java.util.function.Predicate;
import org.awaitility.Awaitility;
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
        return future.get(1, TimeUnit.MINUTES);
    }

    @Test
    void aPlayingSimulationAdvancesButNeverRunsAheadOfTheWallClock() throws Exception {
        // How close to real time it keeps is measured by `simcast bench pacing` (docs/PERFORMANCE.md); a loaded machine
        // may hold it back, but nothing may make it run ahead: unpaced, this pendulum would do 400,000 steps a second.
        simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM));
        SimulationSnapshot first = simulation.snapshot();
        awaitState(s -> s.time() > first.time() + 0.5);
        SimulationSnapshot last = simulation.snapshot();

        assertNotAhead(first, last, 1);
        assertThat(last.realTimeFactor()).isPositive();
        assertThat(last.stepsPerSecond()).isPositive();
    }

    @Test
    void speedFactorScalesSimulatedTime() throws Exception {
        simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM));
        SimulationSnapshot fast = await(simulation.submit(new SimCommand.SetSpeed(4)));
        assertThat(fast.speed()).isEqualTo(4);
        awaitState(s -> s.time() > fast.time() + 2);
        assertNotAhead(fast, simulation.snapshot(), 4);
        assertThatThrownBy(() -> new SimCommand.SetSpeed(32)).hasMessage("speed must be between 1/16 and 16, got 32.0");
    }

    @Test
    void speedChangesAreRelativeToTheFactorHeldWhenAppliedAndStopAtTheLimits() throws Exception {
        simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM));
        simulation.submit(new SimCommand.ScaleSpeed(2));
        assertThat(await(simulation.submit(new SimCommand.ScaleSpeed(2))).speed()).isEqualTo(4); // both presses count
        assertThat(await(simulation.submit(new SimCommand.ScaleSpeed(8))).speed()).isEqualTo(SimCommand.MAX_SPEED);
        await(simulation.submit(new SimCommand.SetSpeed(SimCommand.MIN_SPEED)));
        assertThat(await(simulation.submit(new SimCommand.ScaleSpeed(0.5))).speed()).isEqualTo(SimCommand.MIN_SPEED);
        assertThatThrownBy(() -> new SimCommand.ScaleSpeed(0))
                .hasMessage("speed change must be a positive number, got 0.0");
    }

    @Test
    void aSceneSlowerThanRealTimeRunsLateAndCountsTheRealTimeItSkipped() throws Exception {
        // A microsecond step at 16x asks for 16 million steps a second, forty times what this pendulum does unpaced
        // on any machine here: the physics falls behind over and over, skips ahead each time instead of bursting,
        // and adds up what it skipped.
        simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM.replace("timestep=\"0.002\"",
                "timestep=\"0.000001\"")), new Simulation.Options(true, SimCommand.MAX_SPEED, true));
        SimulationSnapshot first = simulation.snapshot();
        assertThat(first.skippedSeconds()).isZero();

        awaitState(s -> s.skippedSeconds() > 0.5 && s.realTimeFactor() > 0);
        SimulationSnapshot late = simulation.snapshot();
        assertThat(late.realTimeFactor()).isLessThan(SimCommand.MAX_SPEED);
        assertNotAhead(first, late, SimCommand.MAX_SPEED);
    }

    /**
     * Simulated time between two snapshots is at most what the wall clock allows at {@code speed}, plus the largest
     * catch-up the pacing permits (0.1 s at that speed) and one step: true however loaded the machine.
     */
    private static void assertNotAhead(SimulationSnapshot first, SimulationSnapshot last, double speed) {
        double wall = (last.capturedNanos() - first.capturedNanos()) * 1e-9;
        assertThat(last.time() - first.time()).as("simulated seconds in %.3f s of wall clock", wall)
                .isLessThanOrEqualTo(wall * speed + 0.1 * speed + 0.002 + 1e-9);
    }

    /** Waits until the simulation's state satisfies {@code condition}; the deadline only guards against hangs. */
    private void awaitState(Predicate<SimulationSnapshot> condition) {
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> condition.test(simulation.snapshot()));
    }

    @Test
    void pauseHoldsTimeStepAdvancesExactlyAndResetReturnsToTheStart() throws Exception {
        simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM));
        awaitState(s -> s.time() > 0.1);
        SimulationSnapshot paused = await(simulation.submit(new SimCommand.Pause()));
        assertThat(paused.playing()).isFalse();
        assertThat(paused.time()).isGreaterThan(0.1);
        Thread.sleep(200); // a simulation that ignored the pause would move on meanwhile
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
        awaitState(s -> s.time() > swapped.time() + 0.1); // the readers go on reading while the new scene runs
        stop.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(inconsistency.get()).isNull();
        assertThat(swapped.scene()).isSameAs(box);
        assertThat(swapped.qpos()).hasSize(7);
        assertThat(swapped.sceneGeneration()).isEqualTo(2);
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
        awaitState(s -> s.time() > before);
        assertThat(simulation.snapshot().scene()).isSameAs(running);
    }

    @Test
    void readersNeverBlockThePhysics() throws Exception {
        // 32 threads reading snapshots as fast as they can; how little they cost is `simcast bench pacing --readers 32`.
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
                }
            }));
        }
        SimulationSnapshot first = simulation.snapshot();
        try {
            awaitState(s -> s.time() > first.time() + 0.5);
        } finally {
            stop.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
        }
        assertNotAhead(first, simulation.snapshot(), 1);
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
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> !events.isEmpty());
        assertThat(events).first().isInstanceOfSatisfying(SimulationEvent.Diverged.class,
                d -> assertThat(d.reason()).containsAnyOf("unstable", "NaN"));
    }

    @Test
    void aDivergenceLateInARunIsNotCountedAsRealTimeSkipped() throws Exception {
        simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM));
        List<SimulationEvent> events = new CopyOnWriteArrayList<>();
        simulation.addListener(events::add);
        awaitState(s -> s.time() > 1);
        double ran = simulation.snapshot().time();

        simulation.submit(new SimCommand.ApplyForce(1, new double[] {1e300, 0, 0}, new double[3]));
        Awaitility.await().atMost(Duration.ofMinutes(1))
                .until(() -> events.stream().anyMatch(SimulationEvent.Diverged.class::isInstance));
        // The reset takes time back to 0 while the batch's due time is still past 1 s: not a backlog to skip.
        assertThat(simulation.snapshot().skippedSeconds())
                .as("real time skipped, with %.2f s simulated before the divergence", ran).isLessThan(ran);
    }

    @Test
    void aSceneThatDivergesFromItsInitialStateIsPausedRatherThanResetOverAndOver() throws Exception {
        String hopeless = """
                <mujoco>
                  <worldbody>
                    <body>
                      <joint name="lift" type="slide" axis="0 0 1"/>
                      <geom type="sphere" size="0.1"/>
                    </body>
                  </worldbody>
                  <keyframe><key qpos="1e300"/></keyframe>
                </mujoco>
                """;
        simulation = Simulation.start(TestScenes.compile(hopeless));

        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> !simulation.snapshot().playing());
        assertThat(simulation.snapshot().time()).as("back at its initial state").isZero();
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
