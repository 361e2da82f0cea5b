package io.simcast.sim.render;

import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.scene.TestScenes;
import java.util.concurrent.TimeUnit;

/** Run in a child JVM whose EGL is made to fail: prints why rendering is unavailable, then that physics ran. */
public final class NoEglProbe {
    private NoEglProbe() {}

    public static void main(String[] args) throws Exception {
        try (Simulation simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM),
                new Simulation.Options(false, 1, true))) {
            try (Renderer renderer = Renderer.start(simulation)) {
                System.out.println("rendering on " + renderer.info().summary());
            } catch (RenderUnavailableException e) {
                System.out.println("unavailable: " + e.getMessage());
            }
            double time = simulation.submit(new SimCommand.Step(100)).get(30, TimeUnit.SECONDS).time();
            System.out.printf("physics ran to t=%.3f%n", time);
        }
    }
}
