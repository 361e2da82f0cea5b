package io.simcast.streaming.webrtc;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.Map;

/**
 * The sending side of one viewer's connection, read from a libwebrtc stats report: what {@code /api/stats} shows.
 * Counters are totals since the connection started; rates are computed by whoever samples twice.
 *
 * @param codec MIME subtype in use ({@code H264}, {@code VP8}), or "" before the first frame
 * @param encoder encoder implementation ({@code OpenH264}, {@code libvpx})
 * @param framesSent frames sent so far
 * @param bytesSent payload bytes sent so far
 * @param framesPerSecond libwebrtc's own estimate of the send rate
 * @param roundTripMs round-trip time from the viewer's RTCP receiver reports, or -1 before the first
 * @param packetsLost packets the viewer reported lost
 * @param fractionLost fraction lost in the last report interval (0..1)
 * @param qualityLimitation why the encoder holds back ("none", "cpu", "bandwidth")
 * @param bytesReceived bytes received from the viewer on every transport (RTCP, feedback, STUN, data)
 */
public record PeerStats(String codec, String encoder, long framesSent, long bytesSent, double framesPerSecond,
                        double roundTripMs, long packetsLost, double fractionLost, String qualityLimitation,
                        long bytesReceived) {
    public static final PeerStats NONE = new PeerStats("", "", 0, 0, 0, -1, 0, 0, "none", 0);

    /** Reads the video outbound stream of {@code report}; {@link #NONE} when there is none yet. */
    public static PeerStats from(RTCStatsReport report) {
        Map<String, RTCStats> all = report.getStats();
        long received = 0;
        for (RTCStats stats : all.values()) {
            if (stats.getType() == RTCStatsType.TRANSPORT) {
                received += (long) number(stats.getAttributes().get("bytesReceived"), 0);
            }
        }
        for (RTCStats stats : all.values()) {
            if (stats.getType() != RTCStatsType.OUTBOUND_RTP || !"video".equals(stats.getAttributes().get("kind"))) {
                continue;
            }
            Map<String, Object> outbound = stats.getAttributes();
            String codec = "";
            RTCStats codecStats = all.get(String.valueOf(outbound.get("codecId")));
            if (codecStats != null) {
                codec = String.valueOf(codecStats.getAttributes().get("mimeType")).replaceFirst("^video/", "");
            }
            double roundTrip = -1;
            long lost = 0;
            double fraction = 0;
            RTCStats remote = all.get(String.valueOf(outbound.get("remoteId")));
            if (remote != null) {
                Map<String, Object> inbound = remote.getAttributes();
                roundTrip = number(inbound.get("roundTripTime"), -0.001) * 1000;
                lost = (long) number(inbound.get("packetsLost"), 0);
                fraction = number(inbound.get("fractionLost"), 0);
            }
            return new PeerStats(codec, text(outbound.get("encoderImplementation")),
                    (long) number(outbound.get("framesSent"), 0), (long) number(outbound.get("bytesSent"), 0),
                    number(outbound.get("framesPerSecond"), 0), roundTrip, lost, fraction,
                    outbound.containsKey("qualityLimitationReason")
                            ? text(outbound.get("qualityLimitationReason")) : "none", received);
        }
        return received == 0 ? NONE : new PeerStats("", "", 0, 0, 0, -1, 0, 0, "none", received);
    }

    private static double number(Object value, double otherwise) {
        return value instanceof Number number ? number.doubleValue() : otherwise;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
