package io.simcast.encode;

/** An encoder (or FFmpeg itself) cannot be used here; the message says why, in words a user can act on. */
public final class EncoderUnavailableException extends RuntimeException {
    public EncoderUnavailableException(String message) {
        super(message);
    }

    public EncoderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
