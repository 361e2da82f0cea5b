package io.simcast.encode.broadcast;

import io.simcast.encode.EncodeMessages;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where a broadcast goes: a WHIP endpoint (Janus through simple-whip-server, LiveKit, MediaMTX, Cloudflare...) and
 * the bearer token it wants. The token comes from the environment only ({@value #TOKEN_VARIABLE}), so it never shows
 * in the process list, and never in logs or statistics ({@link #describe} leaves out the query too).
 *
 * @param url the WHIP endpoint, http or https
 * @param token the bearer token, if the endpoint wants one
 */
public record BroadcastTarget(URI url, Optional<String> token) {
    public static final String URL_VARIABLE = "BROADCAST_URL";
    public static final String TOKEN_VARIABLE = "BROADCAST_TOKEN";

    public BroadcastTarget {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException(EncodeMessages.badBroadcastUrl(url.toString()));
        }
        token = token.filter(t -> !t.isBlank());
    }

    /**
     * The option's URL, else {@value #URL_VARIABLE}'s; empty when neither is set.
     *
     * @throws IllegalArgumentException when the URL is not an http(s) URL
     */
    public static Optional<BroadcastTarget> resolve(String option, Map<String, String> env) {
        String url = option != null ? option : env.get(URL_VARIABLE);
        String token = env.get(TOKEN_VARIABLE);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(EncodeMessages.badBroadcastUrl(url), e);
        }
        return Optional.of(new BroadcastTarget(uri, Optional.ofNullable(token)));
    }

    /** The endpoint without query or credentials, for logs and {@code /api/stats}. */
    public String describe() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    @Override
    public String toString() {
        return describe();
    }
}
