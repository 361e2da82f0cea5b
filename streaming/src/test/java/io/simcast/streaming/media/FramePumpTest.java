package io.simcast.streaming.media;

import static io.simcast.streaming.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.render.Quality;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.View;
import io.simcast.sim.render.ViewSpec;
import io.simcast.sim.scene.TestScenes;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pump between a real renderer and real libwebrtc: what libwebrtc hands to the track's sinks (the picture every
 * encoder encodes) is upright, and a steady stream makes no new I420 buffers once warm. No network: the frames are
 * read back from a sink on the track.
 */
class FramePumpTest {
    /** Generous: a failure guard on a busy machine, not a speed requirement. */
    private static final long DEADLINE_MILLIS = 30_000;
    /** Red above the fixed camera's axis, green below it, a blue arm swinging beside them so frames keep coming. */
    private static final String RED_OVER_GREEN = """
            <mujoco model="red-over-green">
              <asset>
                <material name="red" rgba="1 0 0 1" emission="1" specular="0"/>
                <material name="green" rgba="0 1 0 1" emission="1" specular="0"/>
              </asset>
              <worldbody>
                <camera name="front" pos="0 -3 1" xyaxes="1 0 0 0 0 1"/>
                <body pos="0 0 1.5"><geom type="box" size="0.3 0.3 0.3" material="red"/></body>
                <body pos="0 0 0.4"><geom type="box" size="0.3 0.3 0.3" material="green"/></body>
                <body pos="1 0 1.6">
                  <joint type="hinge" axis="0 1 0"/>
                  <geom type="capsule" fromto="0 0 0 0.5 0 0" size="0.05" rgba="0 0 1 1"/>
                </body>
              </worldbody>
            </mujoco>
            """;

    private Simulation simulation;
    private Renderer renderer;
    private HeadlessAudioDeviceModule audio;
    private PeerConnectionFactory factory;
    private CustomVideoSource source;
    private VideoTrack track;
    private FramePump pump;
    private final Sink sink = new Sink();

    @BeforeEach
    void start() {
        simulation = Simulation.start(TestScenes.compile(RED_OVER_GREEN), Simulation.Options.REAL_TIME);
        renderer = Renderer.start(simulation);
        View view = renderer.createView(new ViewSpec(160, 120, 30, Quality.FAST));
        view.useFixedCamera(0);
        audio = new HeadlessAudioDeviceModule();
        factory = new PeerConnectionFactory(audio);
        source = new CustomVideoSource();
        track = factory.createVideoTrack("pump-test", source);
        track.addSink(sink);
        pump = new FramePump(view.id(), view.subscribe(), source, false);
        pump.start();
    }

    @AfterEach
    void stop() {
        pump.close();
        track.removeSink(sink);
        track.dispose();
        source.dispose();
        factory.dispose();
        audio.dispose();
        renderer.close();
        simulation.close();
    }

    @Test
    void theTopOfTheRenderedPictureIsTheTopOfWhatLibwebrtcEncodes() throws Exception {
        waitFor(() -> sink.rows.get() != null, DEADLINE_MILLIS); // a frame with the red and the green box

        Rows rows = sink.rows.get();
        assertThat(rows.red()).as("red box's mean row, 0 at the top of 120").isLessThan(60);
        assertThat(rows.green()).as("green box's mean row").isGreaterThan(60);
    }

    @Test
    void aWarmStreamMakesNoNewI420Buffers() throws Exception {
        waitFor(() -> sink.frames.get() >= 30, DEADLINE_MILLIS);
        long warm = pump.i420BuffersCreated();
        long seen = sink.frames.get();

        waitFor(() -> sink.frames.get() >= seen + 60, DEADLINE_MILLIS);

        assertThat(pump.i420BuffersCreated()).as("I420 buffers made after warm-up").isEqualTo(warm);
        assertThat(warm).isBetween(1L, (long) I420Pool.CAPACITY);
    }

    /** Mean rows of the red and the green pixels of a frame, top row 0. */
    private record Rows(double red, double green) {}

    /** Converts every frame the track delivers back to RGBA (libwebrtc's thread, inside pushFrame). */
    private static final class Sink implements VideoTrackSink {
        final AtomicLong frames = new AtomicLong();
        final AtomicReference<Rows> rows = new AtomicReference<>();

        @Override
        public void onVideoFrame(VideoFrame frame) {
            try {
                int width = frame.buffer.getWidth();
                int height = frame.buffer.getHeight();
                ByteBuffer rgba = ByteBuffer.allocateDirect(width * height * 4);
                VideoBufferConverter.convertFromI420(frame.buffer, rgba, FourCC.ABGR);
                rows.set(rowsOf(rgba, width, height));
                frames.incrementAndGet();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                frame.release();
            }
        }

        private static Rows rowsOf(ByteBuffer rgba, int width, int height) {
            double red = 0;
            double green = 0;
            int reds = 0;
            int greens = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int at = (y * width + x) * 4;
                    int r = rgba.get(at) & 0xFF;
                    int g = rgba.get(at + 1) & 0xFF;
                    int b = rgba.get(at + 2) & 0xFF;
                    if (r > 200 && g < 60 && b < 60) {
                        red += y;
                        reds++;
                    } else if (g > 200 && r < 60 && b < 60) {
                        green += y;
                        greens++;
                    }
                }
            }
            return reds == 0 || greens == 0 ? null : new Rows(red / reds, green / greens);
        }
    }
}
