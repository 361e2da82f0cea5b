package io.simcast.streaming;

/** The UDP ports WebRTC may use on the host, for firewalls that open a fixed range. */
public record PortRange(int min, int max) {
    public PortRange {
        if (min < 1 || max > 65535 || min > max) {
            throw new IllegalArgumentException(StreamingMessages.badPortRange(min + "-" + max));
        }
    }

    /** Parses {@code 50000-50100}. */
    public static PortRange parse(String text) {
        String[] parts = text.strip().split("-", 2);
        try {
            return new PortRange(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(StreamingMessages.badPortRange(text));
        }
    }

    @Override
    public String toString() {
        return min + "-" + max;
    }
}
