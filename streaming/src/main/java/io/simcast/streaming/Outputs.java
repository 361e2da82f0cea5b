package io.simcast.streaming;

import io.simcast.encode.EncoderChoice;
import io.simcast.encode.broadcast.BroadcastTarget;
import io.simcast.sim.UserFolders;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the host encodes itself, once, with FFmpeg (issue 19): the broadcast of the shared view to an SFU, where the
 * page plays it from, and recordings. Read from {@link #VARIABLES} ({@code StreamingConfig.fromEnvironment}); the
 * command line overrides them.
 *
 * @param encoder which H.264 encoder (ENCODER: auto, nvenc, qsv, vaapi, amf, x264)
 * @param broadcast the WHIP endpoint the shared view is published to (BROADCAST_URL, BROADCAST_TOKEN), if any
 * @param playback where watching viewers' pages play the broadcast from (BROADCAST_JANUS_URL, BROADCAST_ROOM), if
 *     anywhere: without it every viewer keeps its own WebRTC connection to the host
 * @param recordings the folder recordings are written to (RECORDINGS_DIR)
 */
public record Outputs(EncoderChoice encoder, Optional<BroadcastTarget> broadcast, Optional<SfuPlayback> playback,
                      Path recordings) {
    /** Every variable these come from. */
    public static final List<String> VARIABLES = List.of(EncoderChoice.VARIABLE, BroadcastTarget.URL_VARIABLE,
            BroadcastTarget.TOKEN_VARIABLE, SfuPlayback.URL_VARIABLE, SfuPlayback.ROOM_VARIABLE, "RECORDINGS_DIR");

    public Outputs {
        if (playback.isPresent() && broadcast.isEmpty()) {
            throw new IllegalArgumentException(StreamingMessages.playbackWithoutBroadcast());
        }
    }

    /** No broadcast, the automatic encoder, recordings in the user's data folder. */
    public static Outputs defaults() {
        return new Outputs(EncoderChoice.AUTO, Optional.empty(), Optional.empty(), defaultRecordings());
    }

    public static Path defaultRecordings() {
        return UserFolders.forThisUser().data().resolve("recordings");
    }

    /**
     * The outputs the environment describes.
     *
     * @throws IllegalArgumentException naming the variable and what it accepts
     */
    public static Outputs fromEnvironment(Map<String, String> env) {
        String folder = env.get("RECORDINGS_DIR");
        return new Outputs(EncoderChoice.resolve(null, env), BroadcastTarget.resolve(null, env),
                SfuPlayback.resolve(null, env.get(SfuPlayback.ROOM_VARIABLE), env),
                folder == null || folder.isBlank() ? defaultRecordings() : Path.of(folder.strip()));
    }

    public Outputs withEncoder(EncoderChoice value) {
        return new Outputs(value, broadcast, playback, recordings);
    }

    public Outputs withBroadcast(Optional<BroadcastTarget> value, Optional<SfuPlayback> player) {
        return new Outputs(encoder, value, player, recordings);
    }

    public Outputs withRecordings(Path value) {
        return new Outputs(encoder, broadcast, playback, value);
    }

    /**
     * Where the page plays the broadcast from: a Janus server's API (WebSocket or HTTP) and the VideoRoom room the
     * WHIP endpoint publishes into. The page connects there directly, so the host's CSP allows that origin.
     *
     * @param janus the Janus API URL, e.g. {@code wss://sfu.example.org/janus} or {@code http://10.0.0.2:8088/janus}
     * @param room the VideoRoom room number
     */
    public record SfuPlayback(URI janus, long room) {
        public static final String URL_VARIABLE = "BROADCAST_JANUS_URL";
        public static final String ROOM_VARIABLE = "BROADCAST_ROOM";
        /** simple-whip-server's and Janus's sample room. */
        public static final long DEFAULT_ROOM = 1234;

        public SfuPlayback {
            if (!List.of("ws", "wss", "http", "https").contains(String.valueOf(janus.getScheme()))
                    || janus.getHost() == null) {
                throw new IllegalArgumentException(StreamingMessages.badJanusUrl(janus.toString()));
            }
        }

        /**
         * From the options, else the environment; empty when no Janus URL is given.
         *
         * @throws IllegalArgumentException naming what is wrong
         */
        public static Optional<SfuPlayback> resolve(String url, String room, Map<String, String> env) {
            String janus = url != null ? url : env.get(URL_VARIABLE);
            if (janus == null || janus.isBlank()) {
                return Optional.empty();
            }
            long number = DEFAULT_ROOM;
            if (room != null && !room.isBlank()) {
                try {
                    number = Long.parseLong(room.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(StreamingMessages.badNumber(ROOM_VARIABLE, room, 1,
                            Integer.MAX_VALUE), e);
                }
            }
            try {
                return Optional.of(new SfuPlayback(URI.create(janus.strip()), number));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(StreamingMessages.badJanusUrl(janus), e);
            }
        }

        /** The origin the page's CSP must allow, e.g. {@code ws://10.0.0.2:8188}. */
        public String origin() {
            return janus.getScheme() + "://" + janus.getHost() + (janus.getPort() < 0 ? "" : ":" + janus.getPort());
        }
    }
}
