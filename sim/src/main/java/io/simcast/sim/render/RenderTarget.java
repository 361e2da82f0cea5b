package io.simcast.sim.render;

import static org.lwjgl.opengl.GL32C.GL_COLOR_ATTACHMENT0;
import static org.lwjgl.opengl.GL32C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL32C.GL_DEPTH24_STENCIL8;
import static org.lwjgl.opengl.GL32C.GL_DEPTH_STENCIL_ATTACHMENT;
import static org.lwjgl.opengl.GL32C.GL_DRAW_FRAMEBUFFER;
import static org.lwjgl.opengl.GL32C.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL32C.GL_FRAMEBUFFER_COMPLETE;
import static org.lwjgl.opengl.GL32C.GL_MAX_SAMPLES;
import static org.lwjgl.opengl.GL32C.GL_NEAREST;
import static org.lwjgl.opengl.GL32C.GL_PACK_ALIGNMENT;
import static org.lwjgl.opengl.GL32C.GL_READ_FRAMEBUFFER;
import static org.lwjgl.opengl.GL32C.GL_RENDERBUFFER;
import static org.lwjgl.opengl.GL32C.GL_RGBA;
import static org.lwjgl.opengl.GL32C.GL_RGBA8;
import static org.lwjgl.opengl.GL32C.GL_SCISSOR_TEST;
import static org.lwjgl.opengl.GL32C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL32C.glBindFramebuffer;
import static org.lwjgl.opengl.GL32C.glBindRenderbuffer;
import static org.lwjgl.opengl.GL32C.glBlitFramebuffer;
import static org.lwjgl.opengl.GL32C.glCheckFramebufferStatus;
import static org.lwjgl.opengl.GL32C.glClear;
import static org.lwjgl.opengl.GL32C.glClearColor;
import static org.lwjgl.opengl.GL32C.glColorMask;
import static org.lwjgl.opengl.GL32C.glDeleteFramebuffers;
import static org.lwjgl.opengl.GL32C.glDeleteRenderbuffers;
import static org.lwjgl.opengl.GL32C.glDisable;
import static org.lwjgl.opengl.GL32C.glDrawBuffer;
import static org.lwjgl.opengl.GL32C.glFramebufferRenderbuffer;
import static org.lwjgl.opengl.GL32C.glGenFramebuffers;
import static org.lwjgl.opengl.GL32C.glGenRenderbuffers;
import static org.lwjgl.opengl.GL32C.glGetInteger;
import static org.lwjgl.opengl.GL32C.glPixelStorei;
import static org.lwjgl.opengl.GL32C.glReadBuffer;
import static org.lwjgl.opengl.GL32C.glReadPixels;
import static org.lwjgl.opengl.GL32C.glRenderbufferStorageMultisample;

import java.nio.ByteBuffer;

/**
 * The framebuffers one view draws into.
 *
 * <p>MuJoCo draws into {@link #framebuffer()} (multisampled for {@link Quality#QUALITY}); {@link #finishDrawing()}
 * resolves the samples into a single-sample framebuffer and makes every pixel opaque (MuJoCo clears to transparent
 * black); {@link #readInto} has OpenGL write the RGBA pixels straight into the frame, in OpenGL's row order (bottom
 * row first, see {@link Frame}): one copy, made by the driver. A pixel-pack buffer would add a second copy (into the
 * buffer, then out of its mapping) and, mapped in the same pass, overlap nothing: on llvmpipe it doubled the
 * readback time (docs/PERFORMANCE.md).
 *
 * <p>Render thread only: created, used and deleted with the thread's GL context current.
 */
final class RenderTarget implements AutoCloseable {
    private final int width;
    private final int height;
    /** Samples asked for; the driver may give fewer. */
    private final int requestedSamples;
    private final int samples;
    private final int drawFramebuffer;
    private final int drawColor;
    private final int drawDepth;
    /** The single-sample framebuffer pixels are read from; the draw framebuffer itself without multisampling. */
    private final int readFramebuffer;
    private final int resolveColor;
    private boolean closed;

