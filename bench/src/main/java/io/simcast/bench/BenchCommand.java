package io.simcast.bench;

import io.simcast.app.cli.ExtraCommand;
import io.simcast.app.cli.SimcastCommand;
import io.simcast.sim.render.Quality;
import io.simcast.sim.render.RenderBenchmark;
import io.simcast.sim.rl.RlCatalog;
import io.simcast.sim.rl.VectorEnv;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.sim.scene.SceneLoadException;
import io.simcast.sim.scene.SceneLocator;
import io.simcast.sim.scene.SceneSource;
import io.simcast.testkit.ServeProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simcast bench}: the benchmarks behind docs/PERFORMANCE.md. They live outside the product (the installer
 * leaves this module out); {@code ./simcast} puts them on the class path and the command line finds this class
 * through {@link java.util.ServiceLoader}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure Simcast's speed.",
        subcommands = {BenchCommand.Physics.class, BenchCommand.Pacing.class, BenchCommand.Controls.class,
                BenchCommand.Render.class, BenchCommand.Rl.class, BenchCommand.RlRest.class,
                StreamingBenchCommands.Latency.class, StreamingBenchCommands.Network.class,
                StreamingBenchCommands.SoakRun.class, StreamingBenchCommands.Viewers.class,
                StreamingBenchCommands.Memory.class, StreamingBenchCommands.ConsoleView.class,
                BenchCommand.Encode.class, PageBenchCommand.class, BenchCommand.Mcp.class, SfuBenchCommand.class,
                PanelsBenchCommand.class})
public final class BenchCommand implements ExtraCommand {
    @CommandLine.ParentCommand
    SimcastCommand parent;

    /** A benchmark's result on a scene, and the scene's id. */
    private record Measured<R>(String sceneId, R result) {}

    /** Compiles a preset or MJCF file, runs {@code benchmark} on it on this thread and releases the scene. */
    private static <R> Measured<R> measure(String idOrFile, Function<Scene, R> benchmark) throws SceneLoadException {
        Scene scene = new SceneCompiler().compile(SceneLocator.locate(idOrFile, SceneLimits.DEFAULT));
        try {
            return new Measured<>(scene.id(), benchmark.apply(scene));
        } finally {
            scene.release();
        }
    }

