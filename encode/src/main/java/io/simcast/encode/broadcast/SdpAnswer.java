package io.simcast.encode.broadcast;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SFU's SDP answer as FFmpeg's WHIP muxer reads it: the muxer sends media to the first UDP host candidate and
 * ignores the others. {@link #relayedThrough} points that candidate at a local relay and drops the rest, so that
 * every datagram between muxer and SFU passes the relay. Pure functions, any thread.
 *
 * @param text the answer as the SFU sent it
 */
record SdpAnswer(String text) {

    /** Where the muxer would send media: the first {@code udp ... typ host} candidate. */
    Optional<InetSocketAddress> mediaAddress() {
        return text.lines().map(SdpAnswer::udpHostCandidate).flatMap(Optional::stream).findFirst()
                .map(fields -> InetSocketAddress.createUnresolved(fields[4], Integer.parseInt(fields[5])));
    }

    /** The answer with its first UDP host candidate moved to {@code relay} and the other candidates removed. */
    String relayedThrough(InetSocketAddress relay) {
        List<String> lines = new ArrayList<>();
        boolean replaced = false;
        for (String line : text.lines().toList()) {
            Optional<String[]> candidate = udpHostCandidate(line);
            if (candidate.isPresent() && !replaced) {
                String[] fields = candidate.get();
                fields[4] = relay.getHostString();
                fields[5] = Integer.toString(relay.getPort());
                lines.add(String.join(" ", fields));
                replaced = true;
            } else if (!line.startsWith("a=candidate:")) {
                lines.add(line);
            }
        }
        return String.join("\r\n", lines) + "\r\n";
    }

    /**
     * The fields of an {@code a=candidate:foundation component udp priority address port typ host ...} line.
     */
    private static Optional<String[]> udpHostCandidate(String line) {
        if (!line.startsWith("a=candidate:")) {
            return Optional.empty();
        }
        String[] fields = line.strip().split(" +");
        boolean usable = fields.length >= 8 && fields[2].equalsIgnoreCase("udp") && fields[6].equals("typ")
                && fields[7].equals("host") && fields[5].chars().allMatch(Character::isDigit);
        return usable ? Optional.of(fields) : Optional.empty();
    }
}
