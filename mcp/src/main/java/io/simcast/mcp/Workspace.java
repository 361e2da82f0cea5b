package io.simcast.mcp;

import io.simcast.generate.SceneGenerator;
import io.simcast.sim.physics.SceneLoading;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.rl.RlSessions;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything the tools act on, the same for both transports: the shared simulation (with its renderer), the way
 * scenes are loaded (the REST API's), RL environments, sessions' sandboxes, share links when a host serves people,
 * and scene generation. Immutable; the parts are closed by whoever made them (see {@link #close}).
 *
 * @param transport {@code stdio} or {@code http}, for host_info
 * @param sharing the host's links and page address, empty when no host serves people (stdio without --serve)
 * @param unauthenticated who a call that carries no grant is: the operator over stdio (the user launched the
 *     process), a viewer over HTTP (every HTTP call carries the grant its token gave)
 */
record Workspace(String transport, Target shared, SceneLoading scenes, RlSessions rl, Sandboxes sandboxes,
                 Optional<Sharing> sharing, Supplier<SceneGenerator> generator, Grant unauthenticated)
        implements AutoCloseable {
    /** The name of the shared simulation, as tool results call it. */
    static final String SHARED = "shared";

    /** The shared simulation, or the session's sandbox named by the call's {@code sandbox} argument. */
    Target target(ToolCall call) {
        return call.optionalString("sandbox").map(id -> sandboxes.use(call.session(), id)).orElse(shared);
    }

    /** Closes the sandboxes and what the shared target made (not the shared simulation: its owner closes it). */
    @Override
    public void close() {
        sandboxes.close();
        shared.close();
    }
}
