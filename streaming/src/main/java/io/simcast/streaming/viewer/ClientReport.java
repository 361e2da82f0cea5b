package io.simcast.streaming.viewer;

/**
 * What a viewer's page measured on its side and reported over signalling (WHEP players report nothing).
 *
 * @param framesPerSecond frames decoded per second
 * @param framesDropped frames the browser dropped so far
 * @param latencyMs glass-to-glass latency of the last frames (bench mode), or -1
 */
public record ClientReport(double framesPerSecond, long framesDropped, double latencyMs) {
    public static final ClientReport NONE = new ClientReport(-1, 0, -1);
}
