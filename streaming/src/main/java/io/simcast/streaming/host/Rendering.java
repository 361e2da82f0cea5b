package io.simcast.streaming.host;

import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.View;
import io.simcast.streaming.StreamingMessages;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the host renders with: the simulation's {@link Renderer} (and optionally the embedder's own view, which
 * followers watch), or the reason there is none. Without rendering the host still serves REST and the page, and
 * refuses viewers with the reason.
 */
public sealed interface Rendering {
    /**
     * @param renderer renders the views
     * @param hostView the view followers watch (the console's); a supplier of null makes one on demand
     */
    record Available(Renderer renderer, Supplier<View> hostView) implements Rendering {}

    /** @param reason why there is no rendering, in words for the operator */
    record Unavailable(String reason) implements Rendering {}

    static Rendering of(Renderer renderer) {
        return new Available(renderer, () -> null);
    }

    static Rendering of(Renderer renderer, Supplier<View> hostView) {
        return new Available(renderer, hostView);
    }

    static Rendering unavailable(String reason) {
        return new Unavailable(StreamingMessages.rendererUnavailable(reason));
    }

    /** Why there is no rendering, if there is none. */
    default Optional<String> problem() {
        return this instanceof Unavailable unavailable ? Optional.of(unavailable.reason()) : Optional.empty();
    }
}
