package io.simcast.sim.physics;

import java.util.function.Supplier;

/**
 * Turns the newest snapshot into a {@link PanelSample}: the one code path behind the console's panels and the page's
 * low-rate panel stream. The snapshot already holds the state; sensor values need a forward pass, which runs on the
 * sampler's own {@link StateProbe} copy, so the physics thread never waits for any reader; the renderer's times are
 * what it last published. Called by one sampling
 * thread at 10-20 Hz per client kind (calls are serialised by the probe); {@link #close} frees the probe's data.
 */
public final class PanelSampler implements AutoCloseable {
    private final SimulationSource simulation;
    private final Supplier<PanelSample.Drawing> drawing;
    private final StateProbe probe = new StateProbe();

    /** Panels of a simulation nobody renders. */
    public PanelSampler(SimulationSource simulation) {
        this(simulation, () -> PanelSample.Drawing.NONE);
    }

    /** @param drawing the renderer's latest figures; must never wait for the render thread */
    public PanelSampler(SimulationSource simulation, Supplier<PanelSample.Drawing> drawing) {
        this.simulation = simulation;
        this.drawing = drawing;
    }

    /** The panels' values now. */
    public PanelSample sample() {
        SimulationSnapshot snapshot = simulation.snapshot();
        double[] sensors;
        try {
            sensors = probe.read(snapshot).sensorData();
        } catch (IllegalStateException replaced) {
            sensors = new double[0]; // the scene changed under us; the next sample reads the new one
        }
        return new PanelSample(snapshot.sceneGeneration(), snapshot.time(), snapshot.playing(), snapshot.qpos(),
                snapshot.ctrl(), sensors, new PanelSample.Info(snapshot.realTimeFactor(), snapshot.stepsPerSecond(),
                        snapshot.contacts(), snapshot.solver(), snapshot.potentialEnergy(), snapshot.kineticEnergy()),
                new PanelSample.Profiler(snapshot.timers(), drawing.get()));
    }

    @Override
    public void close() {
        probe.close();
    }
}
