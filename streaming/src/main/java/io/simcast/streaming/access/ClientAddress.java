package io.simcast.streaming.access;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;

/**
 * The address a viewer connects from, for the cap on viewers per address: the connection's source, or, when the
 * connection comes from this machine with an {@code X-Forwarded-For} header (nginx in front, as docs/SECURITY.md
 * shows), the header's last entry: the address the proxy itself saw ({@code $proxy_add_x_forwarded_for} appends it).
 * Only a proxy on this machine is believed; a forwarder that adds no header counts as one address for everyone
 * behind it. Stateless; any thread.
 */
public final class ClientAddress {
    private static final HttpString FORWARDED_FOR = HttpString.tryFromString("X-Forwarded-For");

    private ClientAddress() {}

    /** The client's address in words ({@code 203.0.113.9}, {@code 2001:db8::1}), or {@code unknown}. */
    public static String of(HttpServerExchange exchange) {
        return of(exchange.getSourceAddress(), exchange.getRequestHeaders().getLast(FORWARDED_FOR));
    }

    /**
     * @param source the connection's peer
     * @param forwarded the last {@code X-Forwarded-For} header, or null
     */
    public static String of(java.net.SocketAddress source, String forwarded) {
        if (!(source instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return "unknown";
        }
        InetSocketAddress from = inet;
        if (from.getAddress().isLoopbackAddress() && forwarded != null && !forwarded.isBlank()) {
            String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
            if (!last.isEmpty() && last.length() <= 64) {
                return last;
            }
        }
        return from.getAddress().getHostAddress();
    }
}
