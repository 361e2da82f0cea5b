package io.simcast.streaming.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import org.xnio.Options;

/**
 * Embedded Undertow: one HTTP listener for REST, the page, WebSocket signalling and WHEP. Its threads are named
 * {@code simcast-http I/O-n} (non-blocking parsing, WebSocket frames) and {@code simcast-http task-n} (workers
 * that run the routes). Started and closed by the host's owner thread.
 */
public final class WebServer implements AutoCloseable {
    private static final int IO_THREADS = 2;
    private static final int WORKER_THREADS = 8;

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
     * @throws RuntimeException when the port is taken or the address cannot be bound (the message says which)
     */
    public static WebServer start(String host, int port, HttpHandler handler, long maxEntityBytes) {
        Undertow undertow = Undertow.builder()
                .addHttpListener(port, host)
                .setIoThreads(IO_THREADS)
                .setWorkerThreads(WORKER_THREADS)
                .setWorkerOption(Options.WORKER_NAME, "simcast-http")
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, maxEntityBytes)
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
