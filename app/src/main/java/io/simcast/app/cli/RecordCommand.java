package io.simcast.app.cli;

import io.simcast.encode.EncoderChoice;
import io.simcast.encode.EncoderKind;
import io.simcast.encode.EncoderProbe;
import io.simcast.encode.record.SceneRecorder;
import io.simcast.sim.render.Quality;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.sim.scene.SceneLocator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simcast record}: a scene from its initial state to an MP4, rendered offline at a fixed frame step (as fast
 * as the machine allows; the same scene, options and seed give the same pictures). Runs on {@code main}.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Render a scene offline, frame by frame, to an MP4 (H.264, fast start). The same scene,"
                + " options and seed always give the same video.")
final class RecordCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scene", required = true, paramLabel = "ID_OR_FILE",
            description = "A preset id (see 'simcast presets'), an MJCF/URDF file, or a folder with one.")
    String scene;

    @Option(names = "--seconds", required = true, paramLabel = "N", description = "Simulated seconds to record.")
    double seconds;

    @Option(names = "--out", required = true, paramLabel = "FILE.mp4", description = "Where to write the MP4.")
    Path out;

    @Option(names = "--camera", paramLabel = "NAME",
            description = "A camera of the model; without it, the model's default free camera.")
    String camera;

    @Option(names = "--fps", defaultValue = "30", description = "Frames per simulated second (default ${DEFAULT-VALUE}).")
    int fps;

    @Option(names = "--width", defaultValue = "1280", description = "Picture width (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "720", description = "Picture height (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--quality", defaultValue = "quality", paramLabel = "fast|quality",
            description = "Rendering preset (default ${DEFAULT-VALUE}).")
    String quality;

    @Option(names = "--seed", defaultValue = "0", description = "Seeds the control noise (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--ctrl-noise", defaultValue = "0", paramLabel = "STD",
            description = "Random controls with this standard deviation, new each frame (default ${DEFAULT-VALUE}:"
                    + " none).")
    double controlNoise;

    @Option(names = "--encoder", paramLabel = "auto|nvenc|qsv|vaapi|amf|x264",
            description = "H.264 encoder (default auto, env ENCODER).")
    String encoder;

    @Override
    public Integer call() throws Exception {
        SceneRecorder.Request request = new SceneRecorder.Request(seconds, fps, width, height,
                Optional.ofNullable(camera), Quality.parse(quality), seed, controlNoise);
        EncoderKind kind = EncoderProbe.choose(EncoderChoice.resolve(encoder, System.getenv()));
        SceneRecorder.Result result = SceneRecorder.record(new SceneCompiler().compile(
                SceneLocator.locate(scene, SceneLimits.DEFAULT)), request, kind, out);
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf("%s: %d frames, %dx%d at %d fps, %s, %.2f s (%.2fx real time; %.1f s to start)%n",
                result.file(), result.frames(), width, height, fps, kind.ffmpegName(), result.wallSeconds(),
                result.speed(seconds), result.setupSeconds());
        printer.flush();
        return 0;
    }
}
