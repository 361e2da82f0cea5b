package io.simcast.streaming;

import java.util.Locale;

/**
 * What a person may do with the host, each role including the ones below it. Immutable.
 *
 * <ul>
 *   <li>{@link #VIEWER}: watch, and move its own camera;
 *   <li>{@link #CONTROLLER}: also play, pause, step, reset, change the speed, move bodies, drive RL environments;
 *   <li>{@link #OPERATOR}: everything, including loading scenes, share links and LLM keys.
 * </ul>
 */
public enum Role {
    VIEWER,
    CONTROLLER,
    OPERATOR;

    /** Whether this role may do what {@code required} may. */
    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    /** The word used on the wire and in the configuration. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code viewer}, {@code controller} or {@code operator}: the roles a share link may carry (an operator
     * link opens once).
     */
    public static Role parseLinkRole(String text) {
        for (Role role : values()) {
            if (role.wireName().equals(text)) {
                return role;
            }
        }
        throw new IllegalArgumentException(StreamingMessages.badLinkRole(text));
    }
}
