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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one webrtc-java {@link PeerConnectionFactory} with its headless audio module, and the peer sessions
 * it opens. The factory runs libwebrtc's own signalling, worker and network threads; every call into it (or into a
 * connection, track or source it made) is marshalled to its signalling thread by libwebrtc's proxies, so it may be
 * called from any thread. What webrtc-java does not guard is a native object used while it is being freed: each
 * connection is therefore used only on its viewer's serial queue, a track is disposed only once no connection sends
 * it, and the factory only after both. Native callbacks arrive on libwebrtc's threads; whoever handles them hands
 * work to a queue.
 *
 * <p>When the native library cannot load (a missing system library such as libpulse0), {@link #start} throws
 * {@link WebRtcUnavailableException}: the host keeps serving REST and the page and refuses viewers with that
 * reason. Teardown follows the order that lets the JVM exit: sessions and tracks first (their owners close them),
 * then the factory, then the audio module ({@link #close}). Started and closed by the host's owner thread.
 */
public final class WebRtcEngine implements PeerSessions, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebRtcEngine.class);

    /** The name the host's own side of every connection has in minted TURN credentials. */
    static final String HOST_PEER = "host";

    private final HeadlessAudioDeviceModule audio;
    private final PeerConnectionFactory factory;
    private final List<RTCRtpCodecCapability> videoCodecs;
    private final IceServers iceServers;
    private final PortRange udpPorts;

    private WebRtcEngine(HeadlessAudioDeviceModule audio, PeerConnectionFactory factory, IceServers iceServers,
                         PortRange udpPorts) {
        this.audio = audio;
        this.factory = factory;
        this.videoCodecs = List.copyOf(factory.getRtpSenderCapabilities(MediaType.VIDEO).getCodecs());
        this.iceServers = iceServers;
        this.udpPorts = udpPorts;
    }

    /** Loads the native library and creates the factory (which starts libwebrtc's threads). */
    public static WebRtcEngine start(IceServers iceServers, PortRange udpPorts) throws WebRtcUnavailableException {
        try {
            // Without an audio module the factory opens PulseAudio and aborts the JVM where there is none.
            HeadlessAudioDeviceModule audio = new HeadlessAudioDeviceModule();
            return new WebRtcEngine(audio, new PeerConnectionFactory(audio), iceServers, udpPorts);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) { // UnsatisfiedLinkError (a missing system library), java.lang.Error (a native failure)
            throw new WebRtcUnavailableException(StreamingMessages.webRtcUnavailable(e), e);
        }
    }

    /** A new peer connection for one viewer. Call on the viewer's serial queue, which owns it from then on. */
    @Override
    public PeerSession open(PeerSession.Listener listener) {
        return new PeerSession(this, listener);
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

    /** A video track fed by {@code source}. Any thread. */
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
     * Disposes the factory and the audio module, in that order. Callers close their sessions, tracks and sources
     * first; a leftover reference is logged, not thrown.
     */
    @Override
    public void close() {
        try {
            factory.dispose();
        } catch (Error e) { // webrtc-java reports remaining references as java.lang.Error
            log.warn("WebRTC factory disposed with references left: {}", e.getMessage());
        }
        audio.dispose();
    }
}
