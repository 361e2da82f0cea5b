package io.simcast.streaming.webrtc;

/** webrtc-java's native library could not start here; the message says what is missing. */
public final class WebRtcUnavailableException extends Exception {
    public WebRtcUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
