package io.simcast.mcp;

import io.simcast.sim.render.Frame;
import io.simcast.sim.render.FrameSubscription;
import io.simcast.sim.render.Quality;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.View;
import io.simcast.sim.render.ViewSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Pictures of one simulation on request, as PNG: one view of the renderer, kept between requests (its framebuffers
 * are made again only when the size changes), pointed at the camera asked for, subscribed until one frame of the
 * newest state arrives. Requests are served one at a time (any thread; the caller waits for the render thread).
 */
final class Pictures implements AutoCloseable {
    static final int MAX_WIDTH = 1920;
    static final int MAX_HEIGHT = 1080;
    static final int MIN_SIZE = 16;
    static final long TIMEOUT_SECONDS = 30;

    private final Renderer renderer;
    private View view;

    Pictures(Renderer renderer) {
        this.renderer = renderer;
    }

    /** A PNG of what {@code camera} sees now. */
    synchronized byte[] png(CameraChoice camera, int width, int height, Quality quality)
            throws InterruptedException {
        if (width < MIN_SIZE || height < MIN_SIZE || width > MAX_WIDTH || height > MAX_HEIGHT) {
            throw new ToolError(McpMessages.pictureSize(MAX_WIDTH, MAX_HEIGHT));
        }
        if (view == null) {
            view = renderer.createView(new ViewSpec(width, height, ViewSpec.MAX_FPS, quality));
        } else if (view.width() != width || view.height() != height) {
            view.resize(width, height);
        }
        view.setQuality(quality);
        switch (camera) {
            case CameraChoice.ModelDefault ignored -> {
                view.useFreeCamera();
                view.resetCamera();
            }
            case CameraChoice.Named named -> view.useFixedCamera(named.name());
            case CameraChoice.Free free -> view.placeFreeCamera(free.lookAt(), free.distance(), free.azimuth(),
                    free.elevation());
        }
        try (FrameSubscription frames = view.subscribe()) {
            Frame frame = frames.take(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (frame == null) {
                throw new ToolError(McpMessages.noPicture(TIMEOUT_SECONDS));
            }
            try {
                return encode(frame);
            } finally {
                frame.release();
            }
        }
    }

    /** The frame's RGB as a PNG, deflated lightly: pictures are made to be looked at now, not archived. */
    private static byte[] encode(Frame frame) {
        ByteBuffer rgba = frame.rgbaBottomUp();
        int width = frame.width();
        BufferedImage image = new BufferedImage(width, frame.height(), BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[width * frame.height()];
        for (int row = 0; row < frame.height(); row++) { // OpenGL's rows come bottom first: turned upright here
            int from = frame.rowOffset(row);
            for (int x = 0, i = row * width; x < width; x++, i++) {
                int at = from + 4 * x;
                rgb[i] = (rgba.get(at) & 0xFF) << 16 | (rgba.get(at + 1) & 0xFF) << 8 | rgba.get(at + 2) & 0xFF;
            }
        }
        image.setRGB(0, 0, frame.width(), frame.height(), rgb, 0, frame.width());
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rgb.length);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f); // the JDK's writer maps this to deflate level 1
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed in memory: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Override
    public synchronized void close() {
        if (view != null) {
            view.close();
            view = null;
        }
    }
}
