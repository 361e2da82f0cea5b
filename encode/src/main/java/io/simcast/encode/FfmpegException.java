package io.simcast.encode;

/** An FFmpeg call failed; the message says what was being done and FFmpeg's words for the error. */
public final class FfmpegException extends RuntimeException {
    private final int code;

    public FfmpegException(String message, int code) {
        super(message);
        this.code = code;
    }

    /** FFmpeg's (negative) error code. */
    public int code() {
        return code;
    }
}
