package io.simcast.streaming.viewer;

/**
 * How well one viewer behaves on its message channels (the signalling socket and the input data channel together):
 * a token bucket for the message rate, and strikes for messages that were refused (not JSON, unknown, malformed, over
 * the rate). Strikes fade with time, so a page that sends something odd now and then is never punished; a client
 * that floods or sends garbage collects {@value #STRIKE_LIMIT} strikes within seconds and is disconnected.
 *
 * <p>Thread-safe: messages arrive on Undertow's IO threads and libwebrtc's signalling thread.
 */
final class Conduct {
    /** Messages per second a viewer may send for ever: the page sends about sixty moves and one stats report. */
    static final double RATE = 200;
    /** Messages a viewer may send at once (a burst of wheel events, a reconnect's candidates). */
    static final double BURST = 400;
    /** Strikes that end the viewer. */
    static final double STRIKE_LIMIT = 50;
    /** Strikes forgiven per second. */
    static final double FORGIVEN_PER_SECOND = 5;

    /** What to do with a message. */
    enum Verdict {
        ACCEPT,
        /** Over the rate: drop it (a strike was counted). */
        DROP,
        /** Too many strikes: disconnect the viewer. */
        EXPEL
    }

    private double tokens = BURST;
    private double strikes;
    private long lastNanos;
    private long lastDropReportNanos;

    Conduct(long nowNanos) {
        this.lastNanos = nowNanos;
    }

    /** One message arrived. */
    synchronized Verdict message(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ACCEPT;
        }
        return strike(nowNanos) == Verdict.EXPEL ? Verdict.EXPEL : Verdict.DROP;
    }

    /** A message was refused (not JSON, not understood, not allowed). */
    synchronized Verdict strike(long nowNanos) {
        refill(nowNanos);
        strikes += 1;
        return strikes >= STRIKE_LIMIT ? Verdict.EXPEL : Verdict.ACCEPT;
    }

    /** Whether to tell the viewer about dropped messages now: once a second at most, so drops do not flood it back. */
    synchronized boolean reportDropNow(long nowNanos) {
        if (lastDropReportNanos != 0 && nowNanos - lastDropReportNanos < 1_000_000_000L) {
            return false;
        }
        lastDropReportNanos = nowNanos;
        return true;
    }

    private void refill(long nowNanos) {
        double seconds = Math.max(0, (nowNanos - lastNanos) * 1e-9);
        lastNanos = nowNanos;
        tokens = Math.min(BURST, tokens + seconds * RATE);
        strikes = Math.max(0, strikes - seconds * FORGIVEN_PER_SECOND);
    }
}
