package io.simcast.generate;

/**
 * Hears each step of a generation as it happens. Called on the generation's own thread ({@code simcast-generate-N}),
 * in order; keep it quick (hand over to the UI or a socket) since the next attempt waits for it. An exception thrown
 * here is logged and otherwise ignored.
 */
@FunctionalInterface
public interface GenerationListener {
    void onEvent(GenerationEvent event);
}
