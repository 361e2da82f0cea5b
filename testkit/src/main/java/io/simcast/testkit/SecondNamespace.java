package io.simcast.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second private network namespace, as another machine on the network: made from inside scripts/netns.sh's
 * namespace (it refuses to run anywhere else), joined to it by a veth pair, {@value #ADDRESS} on its side and
 * {@value #GATEWAY} on ours, with its default route through ours (so it also reaches 10.99.0.1). Nothing in it can
 * use our loopback address: whatever runs there reaches the host only at a network address.
 *
 * <p>A {@code sleep} process holds the namespace open; commands join it with {@code nsenter}. Since Chromium's
 * DevTools listens on its own loopback address only, {@link #reach} forwards a port of it to {@value #ADDRESS} with
 * socat. Made and closed by the test's thread.
 */
public final class SecondNamespace implements AutoCloseable {
    /** Its own address. */
    public static final String ADDRESS = "10.98.0.2";
    /** Our end of the veth pair, its gateway. */
    public static final String GATEWAY = "10.98.0.1";
    private static final String OUR_LINK = "simcastb0";
    private static final String ITS_LINK = "simcastb1";

    private final Process holder;
    private final List<Process> forwarders = new ArrayList<>();

    private SecondNamespace(Process holder) {
        this.holder = holder;
    }

    /**
     * Makes the namespace and its link.
     *
     * @throws IllegalStateException outside scripts/netns.sh's namespace, saying so
     */
    public static SecondNamespace create() throws IOException, InterruptedException {
        if (NetworkInterface.getByName(LinkImpairment.NAMESPACE_LINK) == null) {
            throw new IllegalStateException("a second namespace is made only inside the private network namespace of"
                    + " scripts/netns.sh (no " + LinkImpairment.NAMESPACE_LINK + " link here): run as root through"
                    + " scripts/netns.sh");
        }
        Process holder = new ProcessBuilder("unshare", "--net", "--", "sleep", "infinity").start();
        SecondNamespace namespace = new SecondNamespace(holder);
        try {
            LinkImpairment.run("ip", "link", "add", OUR_LINK, "type", "veth", "peer", "name", ITS_LINK);
            LinkImpairment.run("ip", "addr", "add", GATEWAY + "/24", "dev", OUR_LINK);
            LinkImpairment.run("ip", "link", "set", OUR_LINK, "up");
            // unshare makes the namespace before it runs sleep: move the link once the pid's namespace differs.
            String ours = LinkImpairment.run("readlink", "/proc/self/ns/net").strip();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (LinkImpairment.run("readlink", "/proc/" + holder.pid() + "/ns/net").strip().equals(ours)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("unshare --net did not make a namespace");
                }
                Thread.sleep(20);
            }
            LinkImpairment.run("ip", "link", "set", ITS_LINK, "netns", Long.toString(holder.pid()));
            namespace.inside("ip", "link", "set", "lo", "up");
            namespace.inside("ip", "addr", "add", ADDRESS + "/24", "dev", ITS_LINK);
            namespace.inside("ip", "link", "set", ITS_LINK, "up");
            namespace.inside("ip", "route", "add", "default", "via", GATEWAY);
            return namespace;
        } catch (IOException | RuntimeException e) {
            namespace.close();
            throw e;
        }
    }

    /** {@code command} as run inside the namespace. */
    public List<String> command(List<String> command) {
        List<String> joined = new ArrayList<>(List.of("nsenter", "--net=/proc/" + holder.pid() + "/ns/net", "--"));
        joined.addAll(command);
        return joined;
    }

    private void inside(String... command) throws IOException, InterruptedException {
        LinkImpairment.run(command(List.of(command)).toArray(String[]::new));
    }

    /**
     * {@code local}, a URL on the namespace's own loopback address, as reached from outside: the same port at
     * {@value #ADDRESS}, forwarded to the loopback address inside. Returns once the forward accepts connections.
     */
    public URI reach(URI local) throws IOException, InterruptedException {
        int port = local.getPort();
        Process forwarder = new ProcessBuilder(command(List.of("socat",
                "TCP-LISTEN:" + port + ",bind=" + ADDRESS + ",fork,reuseaddr", "TCP:127.0.0.1:" + port)))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        forwarders.add(forwarder);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(ADDRESS, port), 1000);
                break;
            } catch (IOException e) {
                if (!forwarder.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("socat did not forward " + ADDRESS + ":" + port + " (is socat installed?)",
                            e);
                }
                Thread.sleep(20);
            }
        }
        return URI.create(local.toString().replaceFirst("//(127\\.0\\.0\\.1|localhost):", "//" + ADDRESS + ":"));
    }

    /** Ends the forwards and the namespace (its end of the link goes with it, and so ours). */
    @Override
    public void close() {
        forwarders.forEach(Process::destroy);
        holder.destroy();
        try {
            holder.waitFor(5, TimeUnit.SECONDS);
            LinkImpairment.run("ip", "link", "del", OUR_LINK);
        } catch (IOException e) {
            // gone with the namespace already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
