package io.simcast.streaming.media;

import java.util.concurrent.TimeUnit;

/** A view's frames, newest first: a slow reader gets the latest frame and the ones in between are gone. */
public interface FrameStream extends AutoCloseable {
    /** The next new frame, or null after {@code timeout}; the caller releases it. */
    SourceFrame take(long timeout, TimeUnit unit) throws InterruptedException;

    @Override
    void close();
}
