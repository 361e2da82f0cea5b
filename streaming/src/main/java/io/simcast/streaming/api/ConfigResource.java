package io.simcast.streaming.api;

import io.simcast.sim.scene.SceneLimits;
import io.simcast.streaming.IceServer;
import io.simcast.streaming.StreamingConfig;
import io.simcast.streaming.VideoFormat;
import io.undertow.server.HttpServerExchange;
import java.util.List;

/**
 * {@code GET /api/config}: how this host is set up. ICE servers are listed by URL only: credentials go to admitted
 * viewers over signalling, never to anonymous readers. Worker threads; immutable data.
 */
public final class ConfigResource {
    private final Config config;

    public record Config(String version, VideoFormat video, List<String> codecs, List<IceServerInfo> iceServers,
                         String udpPorts, String viewMode, Limits limits) {}

    public record IceServerInfo(String url, boolean hasCredential) {}

    /**
     * @param maxViewers viewers at once
     * @param maxBodyBytes largest request body
     * @param maxSceneXmlBytes largest scene document
     */
    public record Limits(int maxViewers, long maxBodyBytes, long maxSceneXmlBytes) {}

    public ConfigResource(StreamingConfig streaming, HostFacts facts, SceneLimits scenes) {
        List<IceServerInfo> ice = streaming.iceServers().stream()
                .map((IceServer s) -> new IceServerInfo(s.url(), s.hasCredential())).toList();
        this.config = new Config(facts.version(), streaming.video(), facts.codecs(), ice,
                streaming.udpPorts() == null ? "any" : streaming.udpPorts().toString(),
                streaming.defaultViewMode().wireName(),
                new Limits(streaming.maxViewers(), streaming.maxBodyBytes(), scenes.maxXmlBytes()));
    }

    public Config get(HttpServerExchange exchange) {
        return config;
    }
}
