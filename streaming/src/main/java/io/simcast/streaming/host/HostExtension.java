package io.simcast.streaming.host;

import io.simcast.streaming.access.Access;
import io.undertow.server.HttpHandler;
import java.util.List;
import java.util.Objects;

/**
 * A part the embedder adds to the host beside its own routes, without the host knowing what it is (app mounts the
 * MCP server at {@code /mcp} this way). Each of its routes declares its {@link Access} like every route of
 * {@link HostRoutes}, and the host's {@code Guard} enforces it before the route runs, with {@code Authorization:
 * Bearer} tokens only. {@link #mount} is called once on the thread starting the host; {@link #close} once when the
 * host closes, after it stopped accepting requests and before its own parts close.
 */
public interface HostExtension extends AutoCloseable {
    /**
     * One route: an HTTP method ({@code GET}, {@code POST}, ...), a path template, who may call it, and the handler
     * (called on an Undertow IO thread: dispatch blocking work to a worker).
     */
    record Route(String method, String template, Access access, HttpHandler handler) {
        public Route {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(access, "access");
            Objects.requireNonNull(handler, "handler");
        }
    }

    /** The routes to add, given what the host serves. */
    List<Route> mount(HostServices services);

    /** Ends whatever the extension keeps (sessions, private simulations). */
    @Override
    void close();
}
