package io.simcast.testkit;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A bad network between the host and the browsers, made inside the private network namespace of
 * {@code scripts/netns.sh} (it refuses to run anywhere else: the rules would hit the machine's own traffic).
 *
 * <p>Both sides' media runs between host candidates on the namespace's veth address (10.99.0.1); the page, its
 * signalling socket and DevTools use 127.0.0.1. So every rule here matches packets <em>to</em> 10.99.0.1 as they
 * arrive: each media packet, host to browser and browser to host (RTP, RTCP, STUN), is judged once, while
 * signalling is left alone, as a real viewer's page would already be loaded. Loss and outages are iptables rules in
 * the namespace ({@code statistic} match, then DROP, in INPUT: the sender never learns). Delay is made in user space
 * (this machine's kernel has no netem): the same rule hands each media packet to an NFQUEUE and {@link PacketDelay}
 * lets it through once its delay has passed, so a packet each way is delayed once, as on a real link.
 *
 * <p>Caller's thread; one impairment at a time, {@link #clear} (or {@link #close}) ends it.
 */
public final class LinkImpairment implements AutoCloseable {
    /** The veth netns.sh makes; its presence says we are in that namespace and not on the machine itself. */
    public static final String NAMESPACE_LINK = "simcast0";
    private static final String MEDIA_ADDRESS = "10.99.0.1";
    private static final String CHAIN = "SIMCAST-LINK";

    private static final int QUEUE = 7;

    private PacketDelay delay;
    private Optional<DelayLine> lastDelay = Optional.empty();

    /**
     * What a delay did: packets held, and how late past its due time the user-space delay line let a packet go on
     * average and at worst (its own error, which grows with the machine's load).
     */
    public record DelayLine(long packets, double meanLateMillis, double mostLateMillis) {}

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

    /**
     * Delays every media packet, both ways, by {@code millis} give or take {@code jitterMillis} (uniform, as netem's
     * {@code delay 100ms 20ms}; packets may be reordered, as with netem).
     *
     * @throws IOException when the kernel has no NFQUEUE, saying so
     */
    public void delay(int millis, int jitterMillis) throws IOException, InterruptedException {
        clear();
        delay = PacketDelay.start(QUEUE, millis, jitterMillis);
        run("iptables", "-A", CHAIN, "-j", "NFQUEUE", "--queue-num", Integer.toString(QUEUE), "--queue-bypass");
    }

    /** Back to a clean link. */
    public void clear() throws IOException, InterruptedException {
        run("iptables", "-F", CHAIN);
        if (delay != null) {
            delay.close();
            lastDelay = Optional.of(delay.report());
            delay = null;
        }
    }

    /** Media packets delayed since the last {@link #clear}, for a report. */
    public long delayed() {
        return delay == null ? 0 : delay.delayed();
    }

    /** The last delay's report, once it has been cleared. */
    public Optional<DelayLine> lastDelay() {
        return lastDelay;
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

    private static String run(String... command) throws IOException, InterruptedException {
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