    private RenderTarget(int width, int height, int samples) {
        this.width = width;
        this.height = height;
        this.requestedSamples = samples;
        this.samples = Math.min(samples, glGetInteger(GL_MAX_SAMPLES));
        drawFramebuffer = glGenFramebuffers();
        drawColor = glGenRenderbuffers();
        drawDepth = glGenRenderbuffers();
        attach(drawFramebuffer, drawColor, GL_RGBA8, GL_COLOR_ATTACHMENT0, this.samples);
        attach(drawFramebuffer, drawDepth, GL_DEPTH24_STENCIL8, GL_DEPTH_STENCIL_ATTACHMENT, this.samples);
        if (this.samples > 0) {
            readFramebuffer = glGenFramebuffers();
            resolveColor = glGenRenderbuffers();
            attach(readFramebuffer, resolveColor, GL_RGBA8, GL_COLOR_ATTACHMENT0, 0);
        } else {
            readFramebuffer = drawFramebuffer;
            resolveColor = 0;
        }
    }

    /**
     * Framebuffers of this size, multisampled with {@code samples} (capped by the driver; 0 for none).
     *
     * @throws IllegalStateException when the driver refuses them; nothing is left allocated
     */
    static RenderTarget create(int width, int height, int samples) {
        RenderTarget target = new RenderTarget(width, height, samples);
        int status = target.status();
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            target.close();
            throw new IllegalStateException(RenderMessages.incompleteFramebuffer(status, width, height, samples));
        }
        return target;
    }

    /** Whether this target serves a view of this size and sample count as asked. */
    boolean fits(int width, int height, int samples) {
        return this.width == width && this.height == height && requestedSamples == samples;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The framebuffer MuJoCo draws into. */
    int framebuffer() {
        return drawFramebuffer;
    }

    /** After MuJoCo drew: resolve the samples, then set alpha to 1 everywhere. */
    void finishDrawing() {
        glDisable(GL_SCISSOR_TEST);
        if (readFramebuffer != drawFramebuffer) {
            glBindFramebuffer(GL_READ_FRAMEBUFFER, drawFramebuffer);
            glBindFramebuffer(GL_DRAW_FRAMEBUFFER, readFramebuffer);
            glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        }
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, readFramebuffer);
        glColorMask(false, false, false, true);
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        glColorMask(true, true, true, true);
    }

    /** Reads the finished image into {@code frame} (width x height x 4 bytes from its position), bottom row first. */
    void readInto(ByteBuffer frame) {
        if (frame.remaining() < width * height * 4) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image does not fit in "
                    + frame.remaining() + " bytes");
        }
        glBindFramebuffer(GL_READ_FRAMEBUFFER, readFramebuffer);
        glReadBuffer(GL_COLOR_ATTACHMENT0);
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, frame);
    }

    /** Deletes the framebuffers and renderbuffers (once). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (readFramebuffer != drawFramebuffer) {
            glDeleteFramebuffers(readFramebuffer);
            glDeleteRenderbuffers(resolveColor);
        }
        glDeleteFramebuffers(drawFramebuffer);
        glDeleteRenderbuffers(drawColor);
        glDeleteRenderbuffers(drawDepth);
    }

    private int status() {
        int draw = framebufferStatus(drawFramebuffer);
        return draw != GL_FRAMEBUFFER_COMPLETE ? draw : framebufferStatus(readFramebuffer);
    }

    private void attach(int framebuffer, int renderbuffer, int format, int attachment, int sampleCount) {
        glBindRenderbuffer(GL_RENDERBUFFER, renderbuffer);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, sampleCount, format, width, height);
        glBindRenderbuffer(GL_RENDERBUFFER, 0);
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, attachment, GL_RENDERBUFFER, renderbuffer);
        glDrawBuffer(GL_COLOR_ATTACHMENT0);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
    }

    private static int framebufferStatus(int framebuffer) {
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        return status;
    }
}
