package io.simcast.streaming.webrtc;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.simcast.streaming.StreamingMessages;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One viewer's {@code RTCPeerConnection}: answers the viewer's offer with the video track of the view it watches,
 * hands out its ICE candidates, receives the viewer's {@code input} data channel and reports the connection state.
 *
 * <p>Every method runs on the owner's {@link SerialQueue} (one per viewer), so one session's operations happen one at
 * a time, while other sessions' run beside them: the asynchronous SDP steps are awaited on that queue, never on
 * libwebrtc's threads, and a step that hangs delays only this viewer. Never call a session from two threads at once:
 * {@link #close} frees the native connection ({@link NativePeerRelease}). {@link Listener} methods are called on
 * libwebrtc's signalling thread and must not block. Remote candidates that arrive before the offer is applied wait in
 * a list.
 */
public final class PeerSession {
    /**
     * The largest data-channel message taken in: the same as the signalling socket's (an SDP offer and some), far
     * above any input event; a larger one is dropped without being copied.
     */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024 + 1024;

    private static final Logger log = LoggerFactory.getLogger(PeerSession.class);
    private static final long SDP_STEP_SECONDS = 10;
    /** The only data channel a viewer may open; anything else is closed at once. */
    public static final String INPUT_CHANNEL = "input";

    /** What the session tells its owner; called on libwebrtc's signalling thread, so never block. */
    public interface Listener {
        /** A local candidate to trickle to the viewer ({@code null} candidate text never happens here). */
        void onLocalCandidate(String candidate, String sdpMid, int sdpMLineIndex);

        void onConnectionState(PeerState state);

        /** A text message on the {@code input} data channel. */
        void onInputMessage(String text);
    }

    private final RTCPeerConnection connection;
    private final Listener listener;
    private final List<RTCRtpCodecCapability> codecs;
    private final List<RTCIceCandidate> pendingCandidates = new ArrayList<>();
    private final List<RTCDataChannel> channels = new CopyOnWriteArrayList<>();
    private final InputObserver input;
    private final CompletableFuture<Void> gathered = new CompletableFuture<>();
    private final CompletableFuture<Void> abandoned = new CompletableFuture<>();
    private RTCRtpSender videoSender;
    private boolean remoteApplied;
    private boolean closed;

    /** Creates the peer connection ({@link WebRtcEngine#open}). The owner's queue. */
    PeerSession(WebRtcEngine engine, Listener listener) {
        this.listener = listener;
        this.input = new InputObserver(listener);
        this.connection = engine.factory().createPeerConnection(engine.rtcConfiguration(), new Observer());
        this.codecs = engine.videoCodecs();
    }

    /**
     * Applies the viewer's offer and returns the answer, sending {@code track} on the offer's video section.
     * Candidates follow through {@link Listener#onLocalCandidate}, and are in {@link #localDescription()} once
     * {@link #gathered()} completes. The owner's queue.
     *
     * @throws IllegalArgumentException when the offer is refused, with the reason a user can act on
     */
    public String answer(String offer, VideoTrack track) {
        applyOffer(offer);
        remoteApplied = true;
        RTCRtpTransceiver video = null;
        for (RTCRtpTransceiver transceiver : connection.getTransceivers()) {
            if (video == null && transceiver.getReceiver().getTrack() != null
                    && MediaStreamTrack.VIDEO_TRACK_KIND.equals(transceiver.getReceiver().getTrack().getKind())) {
                video = transceiver;
            } else {
                transceiver.setDirection(RTCRtpTransceiverDirection.INACTIVE); // we send nothing else
            }
        }
        if (video == null) {
            throw new IllegalArgumentException(StreamingMessages.offerWithoutVideo());
        }
        video.setDirection(RTCRtpTransceiverDirection.SEND_ONLY);
        video.setCodecPreferences(CodecPreferences.order(codecs));
        videoSender = video.getSender();
        videoSender.replaceTrack(track);
        String answer = applyAnswer();
        for (RTCIceCandidate candidate : pendingCandidates) {
            connection.addIceCandidate(candidate);
        }
        pendingCandidates.clear();
        return answer;
    }

    /**
     * Applies the viewer's ICE-restart offer to this connection and returns the answer: new ICE credentials and
     * candidates (which follow through {@link Listener#onLocalCandidate}), the same media, DTLS and data channel. A
     * page whose path failed (an outage longer than libwebrtc's 15 s) gets its video back this way without becoming a
     * new viewer. The owner's queue.
     *
     * @throws IllegalStateException before the first offer, or when closed
     * @throws IllegalArgumentException when the offer is refused, with the reason a user can act on
     */
    public String restart(String offer) {
        if (!remoteApplied || closed) {
            throw new IllegalStateException(StreamingMessages.nothingToRestart());
        }
        applyOffer(offer);
        return applyAnswer();
    }

    private void applyOffer(String offer) {
        RTCSessionDescription remote = new RTCSessionDescription(RTCSdpType.OFFER, CodecPreferences.preferInOffer(offer));
        await(Descriptions.set(connection, remote, false), "apply the offer");
    }

    private String applyAnswer() {
        RTCSessionDescription answer = await(Descriptions.answer(connection), "create the answer");
        await(Descriptions.set(connection, answer, true), "apply the answer");
        return answer.sdp;
    }

    /** Completes (on a libwebrtc thread) when ICE gathering has finished. */
    public CompletableFuture<Void> gathered() {
        return gathered;
    }

    /** The answer with every candidate gathered so far. The owner's queue. */
    public String localDescription() {
        RTCSessionDescription description = connection.getLocalDescription();
        return description == null ? "" : description.sdp;
    }

    /** A candidate from the viewer; held until the offer is applied. The owner's queue. */
    public void addRemoteCandidate(String candidate, String sdpMid, int sdpMLineIndex) {
        if (closed) {
            return;
        }
        RTCIceCandidate ice = new RTCIceCandidate(sdpMid, sdpMLineIndex, candidate);
        if (!remoteApplied) {
            pendingCandidates.add(ice);
            return;
        }
        connection.addIceCandidate(ice);
    }

    /** Sends another view's track (or stops video with null) without renegotiation. The owner's queue. */
    public void replaceTrack(VideoTrack track) {
        if (videoSender != null && !closed) {
            videoSender.replaceTrack(track);
        }
    }

    /**
     * Makes this viewer's encoder send a key frame now (after an outage its decoder has lost the references). webrtc-java
     * has no {@code RTCRtpSender.generateKeyFrame}, but a send stream that becomes active starts with a key frame
     * (libwebrtc's {@code VideoSendStreamImpl::StartupVideoSendStream}), so the encoding is switched off and on again:
     * no frame is lost between the two calls. The owner's queue.
     */
    public void sendKeyFrame() {
        if (videoSender == null || closed) {
            return;
        }
        activate(false);
        activate(true);
    }

    /** Each {@code setParameters} needs the transaction of a fresh {@code getParameters}. */
    private void activate(boolean active) {
        RTCRtpSendParameters parameters = videoSender.getParameters();
        for (RTCRtpEncodingParameters encoding : parameters.encodings) {
            encoding.active = active;
        }
        videoSender.setParameters(parameters);
    }

    /** The connection's statistics (completes on a libwebrtc thread). The owner's queue. */
    public CompletableFuture<RTCStatsReport> stats() {
        CompletableFuture<RTCStatsReport> report = new CompletableFuture<>();
        if (closed) {
            report.completeExceptionally(new IllegalStateException("closed"));
        } else {
            connection.getStats(report::complete);
        }
        return report;
    }

    /**
     * Stops waiting for libwebrtc: an SDP step in progress gives up at once, because the viewer has left. Any thread
     * (it touches nothing native); the owner closes the session afterwards, on its queue.
     */
    public void abandon() {
        abandoned.complete(null);
    }

    /**
     * Data channels, then the track (so the shared track may be disposed afterwards), then the connection.
     * Idempotent. The owner's queue.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (RTCDataChannel channel : channels) {
            channel.unregisterObserver();
            channel.close();
            channel.dispose();
        }
        channels.clear();
        input.detach();
        for (RTCRtpSender sender : connection.getSenders()) {
            sender.replaceTrack(null);
        }
        long pointer = NativePeerRelease.pointerOf(connection);
        connection.close();
        if (pointer != 0 && NativePeerRelease.release(pointer) != NativePeerRelease.DROPPED_LAST_REF) {
            log.debug("The native peer connection is still referenced by libwebrtc; it is freed when that ends");
        }
        gathered.complete(null);
    }

    /** Waits for one SDP step: its result, or why libwebrtc refused it; gives up when it is slow or abandoned. */
    private <T> T await(CompletableFuture<T> step, String what) {
        try {
            CompletableFuture.anyOf(step, abandoned).get(SDP_STEP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // the step failed: said below
        } catch (TimeoutException e) {
            throw new IllegalStateException(StreamingMessages.webRtcTimeout(what));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(StreamingMessages.webRtcTimeout(what));
        }
        if (!step.isDone()) {
            throw new IllegalStateException(StreamingMessages.viewerClosed());
        }
        try {
            return step.join();
        } catch (CompletionException e) {
            throw new IllegalArgumentException(StreamingMessages.webRtcRefused(what, e.getCause().getMessage()));
        }
    }

    /** libwebrtc's callbacks, on its signalling thread: forward, never block. */
    private final class Observer implements PeerConnectionObserver {
        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            listener.onLocalCandidate(candidate.sdp, candidate.sdpMid, candidate.sdpMLineIndex);
        }

        @Override
        public void onIceGatheringChange(RTCIceGatheringState state) {
            if (state == RTCIceGatheringState.COMPLETE) {
                gathered.complete(null);
            }
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            listener.onConnectionState(PeerState.of(state));
        }

        @Override
        public void onDataChannel(RTCDataChannel channel) {
            if (!INPUT_CHANNEL.equals(channel.getLabel())) {
                log.debug("Closing data channel '{}': only '{}' is served", channel.getLabel(), INPUT_CHANNEL);
                channel.close();
                channel.dispose();
                return;
            }
            channels.add(channel);
            channel.registerObserver(input);
        }
    }

    /**
     * The observer of the session's {@code input} channels. webrtc-java 0.14.0 never frees the native wrapper it makes
     * for an observer, nor the JNI global reference that wrapper holds to it (its PR #283 fixes that too), so this one
     * outlives the session: {@link #detach} lets go of the listener (and through it the viewer) when the session
     * closes, and only this small object stays behind.
     */
    private static final class InputObserver implements RTCDataChannelObserver {
        private volatile Listener listener;

        InputObserver(Listener listener) {
            this.listener = listener;
        }

        void detach() {
            listener = null;
        }

        @Override
        public void onBufferedAmountChange(long previousAmount) {}

        @Override
        public void onStateChange() {}

        @Override
        public void onMessage(RTCDataChannelBuffer buffer) {
            Listener to = listener;
            if (to == null) {
                return;
            }
            // The buffer is only valid during this call: copy it out (unless it is larger than any message).
            text(buffer.data).ifPresentOrElse(to::onInputMessage, () -> log.debug(
                    "Dropped a data-channel message of {} bytes: at most {}", buffer.data.remaining(),
                    MAX_MESSAGE_BYTES));
        }
    }

    /** A data-channel message as text, or empty when it is larger than {@link #MAX_MESSAGE_BYTES}. */
    static Optional<String> text(ByteBuffer data) {
        if (data.remaining() > MAX_MESSAGE_BYTES) {
            return Optional.empty();
        }
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }
}
