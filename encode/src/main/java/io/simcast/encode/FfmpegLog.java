package io.simcast.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FFmpeg's log, taken over once per process: errors and warnings go to SLF4J at debug level (FFmpeg is chatty, and
 * what matters reaches the user through our own messages), and each thread can collect the errors FFmpeg printed
 * while it opened something, because FFmpeg's return codes alone ("Operation not permitted") do not say why.
 *
 * <p>The callback runs on whichever native thread logs (an encoder's worker threads included): it only formats,
 * appends to a thread-local list and hands the line to SLF4J, never waits.
 */
final class FfmpegLog {
    private static final Logger log = LoggerFactory.getLogger("io.simcast.encode.ffmpeg");
    private static final ThreadLocal<List<String>> ERRORS = new ThreadLocal<>();
    /** Kept reachable for as long as FFmpeg may call it. */
    private static final LogCallback CALLBACK = new LogCallback() {
        @Override
        public void call(int level, BytePointer message) {
            String line = message.getString().strip();
            if (line.isEmpty()) {
                return;
            }
            List<String> errors = ERRORS.get();
            if (errors != null && level <= AV_LOG_ERROR) {
                errors.add(withoutPrefix(line));
            }
            log.debug("{}", line);
        }
    };
    private static boolean installed;

    private FfmpegLog() {}

    static synchronized void install() {
        if (!installed) {
            av_log_set_level(AV_LOG_WARNING);
            setLogCallback(CALLBACK);
            installed = true;
        }
    }

    /** What FFmpeg reported as errors on this thread while {@code action} ran. */
    static <T> Captured<T> capture(Action<T> action) {
        List<String> errors = new ArrayList<>();
        List<String> outer = ERRORS.get();
        ERRORS.set(errors);
        try {
            return new Captured<>(action.run(), List.copyOf(errors));
        } finally {
            ERRORS.set(outer);
        }
    }

    /** "[h264_nvenc @ 0x7f..] Cannot load libcuda.so.1" -> "Cannot load libcuda.so.1". */
    static String withoutPrefix(String line) {
        if (line.startsWith("[")) {
            int end = line.indexOf("] ");
            if (end > 0) {
                return line.substring(end + 2).strip();
            }
        }
        return line;
    }

    /** Work that returns an FFmpeg status code or a value. */
    @FunctionalInterface
    interface Action<T> {
        T run();
    }

    /** A result and the error lines FFmpeg printed while it was made. */
    record Captured<T>(T value, List<String> errors) {
        /** The errors on one line, or {@code fallback} when FFmpeg said nothing. */
        String reason(String fallback) {
            return errors.isEmpty() ? fallback : String.join("; ", errors);
        }
    }
}
