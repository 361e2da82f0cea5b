package io.simcast.streaming.viewer;

/** A viewer was not admitted; the message is what the page shows. */
public final class ViewerRefusedException extends Exception {
    private final String reason;

    /** @param reason machine-readable: {@code viewer_limit} or {@code unavailable} */
    public ViewerRefusedException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
