package io.simcast.streaming.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Malformed input of the three kinds a stranger can send the host, from one seeded {@link Random} so that a failure
 * can be replayed: signalling messages (broken JSON, the right JSON with the wrong shapes and values), SDP offers
 * (a real offer with lines dropped, doubled, swapped, cut or garbled) and MJCF documents (a real scene likewise).
 * Not thread-safe: one per thread.
 */
final class Malformed {
    private static final String[] TYPES = {"offer", "candidate", "view", "watch", "stats", "auth", "command",
        "mouse_down", "mouse_move", "mouse_up", "wheel", "key_down", "key_up", "", "OFFER", "__proto__"};
    private static final String[] VALUES = {"null", "true", "-1", "1e308", "-1e308", "0.0000001", "\"\"", "[]", "{}",
        "\"NaN\"", "\"Infinity\"", "9223372036854775808", "\"\\ud800\"", "\"\\u0000\"", "[[[[]]]]",
        "{\"type\": \"offer\"}", "\"" + "x".repeat(2000) + "\""};
    private static final String[] FIELDS = {"sdp", "candidate", "sdpMid", "sdpMLineIndex", "mode", "source", "env",
        "copy", "fps", "framesDropped", "latencyMs", "token", "cmd", "params", "x", "y", "dx", "dy", "button", "ctrl",
        "shift", "code", "count", "factor"};
    private static final String[] SDP_LINES = {"a=rtpmap:96 H264/99999999999", "a=fingerprint:sha-256 ZZ:ZZ",
        "a=ssrc:-1 cname:x", "a=candidate:1 1 udp -5 999.1.1.1 99999 typ host", "a=extmap:99999 urn:x",
        "a=rtcp-fb:* nack pli", "a=mid:", "a=group:BUNDLE 0 0 0 0", "m=video -1 UDP/TLS/RTP/SAVPF",
        "a=ice-ufrag:", "a=setup:sideways", "a=fmtp:96 profile-level-id=zzzzzz", "c=IN IP6 ::::::", "b=AS:-1",
        "a=msid-semantic: WMS *", "a=simulcast:recv 1;2;3", "a=rid:1 send max-width=-1"};
    private static final String[] MJCF_LINES = {"<body>", "</body>", "<geom size=\"1e308\"/>", "<joint type=\"x\"/>",
        "<include file=\"../../etc/passwd\"/>", "<mesh file=\"/etc/shadow\"/>", "<![CDATA[", "<!ENTITY a \"b\">",
        "<geom type=\"mesh\" mesh=\"nothing\"/>", "<option timestep=\"-1\"/>", "<freejoint/>", "&amp;&lt;",
        "<worldbody>", "<size nconmax=\"-5\"/>", "<compiler angle=\"gradians\"/>", "\u0000"};

    private final Random random;

    Malformed(long seed) {
        random = new Random(seed);
    }

    /** One signalling message that the host cannot use as it stands. */
    String message() {
        return switch (random.nextInt(6)) {
            case 0 -> randomText(1 + random.nextInt(200)); // not JSON at all
            case 1 -> cut(shapedMessage()); // JSON that stops short
            case 2 -> VALUES[random.nextInt(VALUES.length)]; // JSON, but not an object
            case 3 -> "[".repeat(1000 + random.nextInt(4000)); // nesting deeper than any parser should follow
            default -> shapedMessage(); // an object with a type and wrong fields
        };
    }

    private String shapedMessage() {
        StringBuilder json = new StringBuilder("{\"type\": \"").append(TYPES[random.nextInt(TYPES.length)]).append('"');
        for (int i = random.nextInt(5); i > 0; i--) {
            json.append(", \"").append(FIELDS[random.nextInt(FIELDS.length)]).append("\": ")
                    .append(VALUES[random.nextInt(VALUES.length)]);
        }
        return json.append('}').toString();
    }

    /** {@code offer} changed the way a broken or hostile player would. */
    String sdp(String offer) {
        List<String> lines = new ArrayList<>(Arrays.asList(offer.split("\r\n")));
        for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
            edit(lines, SDP_LINES);
        }
        return String.join("\r\n", lines) + "\r\n";
    }

    /** {@code scene} changed the way a broken or hostile document would be. */
    String mjcf(String scene) {
        List<String> lines = new ArrayList<>(Arrays.asList(scene.split("\n")));
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            edit(lines, MJCF_LINES);
        }
        return String.join("\n", lines);
    }

    private void edit(List<String> lines, String[] hostile) {
        if (lines.size() < 3) {
            lines.add(hostile[random.nextInt(hostile.length)]);
            return;
        }
        // the first line stays: without it the host refuses before the parser under test ever runs
        int at = 1 + random.nextInt(lines.size() - 1);
        switch (random.nextInt(6)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(at));
            case 2 -> lines.set(at, cut(lines.get(at)));
            case 3 -> lines.set(at, garble(lines.get(at)));
            case 4 -> {
                int other = 1 + random.nextInt(lines.size() - 1);
                String line = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, line);
            }
            default -> lines.add(at, hostile[random.nextInt(hostile.length)]);
        }
    }

    private String cut(String text) {
        return text.isEmpty() ? text : text.substring(0, random.nextInt(text.length()));
    }

    private String garble(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (random.nextInt(8) == 0) {
                chars[i] = (char) (0x20 + random.nextInt(0x5f));
            }
        }
        return new String(chars);
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0xd7ff) : 0x20 + random.nextInt(0x5f)));
        }
        return text.toString();
    }
}