    /** {@code simcast bench physics}: steps per second from Java against native mujoco-testspeed, same workload. */
    @Command(name = "physics", mixinStandardHelpOptions = true,
            description = "Steps per second of mj_step from Java, next to native mujoco-testspeed on the same file.")
    static final class Physics implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "ID_OR_FILE", description = "Preset id or MJCF file.")
        String model;

        @Option(names = "--steps", defaultValue = "20000", description = "Steps to time (default ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--ctrlnoise", defaultValue = "0.01",
                description = "Control noise per step, as testspeed (default ${DEFAULT-VALUE}).")
        double controlNoise;

        @Option(names = "--repeat", defaultValue = "3", description = "Runs of each; the best counts (default ${DEFAULT-VALUE}).")
        int repeat;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Scene scene = new SceneCompiler().compile(SceneLocator.locate(model, SceneLimits.DEFAULT));
            Best java = new Best();
            Best nativeBest = new Best();
            try {
                Optional<NativeTestspeed> testspeed = NativeTestspeed.forModel(modelFile(scene), controlNoise);
                // Alternate the two so that a busy moment on the machine hurts both alike.
                for (int i = 0; i < repeat; i++) {
                    java.add(PhysicsBenchmark.run(scene, steps, controlNoise));
                    if (testspeed.isPresent()) {
                        nativeBest.add(testspeed.get().run(steps));
                    }
                }
            } finally {
                scene.release();
            }
            out.printf("java   %s: %.0f steps/s, %.0f per CPU second, %.2f contacts and %.2f constraints per step"
                    + " (best of %d x %d steps)%n", scene.id(), java.wall, java.cpu, java.contacts, java.constraints,
                    repeat, steps);
            if (nativeBest.wall > 0) {
                out.printf("native %s: %.0f steps/s, %.0f per CPU second, %.2f contacts and %.2f constraints per step"
                        + " (mujoco-testspeed, best of %d)%n", scene.id(), nativeBest.wall, nativeBest.cpu,
                        nativeBest.contacts, nativeBest.constraints, repeat);
                out.printf("ratio java/native: %.3f (wall), %.3f (CPU)%n", java.wall / nativeBest.wall,
                        java.cpu / nativeBest.cpu);
            } else {
                out.println("native: mujoco-testspeed not available (Debian package libmujoco-samples)");
            }
            out.flush();
            return 0;
        }

        /** The best wall and the best CPU rate over the runs (each its own best: the quietest moment for each). */
        private static final class Best {
            double wall;
            double cpu;
            double contacts;
            double constraints;

            void add(PhysicsBenchmark.Result result) {
                wall = Math.max(wall, result.stepsPerSecond());
                cpu = Math.max(cpu, result.stepsPerCpuSecond());
                contacts = result.contactsPerStep();
                constraints = result.constraintsPerStep();
            }
        }

        /** testspeed needs a file: presets and strings are written to a temporary one. */
        private static Path modelFile(Scene scene) throws IOException {
            if (scene.source().folder() != null) {
                return scene.source().folder().resolve(scene.source().fileName());
            }
            Path file = Files.writeString(Files.createTempFile("simcast-bench", ".xml"), scene.xml());
            file.toFile().deleteOnExit();
            return file;
        }
    }

    /** {@code simcast bench controls}: what writing a step's controls costs, each way Java can write them. */
    @Command(name = "controls", mixinStandardHelpOptions = true,
            description = "Nanoseconds per step to write every actuator's control: through Simcast's view of"
                    + " MuJoCo's memory, and through JavaCPP pointers (bulk, fresh pointer, element by element).")
    static final class Controls implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", defaultValue = "humanoid", paramLabel = "ID_OR_FILE",
                description = "Preset id or MJCF file (default ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--steps", defaultValue = "1000000",
                description = "Steps per round (default ${DEFAULT-VALUE}).")
        int steps;

        @Override
        public Integer call() throws Exception {
            Measured<ControlWriteBenchmark.Result> measured = measure(model,
                    scene -> ControlWriteBenchmark.run(scene, steps));
            ControlWriteBenchmark.Result result = measured.result();
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s, %d controls per step, ns per step (best of 5 rounds of %d steps)%n",
                    measured.sceneId(), result.actuators(), steps);
            out.printf(Locale.ROOT, "SimData.ctrl() view, bulk:        %8.1f%n", result.viewNanos());
            out.printf(Locale.ROOT, "JavaCPP pointer, bulk:            %8.1f%n", result.pointerBulkNanos());
            out.printf(Locale.ROOT, "JavaCPP fresh pointer, bulk:      %8.1f%n", result.freshPointerBulkNanos());
            out.printf(Locale.ROOT, "JavaCPP pointer, element by element: %5.1f%n", result.pointerElementNanos());
            out.flush();
            return 0;
        }
    }

    /** {@code simcast bench pacing}: how closely a playing simulation keeps to the wall clock, with readers. */
    @Command(name = "pacing", mixinStandardHelpOptions = true,
            description = "Real-time factor of a playing simulation at each speed, with and without snapshot readers.")
    static final class Pacing implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--scene", defaultValue = "pendulum", paramLabel = "ID_OR_FILE",
                description = "Preset id or MJCF file (default ${DEFAULT-VALUE}).")
        String scene;

        @Option(names = "--speeds", split = ",", defaultValue = "1,4",
                description = "Speed factors (default ${DEFAULT-VALUE}).")
        List<Double> speeds;

        @Option(names = "--readers", split = ",", defaultValue = "0,32",
                description = "Threads reading snapshots as fast as they can (default ${DEFAULT-VALUE}).")
        List<Integer> readers;

        @Option(names = "--seconds", defaultValue = "5", description = "Seconds measured per run (default ${DEFAULT-VALUE}).")
        int seconds;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            SceneCompiler compiler = new SceneCompiler();
            SceneSource source = SceneLocator.locate(scene, SceneLimits.DEFAULT);
            out.printf("%-6s %-8s %-18s %-16s %s%n", "speed", "readers", "real-time factor", "reported factor",
                    "steps/s");
            for (double speed : speeds) {
                for (int count : readers) {
                    PacingBenchmark.Result result = PacingBenchmark.run(compiler.compile(source), speed, count,
                            Duration.ofSeconds(seconds));
                    out.printf("%-6s %-8d %-18.4f %-16.4f %.0f%n", speed, count, result.realTimeFactor(),
                            result.reportedFactor(), result.stepsPerSecond());
                    out.flush();
                }
            }
            return 0;
        }
    }

    /** The RL task and copy counts both RL benchmarks measure. */
    static final class RlTaskOptions {
        @Option(names = "--robot", defaultValue = "cartpole", description = "Robot id (default ${DEFAULT-VALUE}).")
        String robot;

        @Option(names = "--task", defaultValue = "balance", description = "Task id (default ${DEFAULT-VALUE}).")
        String task;

        @Option(names = "--copies", split = ",", defaultValue = "1,16",
                description = "Copy counts to measure (default ${DEFAULT-VALUE}).")
        List<Integer> copies;

        int frameSkip() {
            return RlCatalog.builtIn().spec(robot, task).frameSkip();
        }

        /** The first line both print: the task, its frame skip, the runs and the cores. */
        String heading(int repeat) {
            return String.format("%s/%s, frame skip %d, random actions, best of %d, %d cores", robot, task, frameSkip(),
                    repeat, Runtime.getRuntime().availableProcessors());
        }
    }

    /** {@code simcast bench rl}: RL environment steps per second in process, against raw mj_step on the same model. */
    @Command(name = "rl", mixinStandardHelpOptions = true,
            description = "Environment steps per second of an RL task (random actions, autoreset), 1 and N copies,"
                    + " next to raw mj_step on the same model.")
    static final class Rl implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        RlTaskOptions rl = new RlTaskOptions();

        @Option(names = "--threads", split = ",", defaultValue = "1,0",
                description = "Threads to step them with; 0 = automatic (default ${DEFAULT-VALUE}).")
        List<Integer> threads;

        @Option(names = "--physics-steps", defaultValue = "200000",
                description = "Physics steps per measurement, all copies together (default ${DEFAULT-VALUE}).")
        int physicsSteps;

        @Option(names = "--repeat", defaultValue = "3", description = "Runs of each; the best counts (default ${DEFAULT-VALUE}).")
        int repeat;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            int frameSkip = rl.frameSkip();
            // (copies, threads) pairs, with "automatic" resolved so that no configuration runs twice.
            List<int[]> configurations = rl.copies.stream().flatMap(count -> threads.stream()
                            .map(requested -> Math.min(requested > 0 ? requested : VectorEnv.automaticLanes(count),
                                    count))
                            .distinct().map(lanes -> new int[] {count, lanes}))
                    .toList();
            RlBenchmark.Result[] best = new RlBenchmark.Result[configurations.size()];
            PhysicsBenchmark.Result raw = null;
            Scene scene = RlCatalog.builtIn().compileScene(rl.robot, rl.task);
            try {
                // Rounds alternate raw stepping and every configuration, so a busy moment hurts all alike.
                for (int round = 0; round < repeat; round++) {
                    PhysicsBenchmark.Result rawRun = PhysicsBenchmark.run(scene, physicsSteps, 0.01);
                    if (raw == null || rawRun.stepsPerSecond() > raw.stepsPerSecond()) {
                        raw = rawRun;
                    }
                    for (int k = 0; k < best.length; k++) {
                        int[] configuration = configurations.get(k);
                        RlBenchmark.Result result = RlBenchmark.run(rl.robot, rl.task, configuration[0], configuration[1],
                                Math.max(1, physicsSteps / frameSkip / configuration[0]));
                        if (best[k] == null || result.envStepsPerSecond() > best[k].envStepsPerSecond()) {
                            best[k] = result;
                        }
                    }
                }
            } finally {
                scene.release();
            }
            out.println(rl.heading(repeat));
            out.printf("raw mj_step, 1 thread: %.0f physics steps/s, %.0f per CPU second%n", raw.stepsPerSecond(),
                    raw.stepsPerCpuSecond());
            out.println("copies  threads  env steps/s  physics steps/s  vs raw  per CPU s  vs raw");
            for (RlBenchmark.Result result : best) {
                out.printf("%6d  %7d  %11.0f  %15.0f  %6.2f  %9.0f  %6.2f%n", result.copies(), result.threads(),
                        result.envStepsPerSecond(), result.physicsStepsPerSecond(),
                        result.physicsStepsPerSecond() / raw.stepsPerSecond(), result.physicsStepsPerCpuSecond(),
                        result.physicsStepsPerCpuSecond() / raw.stepsPerCpuSecond());
            }
            out.flush();
            return 0;
        }
    }

    /**
     * {@code simcast bench rl-rest}: RL environment steps per second over REST against {@code simcast serve} in a
     * child process, next to the same environment stepped in process.
     */
    @Command(name = "rl-rest", mixinStandardHelpOptions = true,
            description = "Environment steps per second of an RL task over the REST API (a Java client on HTTP/1.1"
                    + " keep-alive against simcast serve in a child process), next to the same task in process.")
    static final class RlRest implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        RlTaskOptions rl = new RlTaskOptions();

        @Option(names = "--seconds", defaultValue = "5",
                description = "Seconds each REST measurement steps (default ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--repeat", defaultValue = "3", description = "Runs of each; the best counts (default ${DEFAULT-VALUE}).")
        int repeat;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            RlRestBenchmark.Result[] rest = new RlRestBenchmark.Result[rl.copies.size()];
            RlBenchmark.Result[] local = new RlBenchmark.Result[rl.copies.size()];
            try (ServeProcess serve = ServeProcess.start(List.of("--scene", "pendulum"));
                 RlRestBenchmark client = new RlRestBenchmark(serve.address(), serve.operatorToken())) {
                // Rounds alternate REST and in-process runs, so a busy moment on the machine hurts both alike.
                for (int round = 0; round < repeat; round++) {
                    for (int k = 0; k < rl.copies.size(); k++) {
                        RlRestBenchmark.Result overRest = client.run(rl.robot, rl.task, rl.copies.get(k),
                                Duration.ofSeconds(seconds));
                        if (rest[k] == null || overRest.envStepsPerSecond() > rest[k].envStepsPerSecond()) {
                            rest[k] = overRest;
                        }
                        // As many steps in process as REST managed, with the lanes the host chooses too.
                        RlBenchmark.Result inProcess = RlBenchmark.run(rl.robot, rl.task, rl.copies.get(k), 0,
                                Math.max(1000, overRest.requests()));
                        if (local[k] == null || inProcess.envStepsPerSecond() > local[k].envStepsPerSecond()) {
                            local[k] = inProcess;
                        }
                    }
                }
            }
            out.println(rl.heading(repeat));
            out.println("copies  threads  in process env steps/s  over REST env steps/s  REST/in process"
                    + "  ms per request");
            for (int k = 0; k < rl.copies.size(); k++) {
                out.printf("%6d  %7d  %22.0f  %21.0f  %15.2f  %14.3f%n", rl.copies.get(k), local[k].threads(),
                        local[k].envStepsPerSecond(), rest[k].envStepsPerSecond(),
                        rest[k].envStepsPerSecond() / local[k].envStepsPerSecond(), rest[k].millisPerRequest());
            }
            out.flush();
            return 0;
        }
    }

    /** {@code simcast bench render}: frames per second of one view, drawing alone and with readback. */
    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Frames per second of rendering one view offscreen: drawing only, and drawing plus readback"
                    + " into an RGBA frame (OpenGL's bottom-up rows, as the renderer's frames).")
    static final class Render implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--scene", defaultValue = "pendulum", paramLabel = "ID_OR_FILE",
                description = "Preset id or MJCF file (default ${DEFAULT-VALUE}).")
        String scene;

        @Option(names = "--width", defaultValue = "640", description = "View width (default ${DEFAULT-VALUE}).")
        int width;

        @Option(names = "--height", defaultValue = "480", description = "View height (default ${DEFAULT-VALUE}).")
        int height;

        @Option(names = "--quality", defaultValue = "fast", paramLabel = "fast|quality",
                description = "Rendering preset (default ${DEFAULT-VALUE}).")
        String quality;

        @Option(names = "--frames", defaultValue = "300", description = "Frames timed per pass (default ${DEFAULT-VALUE}).")
        int frames;

        @Override
        public Integer call() throws Exception {
            Quality preset = Quality.parse(quality);
            Measured<RenderBenchmark.Result> measured = measure(scene,
                    compiled -> RenderBenchmark.run(compiled, width, height, preset, frames));
            RenderBenchmark.Result result = measured.result();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("render %s %dx%d %s, %d frames, on %s%n", measured.sceneId(), width, height,
                    preset.name().toLowerCase(Locale.ROOT), frames, result.info().glRenderer());
            out.printf("render only:                    %7.1f fps  (%.2f ms/frame)%n", result.renderOnlyFps(),
                    result.renderOnlyMillis());
            out.printf("render + readback:              %7.1f fps  (%.2f ms render + %.2f ms readback = %.1f%% of"
                    + " the frame)%n", result.fullFps(), result.renderMillis(), result.readbackMillis(),
                    100 * result.readbackShare());
            out.flush();
            return 0;
        }
    }

    @Command(name = "encode", mixinStandardHelpOptions = true,
            description = "Milliseconds per frame of every H.264 encoder that works here at 640x480, 1280x720 and"
                    + " 1920x1080 (live settings, RGBA in).")
    static final class Encode implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--frames", defaultValue = "150", description = "Frames per size (default ${DEFAULT-VALUE}).")
        int frames;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-12s %10s %12s %12s%n", "encoder", "size", "ms/frame", "kbit/s@30");
            for (EncodeBenchmark.Row row : EncodeBenchmark.run(frames)) {
                out.printf("%-12s %10s %12.2f %12.0f%n", row.encoder(), row.width() + "x" + row.height(),
                        row.msPerFrame(), row.kbitsPerSecond());
                out.flush();
            }
            return 0;
        }
    }

    /** {@code simcast bench mcp}: tool-call latency over /mcp on a real host, and stdio start to the first answer. */
    @Command(name = "mcp", mixinStandardHelpOptions = true,
            description = "MCP tool-call latency over HTTP against a real serve host (reading the state, a 640x480"
                    + " picture), and simcast mcp's start over stdio to its first tool answer.")
    static final class Mcp implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--scene", defaultValue = "cartpole", paramLabel = "ID_OR_FILE",
                description = "Preset id or MJCF file (default ${DEFAULT-VALUE}).")
        String scene;

        @Option(names = "--calls", defaultValue = "500", description = "Timed state reads (default ${DEFAULT-VALUE}).")
        int calls;

        @Option(names = "--pictures", defaultValue = "60", description = "Timed pictures (default ${DEFAULT-VALUE}).")
        int pictures;

        @Option(names = "--starts", defaultValue = "3", description = "stdio starts (default ${DEFAULT-VALUE}).")
        int starts;

        @Option(names = "--launcher", paramLabel = "COMMAND",
                description = "Also start COMMAND mcp each turn, e.g. the installed app's launcher"
                        + " (/opt/simcast/bin/Simcast or installer/target/app-image/Simcast/bin/Simcast).")
        Optional<Path> launcher;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<McpBenchmark.Latencies> results = new java.util.ArrayList<>();
            try (ServeProcess serve = ServeProcess.start(List.of("--scene", scene))) {
                results.addAll(McpBenchmark.overHttp(serve.address(), serve.operatorToken(), calls, pictures));
            }
            results.addAll(McpBenchmark.stdioStart(scene, starts, launcher));
            out.printf("MCP tool calls, scene %s (HTTP: one session on a serve host on 127.0.0.1; stdio: a new"
                    + " simcast mcp per start)%n", scene);
            results.forEach(result -> out.println(McpBenchmark.line(result)));
            out.flush();
            return 0;
        }
    }
}
