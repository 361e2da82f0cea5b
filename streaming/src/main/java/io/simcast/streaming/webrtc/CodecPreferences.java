package io.simcast.streaming.webrtc;

import dev.onvoid.webrtc.RTCRtpCodecCapability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H.264 constrained baseline first (every browser decodes it, often in hardware), VP8 next, anything else the
 * viewer offers after that.
 *
 * <p>libwebrtc picks the codec it sends from the order of the viewer's offer, not from the answer, so the offer is
 * reordered before it is applied ({@link #preferInOffer}) and the transceiver gets the same order for the answer
 * ({@link #order}). Pure functions; any thread.
 */
public final class CodecPreferences {
    private static final Pattern RTPMAP = Pattern.compile("^a=rtpmap:(\\d+) ([^/\\s]+)/", Pattern.MULTILINE);
    private static final Pattern FMTP = Pattern.compile("^a=fmtp:(\\d+) (.*)$", Pattern.MULTILINE);
    private static final List<String> AUXILIARY = List.of("rtx", "red", "ulpfec", "flexfec-03");

    private CodecPreferences() {}

    /** {@code codecs} sorted by preference; codecs of equal rank keep their order. */
    public static List<RTCRtpCodecCapability> order(List<RTCRtpCodecCapability> codecs) {
        List<RTCRtpCodecCapability> sorted = new ArrayList<>(codecs);
        sorted.sort(Comparator.comparingInt(codec -> rank(codec.getName(), codec.getSDPFmtp())));
        return sorted;
    }

    /** Retransmission and error-correction entries, which are not codecs a user would choose. */
    public static boolean isAuxiliary(RTCRtpCodecCapability codec) {
        return AUXILIARY.contains(codec.getName().toLowerCase(Locale.ROOT));
    }

    /** The offer with the payload types of every {@code m=video} line reordered by preference. */
    public static String preferInOffer(String sdp) {
        String newline = sdp.contains("\r\n") ? "\r\n" : "\n";
        String[] sections = sdp.split("(?=\\nm=)");
        StringBuilder result = new StringBuilder(sdp.length());
        for (String section : sections) {
            result.append(section.contains("m=video ") ? reorderSection(section, newline) : section);
        }
        return result.toString();
    }

    private static String reorderSection(String section, String newline) {
        Map<String, String> names = new HashMap<>();
        Matcher rtpmap = RTPMAP.matcher(section);
        while (rtpmap.find()) {
            names.put(rtpmap.group(1), rtpmap.group(2));
        }
        Map<String, Map<String, String>> parameters = new HashMap<>();
        Matcher fmtp = FMTP.matcher(section);
        while (fmtp.find()) {
            parameters.put(fmtp.group(1), parseFmtp(fmtp.group(2).strip()));
        }
        int start = section.indexOf("m=video ");
        int end = section.indexOf(newline, start);
        String line = end < 0 ? section.substring(start) : section.substring(start, end);
        String[] fields = line.split(" ");
        if (fields.length <= 3) {
            return section;
        }
        List<String> payloads = new ArrayList<>(List.of(fields).subList(3, fields.length));
        payloads.sort(Comparator.comparingInt(pt -> rank(names.getOrDefault(pt, ""),
                parameters.getOrDefault(pt, Map.of()))));
        String reordered = String.join(" ", List.of(fields).subList(0, 3)) + " " + String.join(" ", payloads);
        return section.substring(0, start) + reordered + (end < 0 ? "" : section.substring(end));
    }

    private static Map<String, String> parseFmtp(String text) {
        Map<String, String> values = new HashMap<>();
        for (String pair : text.split(";")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                values.put(kv[0].strip().toLowerCase(Locale.ROOT), kv[1].strip());
            }
        }
        return values;
    }

    /** 0 H.264 constrained baseline (packetization-mode 1 before 0), 2 VP8, 3 anything else. */
    private static int rank(String name, Map<String, String> fmtp) {
        if (name.equalsIgnoreCase("H264") && isConstrainedBaseline(fmtp.get("profile-level-id"))) {
            return "1".equals(fmtp.get("packetization-mode")) ? 0 : 1;
        }
        if (name.equalsIgnoreCase("VP8")) {
            return 2;
        }
        return 3;
    }

    /** profile_idc 0x42 with constraint_set1_flag set (42e01f, 42c01f, 42401f ...). */
    private static boolean isConstrainedBaseline(String profileLevelId) {
        if (profileLevelId == null || profileLevelId.length() != 6) {
            return false;
        }
        try {
            int profile = Integer.parseInt(profileLevelId.substring(0, 2), 16);
            int constraints = Integer.parseInt(profileLevelId.substring(2, 4), 16);
            return profile == 0x42 && (constraints & 0x40) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
