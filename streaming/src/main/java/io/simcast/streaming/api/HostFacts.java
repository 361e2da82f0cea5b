package io.simcast.streaming.api;

import java.util.List;
import java.util.Optional;

/**
 * What the host learned about itself at start, for the health and config endpoints. Immutable.
 *
 * @param version Simcast's version
 * @param startedNanos {@link System#nanoTime()} at start
 * @param rendererProblem why the renderer is unavailable, if it is
 * @param webRtcProblem why WebRTC is unavailable, if it is
 * @param codecs video codecs the host can send, preferred first
 */
public record HostFacts(String version, long startedNanos, Optional<String> rendererProblem,
                        Optional<String> webRtcProblem,
                        List<String> codecs) {
    public HostFacts {
        codecs = List.copyOf(codecs);
    }
}
