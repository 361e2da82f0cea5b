package io.simcast.streaming.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;
import org.xnio.Options;

/**
 * Embedded Undertow: one HTTP (or HTTPS) listener for REST, the page, WebSocket signalling and WHEP. Its threads are
 * named {@code simcast-http I/O-n} (non-blocking parsing, WebSocket frames) and {@code simcast-http task-n} (workers
 * that run the routes). Connections that send nothing, or dribble a request out too slowly, are closed; headers and
 * parameters are bounded, so a client cannot hold the host's memory or sockets with half-finished requests. Started
 * and closed by the host's owner thread.
 */
public final class WebServer implements AutoCloseable {
    private static final int IO_THREADS = 2;
    private static final int WORKER_THREADS = 8;
    /** A connection that has not sent a request this long after the last one is closed. */
    private static final int IDLE_MILLIS = 60_000;
    /** A request whose headers take longer than this to arrive is refused (slowloris). */
    private static final int PARSE_MILLIS = 10_000;
    /** Requests carry a few short headers; the page's longest is its address with a token. */
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_HEADERS = 64;
    private static final int MAX_PARAMETERS = 32;

    private final Undertow undertow;
    private final InetSocketAddress address;

    private WebServer(Undertow undertow) {
        this.undertow = undertow;
        this.address = (InetSocketAddress) undertow.getListenerInfo().getFirst().getAddress();
    }

    /**
     * Binds {@code host:port} and starts serving {@code handler}.
     *
     * @param maxEntityBytes hard cap Undertow enforces on any body, a backstop to {@link RequestBody}'s 413
     * @param tls serve HTTPS (and WSS) with this context, or null for plain HTTP
     * @throws RuntimeException when the port is taken or the address cannot be bound (the message says which)
     */
    public static WebServer start(String host, int port, HttpHandler handler, long maxEntityBytes, SSLContext tls) {
        Undertow.Builder builder = Undertow.builder();
        if (tls == null) {
            builder.addHttpListener(port, host);
        } else {
            builder.addHttpsListener(port, host, tls);
        }
        Undertow undertow = builder
                .setIoThreads(IO_THREADS)
                .setWorkerThreads(WORKER_THREADS)
                .setWorkerOption(Options.WORKER_NAME, "simcast-http")
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, maxEntityBytes)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, IDLE_MILLIS)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, PARSE_MILLIS)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
                .setServerOption(UndertowOptions.MAX_HEADERS, MAX_HEADERS)
                .setServerOption(UndertowOptions.MAX_PARAMETERS, MAX_PARAMETERS)
                .setServerOption(UndertowOptions.MAX_COOKIES, MAX_HEADERS)
                .setHandler(handler)
                .build();
        undertow.start();
        return new WebServer(undertow);
    }

    /** The bound address (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
