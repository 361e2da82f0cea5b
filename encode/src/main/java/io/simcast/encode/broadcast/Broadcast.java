package io.simcast.encode.broadcast;

import io.simcast.encode.EncoderKind;
import io.simcast.encode.EncoderSettings;
import io.simcast.encode.FfmpegException;
import io.simcast.encode.H264Encoder;
import io.simcast.sim.render.Frame;
import io.simcast.sim.render.FrameSubscription;
import io.simcast.sim.render.RateWindow;
import io.simcast.encode.EncodeMessages;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes one view once and publishes it to an SFU over WHIP, so that watchers cost the SFU, not this host. Its own
 * thread, {@code simcast-broadcast}, takes the newest frame from the view (the renderer never waits for it: a frame
 * it had no time for is dropped, never queued), encodes it and sends it. A still scene is sent again four times a
 * second, so a viewer who joins sees it. A key frame goes out at least every {@link
 * EncoderSettings#BROADCAST_KEYFRAME_SECONDS} s, at once after each (re)connection, and soon after the SFU asks for
 * one (RTCP PLI or FIR, which a {@link WhipRelay} takes from the muxer: an SFU asks when a viewer joins or loses
 * packets) or {@link #requestKeyframe()} is called (a page that just started playing asks too). Requests are
 * honoured at most every {@value #KEYFRAME_GAP_MILLIS} ms: a burst of them (many viewers joining at once, a lossy
 * link) costs one key frame, not one each.
 *
 * <p>When the SFU goes away (restarted, unreachable), sending fails: the broadcast says so in the log and
 * {@link #status()}, drops frames while it is gone, and connects again by itself, waiting 1, 2, 4 then 8 s between
 * tries. {@link #status()} and {@link #requestKeyframe()} may be called from any thread; {@link #close()} by the
 * owner.
 */
public final class Broadcast implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Broadcast.class);
    /** A still picture is sent again this often. */
    private static final long REPEAT_NANOS = 250_000_000L;
    private static final long FIRST_RETRY_NANOS = 1_000_000_000L;
    private static final long LAST_RETRY_NANOS = 8_000_000_000L;
    /** Requested key frames are at least this far apart (they are 5 to 10 times the size of other pictures). */
    static final long KEYFRAME_GAP_MILLIS = 200;
    private static final long KEYFRAME_GAP_NANOS = KEYFRAME_GAP_MILLIS * 1_000_000L;
    private static final long KEYFRAME_INTERVAL_NANOS = (long) (EncoderSettings.BROADCAST_KEYFRAME_SECONDS * 1e9);

    /** Where the broadcast is. */
    public enum State { CONNECTING, LIVE, RECONNECTING, STOPPED }

    /**
     * What the broadcast is doing, for {@code /api/stats} and the log.
     *
     * @param target the WHIP endpoint (no token, no query)
     * @param encoder FFmpeg's encoder name
     * @param state connecting, live, reconnecting or stopped
     * @param since when it entered that state (ISO-8601)
     * @param reconnects how often it connected again after losing the SFU
     * @param fps pictures sent per second over the last second
     * @param msPerFrame encoding and sending time per picture
     * @param sent pictures sent
     * @param keyframes key frames among them
     * @param keyframeRequests key frame requests (RTCP PLI/FIR) the SFU sent
     * @param dropped frames skipped while the encoder was busy or the SFU away
     * @param problem why the last connection failed or ended
     */
    public record Status(String target, String encoder, State state, String since, long reconnects, double fps,
                         double msPerFrame, long sent, long keyframes, long keyframeRequests, long dropped,
                         Optional<String> problem) {}

    private final BroadcastTarget target;
    private final FrameSubscription frames;
    private final EncoderKind kind;
    private final int fps;
    private final boolean latencyStamp;
    private final Thread thread;
    private final RateWindow rate = new RateWindow();
    private volatile boolean closing;
    private volatile boolean keyframeWanted = true;
    private volatile State state = State.CONNECTING;
    private volatile Instant since = Instant.now();
    private volatile String problem;
    private volatile long reconnects;
    private volatile long sent;
    private volatile long keyframes;
    private final LongAdder keyframeRequests = new LongAdder();
    private volatile long skipped;

    // The broadcast thread's own.
    private H264Encoder encoder;
    private WhipConnection connection;
    private long retryAt;
    private long retryDelay = FIRST_RETRY_NANOS;
    private long lastSentNanos;
    private long lastKeyNanos;
    private long lastPts = -1;
    private final long epoch = System.nanoTime();
    private boolean everLive;

    private Broadcast(BroadcastTarget target, FrameSubscription frames, EncoderKind kind, int fps,
                      boolean latencyStamp) {
        this.target = target;
        this.frames = frames;
        this.kind = kind;
        this.fps = fps;
        this.latencyStamp = latencyStamp;
        this.thread = new Thread(this::run, "simcast-broadcast");
        this.thread.setDaemon(true);
    }

    /**
     * Starts publishing {@code frames} (which the broadcast closes in the end) with encoder {@code kind}.
     *
     * @param latencyStamp draw each picture's capture time into it (bench mode, {@code --latency-stamp})
     */
    public static Broadcast start(BroadcastTarget target, FrameSubscription frames, EncoderKind kind, int fps,
                                  boolean latencyStamp) {
        Broadcast broadcast = new Broadcast(target, frames, kind, fps, latencyStamp);
        log.info("Broadcasting to {} with {}", target.describe(), kind.ffmpegName());
        broadcast.thread.start();
        return broadcast;
    }

    /** The next picture sent is a key frame: for a viewer that just joined through the SFU. Any thread. */
    public void requestKeyframe() {
        keyframeWanted = true;
    }

    /** The SFU asked (on the relay's thread): the same as a page asking, counted apart. */
    private void sfuAskedForKeyframe() {
        keyframeRequests.increment();
        keyframeWanted = true;
    }

    public Status status() {
        return new Status(target.describe(), kind.ffmpegName(), state, since.toString(), reconnects, round(rate.perSecond()),
                round(rate.meanMillis()), sent, keyframes, keyframeRequests.sum(), frames.dropped() + skipped, Optional.ofNullable(problem));
    }

    private void run() {
        try {
            while (!closing) {
                Frame frame = frames.take(REPEAT_NANOS, TimeUnit.NANOSECONDS);
                if (frame == null && frames.isClosed()) {
                    break; // the view closed
                }
                long now = System.nanoTime();
                try {
                    if (frame != null && encoder == null) {
                        encoder = H264Encoder.open(kind, EncoderSettings.broadcast(EncoderSettings.even(frame.width()),
                                EncoderSettings.even(frame.height()), fps));
                    }
                    if (encoder != null && connection == null && now - retryAt >= 0 && !closing) {
                        connect();
                    }
                    if (connection != null && connection.sfuGone()) {
                        lost(EncodeMessages.sfuGone());
                    }
                    if (connection == null) {
                        if (frame != null) {
                            skipped++;
                        }
                        rate.roll(now);
                        continue;
                    }
                    send(frame, now);
                } finally {
                    if (frame != null) {
                        frame.release();
                    }
                }
            }
        } catch (InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            problem = e.getMessage();
            log.error("Broadcast to {} stopped: {}", target.describe(), e.getMessage(), e);
        } finally {
            disconnect();
            if (encoder != null) {
                encoder.close();
            }
            frames.close();
            enter(State.STOPPED);
        }
    }

    private void send(Frame frame, long now) {
        long pts;
        long sinceKey = now - lastKeyNanos;
        boolean key = keyframeWanted && sinceKey >= KEYFRAME_GAP_NANOS || sinceKey >= KEYFRAME_INTERVAL_NANOS;
        long started = System.nanoTime();
        try {
            if (frame != null) {
                pts = Math.max(lastPts + 1, ptsOf(frame.capturedNanos()));
                if (latencyStamp) {
                    encoder.encodeStamped(frame, pts, key, connection);
                } else {
                    encoder.encode(frame, pts, key, connection);
                }
            } else if (now - lastSentNanos >= REPEAT_NANOS) {
                pts = Math.max(lastPts + 1, ptsOf(now));
                if (!encoder.repeat(pts, key, connection)) {
                    return;
                }
            } else {
                rate.roll(now);
                return;
            }
        } catch (FfmpegException e) {
            lost(e.getMessage());
            return;
        }
        lastPts = pts;
        lastSentNanos = now;
        if (key) {
            keyframeWanted = false;
            lastKeyNanos = now;
            keyframes++;
        }
        sent++;
        rate.record(System.nanoTime(), System.nanoTime() - started);
    }

    private void connect() {
        long started = System.nanoTime();
        try {
            connection = WhipConnection.open(target, encoder, () -> closing, this::sfuAskedForKeyframe);
        } catch (FfmpegException e) {
            problem = e.getMessage();
            retryAt = System.nanoTime() + retryDelay;
            log.warn("Broadcast to {}: {}; trying again in {} s", target.describe(), e.getMessage(),
                    retryDelay / 1_000_000_000L);
            retryDelay = Math.min(2 * retryDelay, LAST_RETRY_NANOS);
            return;
        }
        retryDelay = FIRST_RETRY_NANOS;
        lastKeyNanos = System.nanoTime() - KEYFRAME_INTERVAL_NANOS; // the first picture of a session is a key frame
        if (everLive) {
            reconnects++;
            log.info("Broadcast to {} is live again (reconnect {}, {} ms to connect)", target.describe(), reconnects,
                    (System.nanoTime() - started) / 1_000_000);
        } else {
            log.info("Broadcast to {} is live ({} ms to connect)", target.describe(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        everLive = true;
        problem = null;
        enter(State.LIVE);
    }

    /** Sending failed: the SFU is gone. Drop the session and try again soon. */
    private void lost(String reason) {
        problem = reason;
        log.warn("Broadcast to {} lost ({}); reconnecting", target.describe(), reason);
        disconnect();
        retryAt = System.nanoTime();
        enter(State.RECONNECTING);
    }

    private void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                log.debug("Closing the WHIP session: {}", e.toString());
            }
            connection = null;
        }
    }

    private void enter(State next) {
        if (state != next) {
            state = next;
            since = Instant.now();
        }
    }

    private long ptsOf(long nanos) {
        return (nanos - epoch) * EncoderSettings.LIVE_TIME_BASE / 1_000_000_000L;
    }

    /** Stops sending, ends the WHIP session (DELETE) and frees the encoder; waits for the thread. Idempotent. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        frames.close();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Broadcast to {} stopped", target.describe());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
