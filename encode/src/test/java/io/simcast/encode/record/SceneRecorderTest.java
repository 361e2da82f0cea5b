package io.simcast.encode.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.encode.DecodedVideo;
import io.simcast.encode.EncoderKind;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.render.Frame;
import io.simcast.sim.render.FrameSubscription;
import io.simcast.sim.render.Quality;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.View;
import io.simcast.sim.render.ViewSpec;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simcast record}'s engine: real MuJoCo, EGL, libx264 and FFmpeg's MP4 muxer and demuxer. */
class SceneRecorderTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;

    @TempDir
    Path folder;

    @Test
    void theMp4HasTheFramesSizeAndRateAskedForAndShowsTheScene() throws Exception {
        Path out = folder.resolve("pendulum.mp4");
        SceneRecorder.Result result = SceneRecorder.record(scene("pendulum"), request(1, 0, 0), EncoderKind.X264, out);

        DecodedVideo video = DecodedVideo.read(out);
        assertThat(result.frames()).isEqualTo(30);
        assertThat(video.codec()).isEqualTo("h264");
        assertThat(video.pictures()).hasSize(30);
        assertThat(video.declaredFrames()).as("a plain MP4 says how many frames it has").isEqualTo(30);
        assertThat(video.width()).isEqualTo(WIDTH);
        assertThat(video.height()).isEqualTo(HEIGHT);
        assertThat(video.frameRate()).isEqualTo(30.0);
        assertThat(Files.exists(Mp4Writer.partialOf(out))).as("the fragmented file is gone").isFalse();
        byte[] firstState = renderedAtStart("pendulum");
        assertThat(video.difference(0, firstState)).as("the first picture against the renderer's").isLessThan(6);
        assertThat(video.difference(0, video.pictures().get(29)))
                .as("the pendulum swung between the first and the last picture").isGreaterThan(0.5);
    }

    @Test
    void theSameSceneAndSeedGiveTheSamePicturesAndAnotherSeedOthers() throws Exception {
        DecodedVideo first = DecodedVideo.read(SceneRecorder.record(scene("cartpole"), request(0.5, 7, 1),
                EncoderKind.X264, folder.resolve("a.mp4")).file());
        DecodedVideo again = DecodedVideo.read(SceneRecorder.record(scene("cartpole"), request(0.5, 7, 1),
                EncoderKind.X264, folder.resolve("b.mp4")).file());
        DecodedVideo other = DecodedVideo.read(SceneRecorder.record(scene("cartpole"), request(0.5, 8, 1),
                EncoderKind.X264, folder.resolve("c.mp4")).file());

        assertThat(first.pictures()).hasSize(15);
        // The same physics and the same pictures drawn; the decoded pictures may still differ by a level here and
        // there where libx264's rate control made another choice (seen once in many runs), never by a swing.
        double most = 0;
        for (int i = 0; i < first.pictures().size(); i++) {
            double difference = first.difference(i, again.pictures().get(i));
            assertThat(difference).as("picture %d against the same seed's", i).isLessThan(0.25);
            most = Math.max(most, difference);
        }
        assertThat(first.difference(14, other.pictures().get(14))).as("another seed's last picture")
                .isGreaterThan(most);
    }

    private static SceneRecorder.Request request(double seconds, long seed, double noise) {
        return new SceneRecorder.Request(seconds, 30, WIDTH, HEIGHT, Optional.empty(), Quality.FAST, seed, noise);
    }

    private static Scene scene(String preset) throws Exception {
        PresetCatalog catalog = PresetCatalog.builtIn();
        return new SceneCompiler().compile(catalog.source(catalog.find(preset).orElseThrow()));
    }

    /** What the renderer draws of the scene's initial state, as RGB. */
    private static byte[] renderedAtStart(String preset) throws Exception {
        try (Simulation simulation = Simulation.start(scene(preset), new Simulation.Options(false, 1, true));
             Renderer renderer = Renderer.start(simulation);
             View view = renderer.createView(new ViewSpec(WIDTH, HEIGHT, 30, Quality.FAST));
             FrameSubscription frames = view.subscribe()) {
            Frame frame = frames.take(10, TimeUnit.SECONDS);
            assertThat(frame).isNotNull();
            try {
                var rgba = frame.rgbaBottomUp();
                byte[] rgb = new byte[WIDTH * HEIGHT * 3];
                int o = 0;
                for (int y = 0; y < HEIGHT; y++) {
                    for (int i = frame.rowOffset(y); i < frame.rowOffset(y) + WIDTH * 4; i += 4) {
                        rgb[o++] = rgba.get(i);
                        rgb[o++] = rgba.get(i + 1);
                        rgb[o++] = rgba.get(i + 2);
                    }
                }
                return rgb;
            } finally {
                frame.release();
            }
        }
    }
}
