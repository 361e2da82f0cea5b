package io.simcast.encode;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which encoder to use: {@code auto} (the first that opens, hardware before libx264) or one named kind, which must
 * open or the caller is told why. From {@code --encoder} or the {@code ENCODER} variable.
 *
 * @param named the kind asked for, or empty for auto
 */
public record EncoderChoice(Optional<EncoderKind> named) {
    /** The environment variable that picks the encoder. */
    public static final String VARIABLE = "ENCODER";
    public static final EncoderChoice AUTO = new EncoderChoice(Optional.empty());

    /**
     * {@code auto}, nvenc, qsv, vaapi, amf or x264 (FFmpeg's names such as {@code libx264} too), any case.
     *
     * @throws IllegalArgumentException naming the choices
     */
    public static EncoderChoice parse(String value) {
        if (value == null || value.isBlank() || value.trim().toLowerCase(Locale.ROOT).equals("auto")) {
            return AUTO;
        }
        return new EncoderChoice(Optional.of(EncoderKind.parse(value)));
    }

    /** {@code option} when given, else the environment's {@value #VARIABLE}, else auto. */
    public static EncoderChoice resolve(String option, Map<String, String> env) {
        return parse(option != null ? option : env.get(VARIABLE));
    }

    public String describe() {
        return named.map(EncoderKind::wireName).orElse("auto");
    }
}
