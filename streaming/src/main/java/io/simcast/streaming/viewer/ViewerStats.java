package io.simcast.streaming.viewer;

/**
 * One viewer as {@code GET /api/stats} shows it. Rates are over the last sampling second.
 *
 * @param id the viewer's id
 * @param door websocket or whep
 * @param view own or host
 * @param watching {@code simulation}, or the RL environment copy it watches ({@code rl-3/0})
 * @param since when the viewer was admitted (ISO-8601, UTC)
 * @param state the WebRTC connection state (the spec's names: new, connecting, connected, ...)
 * @param codec codec being sent
 * @param encoder encoder implementation
 * @param fpsSent frames sent per second
 * @param fpsReceived frames decoded per second as the viewer reports it, -1 when it does not report
 * @param framesDropped frames the viewer's browser dropped (decoded too late to show), as it reports
 * @param bitrateKbps payload bitrate sent, kbit/s
 * @param roundTripMs round-trip time from RTCP, -1 before the first report
 * @param packetsLost packets lost in total
 * @param fractionLost fraction lost in the last RTCP interval
 * @param qualityLimitation what holds the encoder back (none, cpu, bandwidth)
 * @param latencyMs glass-to-glass latency reported by the page in bench mode, else -1
 */
public record ViewerStats(String id, String door, String view, String watching, String since, String state, String codec,
                          String encoder, double fpsSent, double fpsReceived, long framesDropped, double bitrateKbps,
                          double roundTripMs,
                          long packetsLost, double fractionLost, String qualityLimitation, double latencyMs) {}
