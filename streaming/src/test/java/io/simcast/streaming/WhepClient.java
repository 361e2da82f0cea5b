package io.simcast.streaming;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.simcast.streaming.webrtc.Descriptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A WHEP player made of webrtc-java, as any third-party player would be: offers to receive video, gathers its
 * candidates first (no trickle), counts the frames it decodes. Runs inside the test's network namespace.
 */
public final class WhepClient implements AutoCloseable {
    private final HeadlessAudioDeviceModule audio = new HeadlessAudioDeviceModule();
    private final PeerConnectionFactory factory = new PeerConnectionFactory(audio);
    private final CustomVideoSource unused = new CustomVideoSource();
    private final VideoTrack placeholder = factory.createVideoTrack("placeholder", unused);
    private final CompletableFuture<Void> gathered = new CompletableFuture<>();
    public final CompletableFuture<Void> connected = new CompletableFuture<>();
    public final AtomicInteger frames = new AtomicInteger();
    public final AtomicReference<String> frameSize = new AtomicReference<>("");
    private final RTCPeerConnection connection;

    public WhepClient() {
        RTCConfiguration configuration = new RTCConfiguration();
        configuration.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        connection = factory.createPeerConnection(configuration, new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {}

            @Override
            public void onIceGatheringChange(RTCIceGatheringState state) {
                if (state == RTCIceGatheringState.COMPLETE) {
                    gathered.complete(null);
                }
            }

            @Override
            public void onConnectionChange(RTCPeerConnectionState state) {
                if (state == RTCPeerConnectionState.CONNECTED) {
                    connected.complete(null);
                }
            }

            @Override
            public void onTrack(RTCRtpTransceiver transceiver) {
                ((VideoTrack) transceiver.getReceiver().getTrack()).addSink(frame -> {
                    frames.incrementAndGet();
                    frameSize.set(frame.buffer.getWidth() + "x" + frame.buffer.getHeight());
                });
            }
        });
        RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
        init.direction = RTCRtpTransceiverDirection.RECV_ONLY;
        connection.addTransceiver(placeholder, init);
    }

    /** Opens the {@code input} data channel the page opens (call before {@link #offer}); send on it once open. */
    public RTCDataChannel inputChannel() {
        return connection.createDataChannel("input", new RTCDataChannelInit());
    }

    /** The offer with all candidates in it. */
    public String offer() throws Exception {
        set(Descriptions.offer(connection).get(30, TimeUnit.SECONDS), true);
        gathered.get(30, TimeUnit.SECONDS);
        return connection.getLocalDescription().sdp;
    }

    public void answer(String sdp) throws Exception {
        set(new RTCSessionDescription(RTCSdpType.ANSWER, sdp), false);
    }

    private void set(RTCSessionDescription description, boolean local) throws Exception {
        Descriptions.set(connection, description, local).get(30, TimeUnit.SECONDS);
    }

    /**
     * Waits until the player has decoded {@code count} frames.
     *
     * @throws AssertionError naming how many arrived, when fewer did within {@code millis}
     */
    public void awaitFrames(int count, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (frames.get() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(frames.get() + " of " + count + " frames within " + millis + " ms");
            }
            Thread.sleep(50);
        }
    }

    /** Closes the connection without telling the host (a player that crashed or lost its network). */
    @Override
    public void close() {
        for (var sender : connection.getSenders()) {
            sender.replaceTrack(null);
        }
        connection.close();
        placeholder.dispose();
        unused.dispose();
        factory.dispose();
        audio.dispose();
    }
}
