package io.simcast.streaming.input;

/**
 * Where a viewer's camera gestures go. A viewer with its own camera watches the shared default view until it
 * first steers; {@link #claim} then gives it a view of its own. Input thread only.
 */
public interface SteeringProvider {
    /** What the viewer steers now, or null. */
    Steering current();

    /** What the viewer steers, first making it a view of its own if it may have one; null if it may not. */
    Steering claim();
}
