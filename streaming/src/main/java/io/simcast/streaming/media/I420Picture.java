package io.simcast.streaming.media;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import io.simcast.sim.render.Frame;
import io.simcast.sim.render.LatencyStamp;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * One pooled I420 picture: a native libwebrtc buffer and everything the pump needs to fill and send it, made once
 * so that a frame allocates nothing: its planes, the {@link VideoFrame} that carries it ({@code CustomVideoSource}
 * stamps every pushed frame with its own clock, so one frame object serves every push), and its reference count.
 *
 * <p>{@link #fill} converts a renderer frame (RGBA, bottom row first) to I420 with libyuv and turns it the right way
 * up in the same pass: libyuv flips when its destination rows run backwards, so the converter gets the planes from
 * their last row with negative strides. (libyuv's own flip, a negative height, does not get through webrtc-java
 * 0.14's converter, whose size check reads a negative size.)
 *
 * <p>Owned by one {@link I420Pool} and the pump thread that uses it.
 */
final class I420Picture {
    private final NativeI420Buffer buffer;
    private final VideoFrame frame;
    private final BottomUp target;
    private final ByteBuffer y;
    private final ByteBuffer u;
    private final ByteBuffer v;
    private final Optional<NativeReferences.Count> references;

    /** A new native buffer of this size; the picture holds its one reference until {@link #free()}. */
    I420Picture(int width, int height, Optional<NativeReferences> reader) {
        buffer = NativeI420Buffer.allocate(width, height);
        frame = new VideoFrame(buffer, 0);
        y = buffer.getDataY();
        u = buffer.getDataU();
        v = buffer.getDataV();
        target = BottomUp.of(buffer, y, u, v);
        references = reader.map(r -> r.of(buffer));
    }

    int width() {
        return buffer.getWidth();
    }

    int height() {
        return buffer.getHeight();
    }

    /** The frame to push; pushing adds libwebrtc's own references to the buffer. */
    VideoFrame videoFrame() {
        return frame;
    }

    /**
     * Whether this picture may be written: nobody but its pool holds the buffer. False when the count cannot be
     * read, so such a picture is never reused.
     */
    boolean unshared() {
        return references.isPresent() && references.get().get() == 1;
    }

    /** Converts a frame of this size to I420, the right way up. */
    void fill(Frame source) throws Exception {
        VideoBufferConverter.convertToI420(source.rgbaBottomUp(), target, FourCC.ABGR);
    }

    /** Draws the bench-mode clock into the top-left corner (see {@link LatencyStamp}). */
    void stamp(long epochMillis) {
        LatencyStamp.write(y, buffer.getStrideY(), u, buffer.getStrideU(), v, buffer.getStrideV(), epochMillis);
    }

    /** Gives up our reference; libwebrtc frees the buffer once its own holders are done. */
    void free() {
        buffer.release();
    }

    /**
     * The converter's destination: the planes seen from their last row, with negative strides, so rows written
     * first land at the bottom. Only for {@link VideoBufferConverter#convertToI420}, which reads the planes'
     * addresses and strides and nothing else; it is never handed to libwebrtc.
     */
    private record BottomUp(int width, int height, ByteBuffer lastY, int strideY, ByteBuffer lastU, int strideU,
                            ByteBuffer lastV, int strideV) implements I420Buffer {
        static BottomUp of(NativeI420Buffer buffer, ByteBuffer y, ByteBuffer u, ByteBuffer v) {
            int height = buffer.getHeight();
            int chromaHeight = (height + 1) / 2;
            return new BottomUp(buffer.getWidth(), height, lastRow(y, buffer.getStrideY(), height),
                    -buffer.getStrideY(), lastRow(u, buffer.getStrideU(), chromaHeight), -buffer.getStrideU(),
                    lastRow(v, buffer.getStrideV(), chromaHeight), -buffer.getStrideV());
        }

        private static ByteBuffer lastRow(ByteBuffer plane, int stride, int rows) {
            return plane.slice((rows - 1) * stride, stride);
        }

        @Override
        public ByteBuffer getDataY() {
            return lastY;
        }

        @Override
        public ByteBuffer getDataU() {
            return lastU;
        }

        @Override
        public ByteBuffer getDataV() {
            return lastV;
        }

        @Override
        public int getStrideY() {
            return strideY;
        }

        @Override
        public int getStrideU() {
            return strideU;
        }

        @Override
        public int getStrideV() {
            return strideV;
        }

        @Override
        public int getWidth() {
            return width;
        }

        @Override
        public int getHeight() {
            return height;
        }

        @Override
        public I420Buffer toI420() {
            return this;
        }

        @Override
        public VideoFrameBuffer cropAndScale(int cropX, int cropY, int cropWidth, int cropHeight, int scaleWidth,
                                             int scaleHeight) {
            throw new UnsupportedOperationException("a conversion target only");
        }

        @Override
        public void retain() {
            // not reference counted: a view of planes the picture owns
        }

        @Override
        public void release() {
            // not reference counted: a view of planes the picture owns
        }
    }
}
