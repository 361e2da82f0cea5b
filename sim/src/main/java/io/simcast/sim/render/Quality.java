package io.simcast.sim.render;

import java.util.Locale;

/** Rendering quality presets of a view. */
public enum Quality {
    /** No multisampling, no shadows, no reflections: the fastest picture, for software rendering. */
    FAST,
    /** What the model asks for: its multisample count ({@code <quality offsamples>}), shadows and reflections. */
    QUALITY;

    /**
     * {@code fast} or {@code quality}, any case, as the command line takes it.
     *
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static Quality parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "fast" -> FAST;
            case "quality" -> QUALITY;
            default -> throw new IllegalArgumentException("--quality must be fast or quality, got '" + value + "'");
        };
    }

    /** Multisamples for a model that asks for {@code modelSamples}. */
    int samples(int modelSamples) {
        return this == FAST ? 0 : modelSamples;
    }
}
