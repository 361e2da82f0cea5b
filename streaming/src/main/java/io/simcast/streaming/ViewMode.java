package io.simcast.streaming;

import java.util.Locale;

/** Which picture a viewer watches. */
public enum ViewMode {
    /** The viewer's own camera, steered by its own mouse, touch and keys; rendered for it alone. */
    OWN,
    /** The host's view: one render shared by every follower; followers do not steer its camera. */
    HOST;

    /** The word used on the wire and in the configuration. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code own} or {@code host}. */
    public static ViewMode parse(String text) {
        for (ViewMode mode : values()) {
            if (mode.wireName().equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(StreamingMessages.badViewMode(text));
    }
}
