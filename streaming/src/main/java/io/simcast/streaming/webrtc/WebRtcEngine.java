package io.simcast.streaming.webrtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCRtcpMuxPolicy;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.media.MediaType;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.simcast.streaming.IceServer;
import io.simcast.streaming.IceServers;
import io.simcast.streaming.PortRange;
import io.simcast.streaming.StreamingMessages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one webrtc-java {@link PeerConnectionFactory} with its headless audio module, and the thread
 * {@code simcast-webrtc} on which every operation on factories, peer connections, tracks and sources runs, one at
 * a time. Native callbacks arrive on libwebrtc's own threads; whoever handles them hands work to {@link #run}.
 *
 * <p>When the native library cannot load (a missing system library such as libpulse0), {@link #start} throws
 * {@link WebRtcUnavailableException}: the host keeps serving REST and the page and refuses viewers with that
 * reason. Teardown follows the order that lets the JVM exit: sessions and tracks first (their owners close them
 * through {@link #run}), then the factory, then the audio module.
 */
public final class WebRtcEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebRtcEngine.class);

    /** The name the host's own side of every connection has in minted TURN credentials. */
    static final String HOST_PEER = "host";

    private final ExecutorService thread;
    private final HeadlessAudioDeviceModule audio;
    private final PeerConnectionFactory factory;
    private final List<RTCRtpCodecCapability> videoCodecs;
    private final IceServers iceServers;
    private final PortRange udpPorts;

    private WebRtcEngine(ExecutorService thread, HeadlessAudioDeviceModule audio, PeerConnectionFactory factory,
                         IceServers iceServers, PortRange udpPorts) {
        this.thread = thread;
        this.audio = audio;
        this.factory = factory;
        this.videoCodecs = List.copyOf(factory.getRtpSenderCapabilities(MediaType.VIDEO).getCodecs());
        this.iceServers = iceServers;
        this.udpPorts = udpPorts;
    }

    /** Loads the native library and creates the factory on the {@code simcast-webrtc} thread. */
    public static WebRtcEngine start(IceServers iceServers, PortRange udpPorts) throws WebRtcUnavailableException {
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "simcast-webrtc");
            t.setDaemon(true);
            return t;
        });
        try {
            return thread.submit(() -> {
                // Without an audio module the factory opens PulseAudio and aborts the JVM where there is none.
                HeadlessAudioDeviceModule audio = new HeadlessAudioDeviceModule();
                PeerConnectionFactory factory = new PeerConnectionFactory(audio);
                return new WebRtcEngine(thread, audio, factory, iceServers, udpPorts);
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            thread.shutdownNow();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new WebRtcUnavailableException(StreamingMessages.webRtcUnavailable(cause), cause);
        }
    }

    /** Runs {@code work} on the {@code simcast-webrtc} thread, after everything submitted before it. */
    public <T> CompletableFuture<T> run(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /** Codec names the host can send, preferred first (H264, VP8, then the rest), without duplicates. */
    public List<String> codecNames() {
        Set<String> names = new LinkedHashSet<>();
        for (RTCRtpCodecCapability codec : CodecPreferences.order(videoCodecs)) {
            if (!CodecPreferences.isAuxiliary(codec)) {
                names.add(codec.getName());
            }
        }
        return List.copyOf(names);
    }

    /** A video track fed by {@code source}. Engine thread only. */
    public VideoTrack createVideoTrack(String id, CustomVideoSource source) {
        return factory.createVideoTrack(id, source);
    }

    PeerConnectionFactory factory() {
        return factory;
    }

    List<RTCRtpCodecCapability> videoCodecs() {
        return videoCodecs;
    }

    /**
     * One RTP/RTCP/data bundle per viewer, on the configured ports, through the configured servers (with a TURN
     * credential minted now for the host's side, where credentials are minted).
     */
    RTCConfiguration rtcConfiguration() {
        RTCConfiguration configuration = new RTCConfiguration();
        configuration.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        configuration.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
        List<RTCIceServer> servers = new ArrayList<>();
        for (IceServer server : iceServers.forPeer(HOST_PEER)) {
            RTCIceServer ice = new RTCIceServer();
            ice.urls = List.of(server.url());
            if (server.username() != null) {
                ice.username = server.username();
            }
            if (server.credential() != null) {
                ice.password = server.credential();
            }
            servers.add(ice);
        }
        configuration.iceServers = servers;
        if (udpPorts != null) {
            configuration.portAllocatorConfig = new PortAllocatorConfig(udpPorts.min(), udpPorts.max(), 0);
        }
        return configuration;
    }

    /**
     * Disposes the factory and the audio module, in that order, after every task already queued. Callers close
     * their sessions, tracks and sources first; a leftover reference is logged, not thrown.
     */
    @Override
    public void close() {
        CompletableFuture<Void> done = run(() -> {
            try {
                factory.dispose();
            } catch (Error e) { // webrtc-java reports remaining references as java.lang.Error
                log.warn("WebRTC factory disposed with references left: {}", e.getMessage());
            }
            audio.dispose();
            return null;
        });
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("WebRTC did not shut down cleanly: {}", e.toString());
        }
        thread.shutdown();
    }
}
