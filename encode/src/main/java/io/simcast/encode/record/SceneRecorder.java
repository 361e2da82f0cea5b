package io.simcast.encode.record;

import io.simcast.encode.EncoderKind;
import io.simcast.encode.EncoderSettings;
import io.simcast.encode.H264Encoder;
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
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code simcast record}: a scene from its initial state to an MP4, offline. The simulation does not run on the
 * clock: it is stepped exactly to each frame's time (frame i shows the state at i / fps seconds, the step count
 * rounded the same way every time), each state is rendered and encoded before the next step, so the video is as
 * fast as the machine allows and the same scene, options and seed always give the same pictures. With
 * {@code controlNoise} every frame interval gets new random controls (normal, that standard deviation) drawn from
 * {@code seed}, as MuJoCo's testspeed does, so a scene without a controller still moves differently per seed.
 *
 * <p>Runs on the caller's thread (the simulation and renderer threads do their usual jobs); encodes there too.
 */
public final class SceneRecorder {
    private static final long FRAME_TIMEOUT_SECONDS = 30;

    /**
     * What to record.
     *
     * @param seconds simulated seconds, above 0
     * @param fps frames per simulated second
     * @param width picture width (even)
     * @param height picture height (even)
     * @param camera a fixed camera of the model by name, or the model's default free camera
     * @param quality the rendering preset
     * @param seed seeds the control noise
     * @param controlNoise standard deviation of random controls, 0 for none
     */
    public record Request(double seconds, int fps, int width, int height, Optional<String> camera, Quality quality,
                          long seed, double controlNoise) {
        public Request {
            if (!(seconds > 0) || fps < 1 || fps > ViewSpec.MAX_FPS || !(controlNoise >= 0)) {
                throw new IllegalArgumentException(io.simcast.encode.EncodeMessages.badRecordRequest(seconds, fps,
                        controlNoise));
            }
        }

        public int frames() {
            return (int) Math.round(seconds * fps);
        }
    }

    /**
     * What was written.
     *
     * @param file the MP4
     * @param frames pictures in it
     * @param encoder the encoder that made it
     * @param wallSeconds how long stepping, rendering and encoding the frames took (not starting the renderer)
     * @param setupSeconds how long opening the renderer, the encoder and the file took
     */
    public record Result(Path file, int frames, EncoderKind encoder, double wallSeconds, double setupSeconds) {
        /** Simulated seconds recorded per wall-clock second. */
        public double speed(double seconds) {
            return seconds / wallSeconds;
        }
    }

    private SceneRecorder() {}

    /**
     * Records {@code scene} (whose model reference this call takes) to {@code out}.
     *
     * @throws IllegalArgumentException when the camera is not in the model
     */
    public static Result record(Scene scene, Request request, EncoderKind kind, Path out)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        double timestep = scene.model().timestep();
        int actuators = scene.model().nu();
        SplittableRandom random = new SplittableRandom(request.seed());
        EncoderSettings settings = EncoderSettings.recording(request.width(), request.height(), request.fps());
        try (Simulation simulation = Simulation.start(scene, new Simulation.Options(false, 1, false));
             Renderer renderer = Renderer.start(simulation);
             View view = renderer.createView(new ViewSpec(request.width(), request.height(), ViewSpec.MAX_FPS,
                     request.quality()));
             H264Encoder encoder = H264Encoder.open(kind, settings)) {
            request.camera().ifPresent(view::useFixedCamera);
            Mp4Writer writer = Mp4Writer.create(out, encoder);
            long loopStarted = 0;
            try (FrameSubscription frames = view.subscribe()) {
                double time = simulation.snapshot().time();
                long stepsDone = 0;
                for (int i = 0; i < request.frames(); i++) {
                    if (i > 0) {
                        long stepsDue = Math.round(i / (request.fps() * timestep));
                        if (request.controlNoise() > 0 && actuators > 0) {
                            double[] controls = new double[actuators];
                            for (int a = 0; a < actuators; a++) {
                                controls[a] = random.nextGaussian() * request.controlNoise();
                            }
                            simulation.submit(new SimCommand.SetControls(controls));
                        }
                        time = step(simulation, (int) (stepsDue - stepsDone)).time();
                        stepsDone = stepsDue;
                    }
                    Frame frame = frameAt(frames, time);
                    if (i == 0) {
                        loopStarted = System.nanoTime(); // the renderer is up and has drawn its first picture
                    }
                    try {
                        encoder.encode(frame, i, false, writer);
                    } finally {
                        frame.release();
                    }
                }
                encoder.flush(writer);
            } catch (RuntimeException | InterruptedException e) {
                writer.close();
                throw e;
            }
            Path file = writer.finish();
            long done = System.nanoTime();
            return new Result(file, request.frames(), kind, (done - loopStarted) / 1e9, (loopStarted - started) / 1e9);
        }
    }

    private static SimulationSnapshot step(Simulation simulation, int steps) throws InterruptedException {
        if (steps <= 0) {
            return simulation.snapshot();
        }
        try {
            return simulation.submit(new SimCommand.Step(steps)).get(FRAME_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(io.simcast.encode.EncodeMessages.simulationStuck(e), e);
        }
    }

    /** The first frame showing simulation time {@code time}; frames of earlier states are skipped. */
    private static Frame frameAt(FrameSubscription frames, double time) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FRAME_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            Frame frame = frames.take(1, TimeUnit.SECONDS);
            if (frame == null) {
                continue;
            }
            if (Math.abs(frame.simTime() - time) < 1e-9) {
                return frame;
            }
            frame.release();
        }
        throw new IllegalStateException(io.simcast.encode.EncodeMessages.noFrame(time, FRAME_TIMEOUT_SECONDS));
    }
}
