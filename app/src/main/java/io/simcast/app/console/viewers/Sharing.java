package io.simcast.app.console.viewers;

import io.simcast.app.console.kit.Texts;
import io.simcast.generate.LlmConfiguration;
import io.simcast.sim.physics.Simulation;
import io.simcast.streaming.host.Rendering;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.host.StreamingHost;
import io.simcast.mcp.McpHttp;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The console's embedded streaming host (the one {@code simcast serve} runs, on the same simulation and renderer),
 * or why there is none: sharing was turned off, or the address could not be bound. Without it the console works as
 * before and the viewers panel says why nobody can watch.
 *
 * <p>Started and closed on the main thread (or a test's), never the JavaFX thread. The host itself is thread-safe.
 */
public final class Sharing implements AutoCloseable {
    private final StreamingHost host;
    private final String problem;

    private Sharing(StreamingHost host, String problem) {
        this.host = host;
        this.problem = problem;
    }

    /**
     * Starts the host, which logs its address on one line.
     *
     * @param config the host's settings, or null to share nothing
     * @param llm the console's language-model settings, which the host's REST API shares
     */
    public static Sharing start(StreamingConfig config, Simulation simulation, Rendering rendering,
                                Supplier<LlmConfiguration> llm) {
        if (config == null) {
            return new Sharing(null, Texts.SHARING_OFF);
        }
        try {
            return new Sharing(StreamingHost.start(config, simulation, rendering, llm, List.of(new McpHttp())), null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Sharing(null, e.getMessage()); // the address is taken or invalid, or what else failed
        }
    }

    public Optional<StreamingHost> host() {
        return Optional.ofNullable(host);
    }

    /** Why nobody can watch, or null while the host serves. */
    public String problem() {
        return problem;
    }

    /** Ends every viewer and stops serving. */
    @Override
    public void close() {
        if (host != null) {
            host.close();
        }
    }
}
