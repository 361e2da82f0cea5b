package io.simcast.app.console.viewers;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.session.WorkerThreads;
import io.simcast.generate.LlmConfiguration;
import io.simcast.mcp.McpHttp;
import io.simcast.sim.physics.Simulation;
import io.simcast.streaming.host.Rendering;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.host.StreamingHost;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The console's embedded streaming host (the one {@code simcast serve} runs, on the same simulation and renderer),
 * or why there is none: sharing was turned off, or the address could not be bound. Without it the console works as
 * before and the viewers panel says why nobody can watch.
 *
 * <p>A host configured for the loopback address can be moved onto the network while the console runs
 * ({@link #shareOnNetwork}): the host is closed and started again on every interface, on the same port, as
 * {@code serve --public} binds (every request shows a token, as always); share links live in the link file, so they
 * keep working. Viewers connected at that moment are ended with the old host, as ones that may come back: their pages
 * reconnect by themselves to the new one on the same port (the network binding answers on 127.0.0.1 as well), pages
 * on other machines only while the host is on the network.
 *
 * <p>Started and closed on the main thread (or a test's), never the JavaFX thread; switching runs on
 * {@code simcast-console-sharing}, which also calls the listeners. {@link #host()} is read from any thread.
 */
public final class Sharing implements AutoCloseable {
    /** The host serving now, or why none does. */
    private record Current(Optional<StreamingHost> host, String problem, boolean onNetwork) {}

    private final StreamingConfig config;
    private final Simulation simulation;
    private final Rendering rendering;
    private final Supplier<LlmConfiguration> llm;
    private final ExecutorService thread = WorkerThreads.single("simcast-console-sharing");
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Current current;

    private Sharing(StreamingConfig config, Simulation simulation, Rendering rendering,
                    Supplier<LlmConfiguration> llm) {
        this.config = config;
        this.simulation = simulation;
        this.rendering = rendering;
        this.llm = llm;
    }

    /**
     * Starts the host, which logs its address on one line.
     *
     * @param config the host's settings, or null to share nothing
     * @param onNetwork whether a host configured for the loopback address listens on every interface instead (the
     *     console's "Share on the network" switch, remembered from the last run)
     * @param llm the console's language-model settings, which the host's REST API shares
     */
    public static Sharing start(StreamingConfig config, boolean onNetwork, Simulation simulation, Rendering rendering,
                                Supplier<LlmConfiguration> llm) {
        Sharing sharing = new Sharing(config, simulation, rendering, llm);
        sharing.current = config == null ? new Current(Optional.empty(), Texts.SHARING_OFF, false)
                : sharing.serve(sharing.configFor(onNetwork, config.port()));
        return sharing;
    }

    private Current serve(StreamingConfig settings) {
        try {
            return new Current(Optional.of(StreamingHost.start(settings, simulation, rendering, llm,
                    List.of(new McpHttp()))), null, !settings.loopbackOnly());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // the address is taken or invalid, or what else failed
            return new Current(Optional.empty(), e.getMessage(), false);
        }
    }

    /** The configured settings, on every interface when asked and the configuration listens on loopback only. */
    private StreamingConfig configFor(boolean onNetwork, int port) {
        StreamingConfig base = config.onPort(port);
        return onNetwork && config.loopbackOnly() ? base.onEveryInterface() : base;
    }

    /** The host serving now. */
    public Optional<StreamingHost> host() {
        return current.host();
    }

    /** Why nobody can watch, or null while the host serves. */
    public String problem() {
        return current.problem();
    }

    /** Whether the host serving now listens on this machine's network address, not on the loopback address only. */
    public boolean onNetwork() {
        return current.onNetwork();
    }

    /** Whether the console can move its host between this computer and the network: it is configured local-only. */
    public boolean switchable() {
        return config != null && config.loopbackOnly();
    }

    /** Calls {@code listener} (on the sharing thread) after each switch, the host changed or not. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Moves the host onto the network or back onto the loopback address, keeping its port. Should the new address be
     * refused, the host goes back to where it was and the future fails with the reason.
     *
     * @return completes (on the sharing thread) once the host serves where asked
     */
    public CompletableFuture<Void> shareOnNetwork(boolean onNetwork) {
        return CompletableFuture.runAsync(() -> {
            if (!switchable()) {
                throw new IllegalStateException(Texts.SHARING_NOT_SWITCHABLE);
            }
            Current before = current;
            int port = before.host().map(host -> host.address().getPort()).orElse(config.port());
            before.host().ifPresent(StreamingHost::close);
            Current after = serve(configFor(onNetwork, port));
            if (after.host().isEmpty() && before.host().isPresent()) {
                current = serve(configFor(!onNetwork, port));
            } else {
                current = after;
            }
            listeners.forEach(Runnable::run);
            if (after.host().isEmpty()) {
                throw new IllegalStateException(after.problem());
            }
        }, thread);
    }

    /** Ends every viewer and stops serving. */
    @Override
    public void close() {
        WorkerThreads.stop(thread, false);
        current.host().ifPresent(StreamingHost::close);
    }
}
