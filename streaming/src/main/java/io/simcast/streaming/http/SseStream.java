package io.simcast.streaming.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A reply of Server-Sent Events (the {@code text/event-stream} format browsers' {@code EventSource} and any HTTP
 * client can read), written by the worker thread that handles the request: each event is flushed as it is sent.
 * A client that went away is noticed at the next write, so callers send a {@link #heartbeat()} (a comment line,
 * which clients ignore) when nothing else happens for a while. Not thread-safe: one worker thread writes.
 */
public final class SseStream implements AutoCloseable {
    private final HttpServerExchange exchange;
    private final OutputStream out;
    private boolean open = true;

    private SseStream(HttpServerExchange exchange, OutputStream out) {
        this.exchange = exchange;
        this.out = out;
    }

    /** Whether the client asked for events ({@code Accept: text/event-stream}). */
    public static boolean requested(HttpServerExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst(Headers.ACCEPT);
        return accept != null && accept.contains("text/event-stream");
    }

    /** Starts a 200 reply of events on {@code exchange}; worker thread. */
    public static SseStream open(HttpServerExchange exchange) {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/event-stream; charset=UTF-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseHeaders().put(HttpString.tryFromString("X-Accel-Buffering"), "no"); // proxies: no buffering
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        return new SseStream(exchange, exchange.getOutputStream());
    }

    /**
     * Sends one event.
     *
     * @param data one line of text (JSON); line breaks would end the event
     * @return false when the client is gone
     */
    public boolean send(String event, String data) {
        return write("event: " + event + "\ndata: " + data + "\n\n");
    }

    /** A comment line that keeps proxies from closing the connection and finds out whether the client is there. */
    public boolean heartbeat() {
        return write(":\n\n");
    }

    private boolean write(String text) {
        if (!open) {
            return false;
        }
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            open = false;
            return false;
        }
    }

    /** Ends the reply (the client sees the stream end). */
    @Override
    public void close() {
        if (open) {
            open = false;
            try {
                out.close();
            } catch (IOException e) {
                // the client is gone; nothing left to tell it
            }
        }
        exchange.endExchange();
    }
}
