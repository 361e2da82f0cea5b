package io.simcast.streaming.host;

import io.simcast.streaming.StreamingMessages;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.View;
import java.util.function.Supplier;

/**
 * What the host renders with: the simulation's {@link Renderer} (and optionally the embedder's own view, which
 * followers watch), or the reason there is none. Without rendering the host still serves REST and the page, and
 * refuses viewers with the reason.
 *
 * @param renderer renders the views, or null
 * @param hostView the view followers watch (the console's); a supplier of null makes one on demand
 * @param problem why there is no rendering, or null
 */
public record Rendering(Renderer renderer, Supplier<View> hostView, String problem) {
    public static Rendering of(Renderer renderer) {
        return new Rendering(renderer, () -> null, null);
    }

    public static Rendering of(Renderer renderer, Supplier<View> hostView) {
        return new Rendering(renderer, hostView, null);
    }

    public static Rendering unavailable(String reason) {
        return new Rendering(null, () -> null, StreamingMessages.rendererUnavailable(reason));
    }
}
