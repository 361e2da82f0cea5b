package io.simcast.streaming.media;

/** One rendered view: its frames and the camera that viewer input steers. Any thread may call it. */
public interface SourceView extends AutoCloseable {
    String id();

    /** Newest-frame subscription: stale frames are dropped, never queued. */
    FrameStream subscribe();

    /** Pointer gestures mapped onto the camera as in MuJoCo's simulate. */
    PointerInput input();

    void nextCamera();

    void previousCamera();

    void useFreeCamera();

    void resetCamera();

    @Override
    void close();
}
