package io.simcast.bench;

import io.simcast.encode.EncoderKind;
import io.simcast.encode.EncoderProbe;
import io.simcast.encode.EncoderSettings;
import io.simcast.encode.H264Encoder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code simcast bench encode}: milliseconds per frame of every encoder that works here, live settings (what a
 * broadcast uses), RGBA in (the renderer's format, so the colour conversion is included), at the usual sizes. The
 * pictures move and carry some noise, like a rendered scene with shading, so the encoder does real work. Runs on the
 * caller's thread.
 */
public final class EncodeBenchmark {
    /** The sizes measured. */
    public static final int[][] SIZES = {{640, 480}, {1280, 720}, {1920, 1080}};

    private EncodeBenchmark() {}

    /**
     * One measurement.
     *
     * @param encoder FFmpeg's encoder name
     * @param width picture width
     * @param height picture height
     * @param msPerFrame mean wall time per frame, conversion and encoding
     * @param kbitsPerSecond what the packets add up to at 30 fps
     */
    public record Row(String encoder, int width, int height, double msPerFrame, double kbitsPerSecond) {}

    public static List<Row> run(int frames) {
        List<Row> rows = new ArrayList<>();
        for (EncoderProbe.Result result : EncoderProbe.results()) {
            if (result.works()) {
                for (int[] size : SIZES) {
                    rows.add(measure(result.kind(), size[0], size[1], frames));
                }
            }
        }
        return rows;
    }

    static Row measure(EncoderKind kind, int width, int height, int frames) {
        EncoderSettings settings = EncoderSettings.broadcast(width, height, 30);
        List<ByteBuffer> pictures = pictures(width, height, 8);
        long[] bytes = {0};
        try (H264Encoder encoder = H264Encoder.open(kind, settings)) {
            int warmup = Math.min(10, frames);
            long started = 0;
            for (int i = 0; i < warmup + frames; i++) {
                if (i == warmup) {
                    started = System.nanoTime();
                    bytes[0] = 0;
                }
                ByteBuffer picture = pictures.get(i % pictures.size());
                encoder.encode(picture, width, height, i * (long) (EncoderSettings.LIVE_TIME_BASE / 30), false,
                        packet -> bytes[0] += packet.size());
            }
            double ms = (System.nanoTime() - started) / 1e6 / frames;
            return new Row(kind.ffmpegName(), width, height, Math.round(ms * 100) / 100.0,
                    Math.round(bytes[0] * 8.0 / frames * 30 / 1000));
        }
    }

    /** Gradients that slide a little from picture to picture, with noise, like shaded moving geometry. */
    private static List<ByteBuffer> pictures(int width, int height, int count) {
        SplittableRandom random = new SplittableRandom(1);
        List<ByteBuffer> pictures = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            ByteBuffer rgba = ByteBuffer.allocateDirect(width * height * 4);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int shift = p * 6;
                    int noise = random.nextInt(12);
                    rgba.put((byte) ((x + shift) * 255 / width + noise));
                    rgba.put((byte) ((y + shift) * 255 / height + noise));
                    rgba.put((byte) (((x + y) / 4 + noise) & 0xff));
                    rgba.put((byte) 255);
                }
            }
            rgba.flip();
            pictures.add(rgba);
        }
        return pictures;
    }
}
