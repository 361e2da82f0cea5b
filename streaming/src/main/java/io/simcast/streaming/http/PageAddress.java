package io.simcast.streaming.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.Collections;

/**
 * Where the host can be reached, as URLs: {@link #local} for this machine (the loopback address when the host binds
 * every interface) and {@link #forPeople} for share links (the configured public URL, else this machine's first
 * private IPv4 address when it binds every interface, else the bound address). Called once at start.
 */
public final class PageAddress {
    private PageAddress() {}

    /** The page's address from this machine, e.g. {@code http://127.0.0.1:8000/}. */
    public static URI local(InetSocketAddress bound, boolean tls) {
        InetAddress address = bound.getAddress();
        String host = address != null && address.isAnyLocalAddress() ? "127.0.0.1" : bound.getHostString();
        return url(host, bound.getPort(), tls);
    }

    /** The page's address for other people: what share links start with. */
    public static URI forPeople(URI configured, InetSocketAddress bound, boolean tls) {
        if (configured != null) {
            return configured;
        }
        InetAddress address = bound.getAddress();
        if (address != null && address.isAnyLocalAddress()) {
            InetAddress lan = firstPrivateAddress();
            if (lan != null) {
                return url(lan.getHostAddress(), bound.getPort(), tls);
            }
        }
        return local(bound, tls);
    }

    private static InetAddress firstPrivateAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address;
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: the loopback address is all we can offer
        }
        return null;
    }

    private static URI url(String host, int port, boolean tls) {
        String name = host.contains(":") ? "[" + host + "]" : host;
        return URI.create((tls ? "https://" : "http://") + name + ":" + port + "/");
    }
}
