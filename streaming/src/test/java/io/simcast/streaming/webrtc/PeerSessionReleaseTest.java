package io.simcast.streaming.webrtc;

import static io.simcast.streaming.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.simcast.streaming.IceServers;
import io.simcast.streaming.WhepClient;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A closed session leaves nothing behind, although webrtc-java 0.14.0 keeps a closed connection's native objects and
 * every data-channel observer ({@link NativePeerRelease}, {@code PeerSession.InputObserver}): the native connection is
 * freed, and a viewer whose page used its input channel is no longer reachable from native code. Real WebRTC between
 * the host's engine and a webrtc-java player, in the test's network namespace.
 */
@Tag("e2e")
class PeerSessionReleaseTest {
    private WebRtcEngine engine;
    private CustomVideoSource source;
    private VideoTrack track;

    @BeforeEach
    void start() throws Exception {
        engine = WebRtcEngine.start(IceServers.NONE, null);
        source = new CustomVideoSource();
        track = engine.createVideoTrack("video", source);
    }

    @AfterEach
    void stop() {
        track.dispose();
        source.dispose();
        engine.close();
    }

    @Test
    void closingFreesTheNativeConnection() {
        RTCPeerConnection connection = engine.factory().createPeerConnection(engine.rtcConfiguration(),
                new PeerConnectionObserver() {
                    @Override
                    public void onIceCandidate(RTCIceCandidate candidate) {}
                });
        long pointer = NativePeerRelease.pointerOf(connection);

        connection.close();

        assertThat(pointer).isNotZero();
        assertThat(NativePeerRelease.pointerOf(connection)).as("webrtc-java forgets it in close()").isZero();
        assertThat(NativePeerRelease.release(pointer)).as("ours was the last reference")
                .isEqualTo(NativePeerRelease.DROPPED_LAST_REF);
    }

    @Test
    void aClosedSessionLetsGoOfItsListenerAfterItsInputChannelCarriedAMessage() throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        PeerSession.Listener listener = new PeerSession.Listener() {
            @Override
            public void onLocalCandidate(String candidate, String sdpMid, int sdpMLineIndex) {}

            @Override
            public void onConnectionState(PeerState state) {}

            @Override
            public void onInputMessage(String text) {
                received.complete(text);
            }
        };
        WeakReference<PeerSession.Listener> held = new WeakReference<>(listener);
        PeerSession session = engine.open(listener);
        listener = null;
        try (WhepClient player = new WhepClient()) {
            RTCDataChannel input = player.inputChannel();
            player.answer(session.answer(player.offer(), track));
            waitFor(() -> input.getState() == RTCDataChannelState.OPEN, 30_000);
            String key = "{\"type\": \"key_down\"}";
            input.send(new RTCDataChannelBuffer(ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)), false));
            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(key);

            session.close();
            session = null;

            waitFor(() -> { // the listener, and the viewer behind it, is garbage once nothing native holds it
                System.gc();
                return held.get() == null;
            }, 30_000);
            input.close();
            input.dispose();
        }
    }
}
