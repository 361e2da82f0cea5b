package io.simcast.streaming.viewer;

import java.util.Locale;

/** How a viewer came in. */
public enum Door {
    /** The bundled page, over WebSocket signalling. */
    WEBSOCKET,
    /** Any WHEP player (RFC 9725). */
    WHEP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
