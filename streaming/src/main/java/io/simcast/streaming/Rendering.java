package io.simcast.streaming;

import io.simcast.streaming.media.SourceView;
import io.simcast.streaming.media.ViewSource;
import java.util.function.Supplier;

/**
 * What the host renders with: a view source (and optionally the embedder's own view for followers), or the reason
 * there is none. Without rendering the host still serves REST and the page, and refuses viewers with the reason.
 *
 * @param views makes views, or null
 * @param hostView the view followers watch (the console's); a supplier of null makes one on demand
 * @param problem why there is no rendering, or null
 */
public record Rendering(ViewSource views, Supplier<SourceView> hostView, String problem) {
    public static Rendering of(ViewSource views) {
        return new Rendering(views, () -> null, null);
    }

    public static Rendering of(ViewSource views, Supplier<SourceView> hostView) {
        return new Rendering(views, hostView, null);
    }

    public static Rendering unavailable(String reason) {
        return new Rendering(null, () -> null, StreamingMessages.rendererUnavailable(reason));
    }
}
