package io.simcast.encode.record;

import io.simcast.encode.EncodeMessages;
import io.simcast.encode.EncoderKind;
import io.simcast.encode.EncoderSettings;
import io.simcast.encode.H264Encoder;
import io.simcast.sim.render.Frame;
import io.simcast.sim.render.FrameSubscription;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what one view shows, as it shows it, to an MP4 at the view's frame rate: its own thread,
 * {@code simcast-record-<id>}, takes the newest frame from its subscription (the renderer never waits for it; a
 * frame it had no time for is dropped and counted), stamps it on the frame-rate grid by capture time (a still scene
 * draws nothing: the video holds the last picture) and encodes it into the {@link Mp4Writer}. It ends when
 * {@link #stop} is called or the view closes (its viewer left), finishing the file.
 *
 * <p>{@link #stop} and {@link #status} may be called from any thread.
 */
public final class LiveRecording {
    private static final Logger log = LoggerFactory.getLogger(LiveRecording.class);
    private static final long POLL_MILLIS = 250;

    /** Where a recording is. */
    public enum State { RECORDING, FINISHED, FAILED }

    /**
     * What a recording is doing, for the REST API and the console.
     *
     * @param id the recording's id
     * @param source what it records, in words ("shared view", "viewer v3", "RL env e1 copy 0")
     * @param file the MP4's name in the recordings folder
     * @param state recording, finished or failed
     * @param frames pictures written
     * @param dropped frames that came while the encoder was busy
     * @param seconds video time so far
     * @param started when it began (ISO-8601)
     * @param problem why it failed, when it did
     */
    public record Status(String id, String source, String file, State state, long frames, long dropped,
                         double seconds, String started, Optional<String> problem) {}

    private final String id;
    private final String source;
    private final Path target;
    private final FrameSubscription frames;
    private final EncoderKind kind;
    private final int fps;
    private final Runnable release;
    private final Instant started = Instant.now();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile State state = State.RECORDING;
    private volatile String problem;
    private volatile long written;
    private volatile long lastPts = -1;

    private LiveRecording(String id, String source, Path target, FrameSubscription frames, EncoderKind kind, int fps,
                          Runnable release) {
        this.id = id;
        this.source = source;
        this.target = target;
        this.frames = frames;
        this.kind = kind;
        this.fps = fps;
        this.release = release;
        this.thread = new Thread(this::run, "simcast-record-" + id);
        this.thread.setDaemon(true);
    }

    /**
     * Starts recording {@code frames} (which this recording closes in the end) into {@code target}.
     *
     * @param release runs when the recording ends, on its thread (lets go of a view made for it)
     */
    public static LiveRecording start(String id, String source, Path target, FrameSubscription frames,
                                      EncoderKind kind, int fps, Runnable release) {
        LiveRecording recording = new LiveRecording(id, source, target, frames, kind, fps, release);
        recording.thread.start();
        return recording;
    }

    public String id() {
        return id;
    }

    public Status status() {
        return new Status(id, source, target.getFileName().toString(), state, written, frames.dropped(),
                Math.max(0, lastPts + 1) / (double) fps, started.toString(), Optional.ofNullable(problem));
    }

    /** Stops, finishes the file and waits for that (a few seconds at most); then the status is final. */
    public Status stop() throws InterruptedException {
        stopping = true;
        frames.close(); // wakes the waiting take
        thread.join(TimeUnit.SECONDS.toMillis(30));
        return status();
    }

    private void run() {
        H264Encoder encoder = null;
        Mp4Writer writer = null;
        long firstCapture = 0;
        try {
            while (!stopping) {
                Frame frame = frames.take(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    if (frames.isClosed()) {
                        break; // the view closed: its viewer left
                    }
                    continue;
                }
                try {
                    if (encoder == null) {
                        encoder = H264Encoder.open(kind, EncoderSettings.recording(EncoderSettings.even(frame.width()),
                                EncoderSettings.even(frame.height()), fps));
                        writer = Mp4Writer.create(target, encoder);
                        firstCapture = frame.capturedNanos();
                        log.info("Recording {} ({}) to {} with {}", id, source, target, kind.ffmpegName());
                    }
                    long pts = Math.round((frame.capturedNanos() - firstCapture) * 1e-9 * fps);
                    if (pts > lastPts) { // two frames in one slot of the grid: the later one waits for the next
                        encoder.encode(frame, pts, false, writer);
                        lastPts = pts;
                        written++;
                    }
                } finally {
                    frame.release();
                }
            }
            if (encoder != null) {
                encoder.flush(writer);
                writer.finish();
                log.info("Recording {} finished: {} ({} frames)", id, target, written);
            }
            state = encoder == null ? State.FAILED : State.FINISHED;
            if (encoder == null) {
                problem = EncodeMessages.nothingRecorded();
            }
        } catch (Exception e) {
            problem = e.getMessage();
            state = State.FAILED;
            log.warn("Recording {} ({}) failed: {}", id, source, e.getMessage());
            if (writer != null) {
                writer.close(); // the fragmented file stays: playable up to its last key frame
            }
        } finally {
            frames.close();
            if (encoder != null) {
                encoder.close();
            }
            release.run();
        }
    }
}
