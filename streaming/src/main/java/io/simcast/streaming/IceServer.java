package io.simcast.streaming;

import java.util.Objects;

/**
 * One STUN or TURN server handed to both ends of every peer connection. The credential is a secret: it goes to
 * admitted viewers in the signalling welcome (a browser cannot use TURN without it) and never into logs or
 * {@code /api/config}; {@link #toString()} hides it.
 *
 * @param url {@code stun:host:port}, {@code turn:host:port} or {@code turns:host:port}
 * @param username TURN user name, or null
 * @param credential TURN password, or null
 */
public record IceServer(String url, String username, String credential) {
    public IceServer {
        Objects.requireNonNull(url, "url");
        if (!url.matches("(stun|stuns|turn|turns):[^\\s]+")) {
            throw new IllegalArgumentException(StreamingMessages.badIceServer(url));
        }
    }

    public boolean hasCredential() {
        return credential != null && !credential.isEmpty();
    }

    public boolean isTurn() {
        return url.startsWith("turn");
    }

    @Override
    public String toString() {
        return url + (hasCredential() ? " (with credential)" : "");
    }
}
