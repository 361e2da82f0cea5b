package io.simcast.streaming.api;

import io.simcast.streaming.IceServers;
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

    public ConfigResource(Config config) {
        this.config = config;
    }

    /** ICE servers as {@code GET /api/config} lists them: URLs, and whether a credential exists. */
    public static List<IceServerInfo> describe(IceServers servers) {
        return servers.servers().stream().map(s -> new IceServerInfo(s.url(), servers.hasCredential(s))).toList();
    }

    public Config get(HttpServerExchange exchange) {
        return config;
    }
}
