package io.simcast.generate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each generation event to the caller's listener and to the log (its message only: never a reply, never a key;
 * progress at DEBUG, the outcome at INFO), so that a failing listener cannot stop a generation. Used on the generation
 * thread only.
 */
final class EventReporter {
    private static final Logger log = LoggerFactory.getLogger(EventReporter.class);

    private final GenerationListener listener;

    EventReporter(GenerationListener listener) {
        this.listener = listener;
    }

    void report(GenerationEvent event) {
        if (event instanceof GenerationEvent.Succeeded || event instanceof GenerationEvent.Failed
                || event instanceof GenerationEvent.Cancelled) {
            log.info("Scene generation: {}", event.message());
        } else {
            log.debug("Scene generation: {}", event.message());
        }
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            log.warn("A generation listener failed on '{}'", event.message(), e);
        }
    }
}
