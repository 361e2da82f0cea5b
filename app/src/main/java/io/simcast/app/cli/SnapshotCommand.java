package io.simcast.app.cli;

import io.simcast.sim.core.Model;
import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.render.Frame;
import io.simcast.sim.render.FrameSubscription;
import io.simcast.sim.render.Quality;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.View;
import io.simcast.sim.render.ViewSpec;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.sim.scene.SceneLocator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simcast snapshot}: simulate a scene to a time and write one rendered picture. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Simulate a scene from its initial state to --time and write what a camera sees as a PNG.")
final class SnapshotCommand implements Callable<Integer> {
    private static final long FRAME_TIMEOUT_SECONDS = 30;
    private static final int MAX_STEPS_PER_COMMAND = 1_000_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scene", required = true, paramLabel = "ID_OR_FILE",
            description = "A preset id (see 'simcast presets'), an MJCF/URDF file, or a folder with one.")
    String scene;

    @Option(names = "--width", defaultValue = "640", description = "Image width in pixels (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "480", description = "Image height in pixels (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write the PNG.")
    Path out;

    @Option(names = "--camera", paramLabel = "NAME",
            description = "A camera of the model; without it, the model's default free camera.")
    String camera;

    @Option(names = "--time", defaultValue = "0", paramLabel = "SECONDS",
            description = "Simulated time to run before the picture (default ${DEFAULT-VALUE}).")
    double time;

    @Option(names = "--quality", defaultValue = "quality", paramLabel = "fast|quality",
            description = "Rendering preset (default ${DEFAULT-VALUE}).")
    String quality;

    @Override
    public Integer call() throws Exception {
        if (!(time >= 0)) {
            throw new IllegalArgumentException("--time must not be negative, got " + time);
        }
        ViewSpec spec = new ViewSpec(width, height, 1, Quality.parse(quality));
        Scene compiled = new SceneCompiler().compile(SceneLocator.locate(scene, SceneLimits.DEFAULT));
        try (Simulation simulation = Simulation.start(compiled, new Simulation.Options(false, 1, true))) {
            SimulationSnapshot state = runTo(simulation, compiled.model());
            try (Renderer renderer = Renderer.start(simulation); View view = renderer.createView(spec)) {
                if (camera != null) {
                    view.useFixedCamera(camera);
                }
                try (FrameSubscription frames = view.subscribe()) {
                    Frame frame = frames.take(FRAME_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    if (frame == null) {
                        throw new IllegalStateException("no picture within " + FRAME_TIMEOUT_SECONDS + " s");
                    }
                    try {
                        FramePng.write(frame, out);
                    } finally {
                        frame.release();
                    }
                }
            }
            PrintWriter printer = this.spec.commandLine().getOut();
            printer.printf("%s: %dx%d, %s at t=%.3f s, %s%n", out, width, height, compiled.id(), state.time(),
                    camera == null ? "free camera" : "camera " + camera);
            printer.flush();
        }
        return 0;
    }

    /** Steps from the initial state to the step nearest --time. */
    private SimulationSnapshot runTo(Simulation simulation, Model model) throws Exception {
        long steps = Math.round(time / model.timestep());
        SimulationSnapshot state = simulation.snapshot();
        while (steps > 0) {
            int batch = (int) Math.min(steps, MAX_STEPS_PER_COMMAND);
            state = simulation.submit(new SimCommand.Step(batch)).get();
            steps -= batch;
        }
        return state;
    }
}
