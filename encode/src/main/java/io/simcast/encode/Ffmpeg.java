package io.simcast.encode;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.avutil.av_version_info;

import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;

/**
 * FFmpeg's native libraries (JavaCPP's build, unpacked into ~/.javacpp/cache on first use): loaded once, on first
 * need, so that a host that never encodes never pays for them. Any thread.
 */
public final class Ffmpeg {
    private static volatile String version;

    private Ffmpeg() {}

    /**
     * Loads FFmpeg and takes over its log.
     *
     * @return FFmpeg's version, e.g. "8.1.2"
     * @throws EncoderUnavailableException when the native libraries cannot be loaded
     */
    public static String load() {
        String loaded = version;
        if (loaded != null) {
            return loaded;
        }
        synchronized (Ffmpeg.class) {
            if (version == null) {
                try {
                    Loader.load(avcodec.class);
                    Loader.load(avformat.class);
                    Loader.load(swscale.class);
                    FfmpegLog.install();
                    version = av_version_info().getString();
                } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                    throw new EncoderUnavailableException(EncodeMessages.ffmpegMissing(e.getMessage()), e);
                }
            }
            return version;
        }
    }

    /** FFmpeg's words for an error code, e.g. "Invalid argument". */
    public static String error(int code) {
        byte[] buffer = new byte[256];
        av_strerror(code, buffer, buffer.length);
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.UTF_8);
    }

    /** Throws {@link FfmpegException} when {@code code} is negative. */
    static int check(int code, String doing) {
        if (code < 0) {
            throw new FfmpegException(doing + ": " + error(code), code);
        }
        return code;
    }
}
