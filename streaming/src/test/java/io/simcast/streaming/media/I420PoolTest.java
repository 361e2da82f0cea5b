package io.simcast.streaming.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pooled I420 pictures with libwebrtc's real native buffers and reference counts. libwebrtc keeps a pushed frame by
 * holding a {@code scoped_refptr} to its buffer, which adds to the very count that {@code retain()} adds to: a test
 * that retains a buffer holds it exactly as an encoder queue does.
 */
class I420PoolTest {
    private final List<VideoFrameBuffer> held = new ArrayList<>();
    private I420Pool pool;

    @AfterEach
    void letGo() {
        held.forEach(VideoFrameBuffer::release);
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void libwebrtcsReferenceCountIsFoundInThisWebrtcJava() {
        assertThat(NativeReferences.find()).as("the count of webrtc-java 0.14.0's native I420 buffer").isPresent();
    }

    @Test
    void aPictureComesBackOnceNobodyElseHoldsIt() {
        pool = new I420Pool(NativeReferences.find());
        I420Picture first = pool.acquire(64, 48).orElseThrow();
        pool.recycle(first);

        assertThat(pool.acquire(64, 48)).containsSame(first);
        assertThat(pool.created()).isEqualTo(1);
    }

    @Test
    void aPictureLibwebrtcStillHoldsIsNeverHandedOutAndKeepsItsPixels() {
        pool = new I420Pool(NativeReferences.find());
        I420Picture encoding = pool.acquire(64, 48).orElseThrow();
        mark(encoding, 7);
        hold(encoding); // as an encoder queue holds a pushed frame
        pool.recycle(encoding);

        for (int frame = 0; frame < 20; frame++) {
            I420Picture next = pool.acquire(64, 48).orElseThrow();
            assertThat(next).isNotSameAs(encoding);
            mark(next, 100 + frame);
            pool.recycle(next);
        }
        assertThat(markOf(encoding)).as("the held picture's pixels").isEqualTo(7);
        assertThat(pool.created()).as("one held, one reused for the other 20 frames").isEqualTo(2);

        letGoOf(encoding);
        I420Picture again = pool.acquire(64, 48).orElseThrow();
        assertThat(again).as("the oldest returned picture, free again").isSameAs(encoding);
    }

    @Test
    void whenLibwebrtcHoldsEveryPictureTheFrameIsSkippedNotQueued() {
        pool = new I420Pool(NativeReferences.find());
        for (int i = 0; i < I420Pool.CAPACITY; i++) {
            I420Picture picture = pool.acquire(32, 32).orElseThrow();
            hold(picture);
            pool.recycle(picture);
        }

        assertThat(pool.acquire(32, 32)).isEmpty();
        assertThat(pool.created()).isEqualTo(I420Pool.CAPACITY);
    }

    @Test
    void picturesOfAnOldSizeAreFreedWhenTheSizeChanges() {
        pool = new I420Pool(NativeReferences.find());
        I420Picture small = pool.acquire(32, 32).orElseThrow();
        pool.recycle(small);

        I420Picture large = pool.acquire(64, 48).orElseThrow();
        assertThat(large.width()).isEqualTo(64);
        pool.recycle(large);
        List<I420Picture> out = new ArrayList<>(List.of(pool.acquire(64, 48).orElseThrow()));
        for (int i = 1; i < I420Pool.CAPACITY; i++) {
            out.add(pool.acquire(64, 48).orElseThrow(() -> new AssertionError("no room: the small one is alive")));
        }
        assertThat(out).contains(large);
        out.forEach(pool::recycle);
    }

    @Test
    void withoutAReferenceCountNoPictureIsReused() {
        pool = new I420Pool(Optional.empty());
        I420Picture first = pool.acquire(32, 32).orElseThrow();
        pool.recycle(first); // gives up our reference: libwebrtc frees it when done

        assertThat(pool.acquire(32, 32)).isPresent().get().isNotSameAs(first);
        assertThat(pool.created()).isEqualTo(2);
    }

    private void hold(I420Picture picture) {
        VideoFrameBuffer buffer = picture.videoFrame().buffer;
        buffer.retain();
        held.add(buffer);
    }

    private void letGoOf(I420Picture picture) {
        VideoFrameBuffer buffer = picture.videoFrame().buffer;
        held.remove(buffer);
        buffer.release();
    }

    private static void mark(I420Picture picture, int value) {
        luma(picture).put(0, (byte) value);
    }

    private static int markOf(I420Picture picture) {
        return luma(picture).get(0) & 0xFF;
    }

    private static ByteBuffer luma(I420Picture picture) {
        return picture.videoFrame().buffer.toI420().getDataY();
    }
}
