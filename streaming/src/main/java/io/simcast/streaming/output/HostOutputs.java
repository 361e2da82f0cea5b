package io.simcast.streaming.output;

import io.simcast.encode.EncoderKind;
import io.simcast.encode.EncoderProbe;
import io.simcast.encode.broadcast.Broadcast;
import io.simcast.encode.record.Recordings;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.View;
import io.simcast.streaming.Outputs;
import io.simcast.streaming.VideoFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the host encodes itself with FFmpeg: the broadcast of its shared view to an SFU, and recordings. The shared
 * view is the embedder's (the console's) when there is one; a broadcasting {@code serve} makes one of its own, and
 * followers watch that same view (one render for the broadcast and for them). Started and closed by the host's
 * composer; {@link #broadcast()}, {@link #requestKeyframe()} and {@link #sharedView()} from any thread.
 */
public final class HostOutputs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HostOutputs.class);

    private final Outputs outputs;
    private final Optional<Renderer> renderer;
    private final VideoFormat format;
    private final Supplier<View> sharedView;
    private final View ownedView;
    private final Broadcast broadcast;
    private final Recordings recordings;

    private HostOutputs(Outputs outputs, Optional<Renderer> renderer, VideoFormat format, Supplier<View> sharedView,
                        View ownedView, Broadcast broadcast) {
        this.outputs = outputs;
        this.renderer = renderer;
        this.format = format;
        this.sharedView = sharedView;
        this.ownedView = ownedView;
        this.broadcast = broadcast;
        this.recordings = new Recordings(outputs.recordings(), outputs.encoder());
    }

    /**
     * Starts the broadcast when one is configured and there is a renderer.
     *
     * @param renderer the simulation's renderer, if the host can render (else nothing is broadcast)
     * @param embedderView the embedder's view, or a supplier of null
     * @param latencyStamp draw the capture time into the broadcast's pictures (bench mode)
     * @throws io.simcast.encode.EncoderUnavailableException when the configured encoder does not work here
     */
    public static HostOutputs start(Outputs outputs, Optional<Renderer> renderer, Supplier<View> embedderView,
                                    VideoFormat format, boolean latencyStamp) {
        if (outputs.broadcast().isEmpty() || renderer.isEmpty()) {
            if (outputs.broadcast().isPresent()) {
                log.error("Not broadcasting to {}: there is no renderer", outputs.broadcast().get().describe());
            }
            return new HostOutputs(outputs, renderer, format, embedderView, null, null);
        }
        EncoderKind kind = EncoderProbe.choose(outputs.encoder());
        View embedder = embedderView.get();
        View owned = embedder == null ? renderer.get().createView(format.streamingView()) : null;
        View shared = embedder != null ? embedder : owned;
        Broadcast broadcast = Broadcast.start(outputs.broadcast().get(), shared.subscribe(), kind, format.fps(),
                latencyStamp);
        return new HostOutputs(outputs, renderer, format, () -> shared, owned, broadcast);
    }

    /** The view followers (and the broadcast) watch, or a supplier of null when the feeds make their own. */
    public Supplier<View> sharedView() {
        return sharedView;
    }

    /**
     * A new view of the model's default camera at the streaming size and rate (for recording the shared picture when
     * nobody renders it), which the caller closes; empty without a renderer.
     */
    public Optional<View> newView() {
        return renderer.map(drawing -> drawing.createView(format.streamingView()));
    }

    public Optional<Broadcast.Status> broadcast() {
        return broadcast == null ? Optional.empty() : Optional.of(broadcast.status());
    }

    /** Where the page plays the broadcast from, when the operator said. */
    public Optional<Outputs.SfuPlayback> playback() {
        return broadcast == null ? Optional.empty() : outputs.playback();
    }

    /** A viewer started playing the broadcast: send it a key frame now rather than at the next interval. */
    public void requestKeyframe() {
        if (broadcast != null) {
            broadcast.requestKeyframe();
        }
    }

    public Recordings recordings() {
        return recordings;
    }

    /** Finishes every recording, stops the broadcast, closes the view made for it. */
    @Override
    public void close() {
        recordings.close();
        if (broadcast != null) {
            broadcast.close();
        }
        if (ownedView != null) {
            ownedView.close();
        }
    }
}
