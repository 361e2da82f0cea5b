package io.simcast.app.cli;

import io.simcast.sim.render.Quality;
import java.util.Locale;

/** Parsing of the rendering options the commands share. */
final class RenderOptions {
    private RenderOptions() {}

    /** {@code fast} or {@code quality}, any case. */
    static Quality quality(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "fast" -> Quality.FAST;
            case "quality" -> Quality.QUALITY;
            default -> throw new IllegalArgumentException("--quality must be fast or quality, got '" + value + "'");
        };
    }
}
