package io.simcast.testkit;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A bad network between the host and the browsers, made inside the private network namespace of
 * {@code scripts/netns.sh} (it refuses to run anywhere else: the rules would hit the machine's own traffic).
 *
 * <p>Both sides' media runs between host candidates on the namespace's veth address (10.99.0.1); the page, its
 * signalling socket and DevTools use 127.0.0.1. So every rule here matches packets <em>to</em> 10.99.0.1 as they
 * arrive: each media packet, host to browser and browser to host (RTP, RTCP, STUN), is judged once, while
 * signalling is left alone, as a real viewer's page would already be loaded. Loss and outages are iptables rules in
 * the namespace ({@code statistic} match, then DROP, in INPUT: the sender never learns). Delay needs the kernel's
 * netem qdisc ({@code tc netem}), on the loopback device through which those packets travel; {@link #delaySupported}
 * says whether this kernel has it.
 *
 * <p>Caller's thread; one impairment at a time, {@link #clear} (or {@link #close}) ends it.
 */
public final class LinkImpairment implements AutoCloseable {
    /** The veth netns.sh makes; its presence says we are in that namespace and not on the machine itself. */
    public static final String NAMESPACE_LINK = "simcast0";
    private static final String MEDIA_ADDRESS = "10.99.0.1";
    private static final String CHAIN = "SIMCAST-LINK";

    private boolean netem;

    private LinkImpairment() {}

    /**
     * Installs the (empty) rule chain that every impairment fills.
     *
     * @throws IllegalStateException outside scripts/netns.sh's namespace, or without root and iptables, saying so
     */
    public static LinkImpairment install() throws IOException, InterruptedException {
        requireNamespace();
        run("iptables", "-N", CHAIN);
        run("iptables", "-I", "INPUT", "-d", MEDIA_ADDRESS, "-j", CHAIN);
        return new LinkImpairment();
    }

    /** Drops {@code percent} of media packets, at random, both ways. */
    public void loss(double percent) throws IOException, InterruptedException {
        clear();
        run("iptables", "-A", CHAIN, "-m", "statistic", "--mode", "random", "--probability",
                String.format(Locale.ROOT, "%.4f", percent / 100), "-j", "DROP");
    }

    /** Drops every media packet, both ways, until {@link #clear}. */
    public void outage() throws IOException, InterruptedException {
        clear();
        run("iptables", "-A", CHAIN, "-j", "DROP");
    }

    /** Whether this kernel has the netem qdisc that {@link #delay} needs. */
    public static boolean delaySupported() throws InterruptedException {
        try {
            run("tc", "qdisc", "add", "dev", "lo", "root", "netem", "delay", "0ms");
            run("tc", "qdisc", "del", "dev", "lo", "root");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Delays every packet on the namespace's loopback device (media and signalling alike: netem has no per-address
     * filter without the prio qdisc) by {@code millis}, give or take {@code jitterMillis}.
     *
     * @throws IOException when the kernel has no netem ({@link #delaySupported})
     */
    public void delay(int millis, int jitterMillis) throws IOException, InterruptedException {
        clear();
        run("tc", "qdisc", "add", "dev", "lo", "root", "netem", "delay", millis + "ms", jitterMillis + "ms");
        netem = true;
    }

    /** Back to a clean link. */
    public void clear() throws IOException, InterruptedException {
        run("iptables", "-F", CHAIN);
        if (netem) {
            run("tc", "qdisc", "del", "dev", "lo", "root");
            netem = false;
        }
    }

    /** Media packets dropped by the rules since the last {@link #clear}, for a report. */
    public long dropped() throws IOException, InterruptedException {
        String listing = run("iptables", "-L", CHAIN, "-v", "-n", "-x");
        long total = 0;
        for (String line : listing.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length > 2 && fields[2].equals("DROP")) {
                total += Long.parseLong(fields[0]);
            }
        }
        return total;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        clear();
        run("iptables", "-D", "INPUT", "-d", MEDIA_ADDRESS, "-j", CHAIN);
        run("iptables", "-X", CHAIN);
    }

    private static void requireNamespace() throws SocketException {
        if (NetworkInterface.getByName(NAMESPACE_LINK) == null) {
            throw new IllegalStateException("a bad network is made only inside the private network namespace of"
                    + " scripts/netns.sh (no " + NAMESPACE_LINK + " link here): run as root through scripts/netns.sh");
        }
    }

    /** Runs a command, failing with its output when it fails. */
    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                    + output.strip());
        }
        return output;
    }
}
