package io.simcast.bench;

import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.scene.Scene;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How closely a playing {@link Simulation} keeps to the wall clock: simulated seconds per wall-clock second, divided
 * by the speed factor (1.00 is exact), optionally while reader threads take snapshots as fast as they can. These are
 * the figures the tests may not assert (a loaded machine holds the physics back); the tests check only that it never
 * runs ahead.
 */
public final class PacingBenchmark {
    private static final Duration SETTLE = Duration.ofMillis(500);

    private PacingBenchmark() {}

    /**
     * @param realTimeFactor simulated over wall-clock seconds, divided by the speed, measured from two snapshots
     * @param reportedFactor the simulation's own real-time factor in the last snapshot (its last half second),
     *     divided by the speed
     * @param stepsPerSecond steps per wall-clock second
     */
    public record Result(double speed, int readers, double realTimeFactor, double reportedFactor,
            double stepsPerSecond) {}

    /** Runs {@code scene} (taking its model reference) at {@code speed} for {@code measured}, with {@code readers}. */
    public static Result run(Scene scene, double speed, int readers, Duration measured) throws Exception {
        try (Simulation simulation = Simulation.start(scene)) {
            simulation.submit(new SimCommand.SetSpeed(speed)).get(1, TimeUnit.MINUTES);
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                threads.add(Thread.ofPlatform().name("simcast-bench-reader-" + i).start(() -> {
                    long sink = 0;
                    while (!stop.get()) {
                        sink += simulation.snapshot().qpos().length;
                    }
                    if (sink == 42) {
                        System.out.print(""); // keeps the reads from being optimised away
                    }
                }));
            }
            try {
                Thread.sleep(SETTLE);
                SimulationSnapshot first = simulation.snapshot();
                Thread.sleep(measured);
                SimulationSnapshot last = simulation.snapshot();
                double wall = (last.capturedNanos() - first.capturedNanos()) * 1e-9;
                return new Result(speed, readers, (last.time() - first.time()) / wall / speed,
                        last.realTimeFactor() / speed, (last.steps() - first.steps()) / wall);
            } finally {
                stop.set(true);
                for (Thread thread : threads) {
                    thread.join();
                }
            }
        }
    }
}
