package io.simcast.mcp;

import io.simcast.sim.physics.Simulation;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.RenderUnavailableException;
import io.simcast.sim.scene.Scene;
import io.simcast.streaming.host.Rendering;
import io.simcast.streaming.watch.WatchSources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private simulations ("sandboxes") of MCP sessions: each its own {@link Simulation}, and its own {@link Renderer}
 * when the machine can render, so an agent can try things without touching what everybody watches. A sandbox
 * belongs to the session that opened it, is closed when that session ends or when it got no tool call for the idle
 * timeout, and there are limits per session and per host, refused with a sentence that says which. Where a host
 * serves people, each sandbox is on the page's Watch list while it is open ({@link WatchSources}), and is taken off
 * it (its viewers sent back to the simulation) before its renderer closes.
 *
 * <p>Any thread. Opening and closing run on the caller's thread (a tool call's, or {@code simcast-mcp-sandboxes},
 * which closes idle ones); listeners hear about both and must not block.
 */
final class Sandboxes implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sandboxes.class);

    /** Limits and the idle timeout. */
    record Limits(int perSession, int perHost, Duration idle) {
        static final Limits DEFAULT = new Limits(2, 8, Duration.ofMinutes(10));
    }

    /** One open sandbox. */
    static final class Sandbox {
        private final String id;
        private final String session;
        private final Target target;
        private final Optional<WatchSources.Publication> listed;
        private volatile long lastUsedNanos = System.nanoTime();

        Sandbox(String id, String session, Target target, Optional<WatchSources.Publication> listed) {
            this.id = id;
            this.session = session;
            this.target = target;
            this.listed = listed;
        }

        String id() {
            return id;
        }

        String session() {
            return session;
        }

        Target target() {
            return target;
        }
    }

    private final Limits limits;
    private final BooleanSupplier render;
    private final Optional<WatchSources> watchList;
    private final Map<String, Sandbox> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService idleCheck;

    /**
     * @param render whether sandboxes get a renderer (the machine can render; may wait for the shared renderer's
     *     start to know)
     * @param watchList where people watch them: the host's Watch list, empty where no host serves people
     */
    Sandboxes(Limits limits, BooleanSupplier render, Optional<WatchSources> watchList) {
        this.limits = limits;
        this.render = render;
        this.watchList = watchList;
        this.idleCheck = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("simcast-mcp-sandboxes").daemon().factory());
        long period = Math.max(1, limits.idle().toMillis() / 4);
        idleCheck.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    Limits limits() {
        return limits;
    }

    /**
     * Starts a sandbox running {@code scene} (paused), taking the scene's model reference, and lists it on the
     * Watch list as {@code name} (or a name made of its id and the scene's title).
     *
     * @throws ToolError beyond a limit (the scene is released)
     */
    Sandbox open(String session, Scene scene, Optional<String> name) {
        Sandbox sandbox;
        synchronized (this) {
            if (open.size() >= limits.perHost()) {
                scene.release();
                throw new ToolError(McpMessages.sandboxesPerHost(limits.perHost()));
            }
            if (ofSession(session).size() >= limits.perSession()) {
                scene.release();
                throw new ToolError(McpMessages.sandboxesPerSession(limits.perSession()));
            }
            String id = String.format("sb-%06x", ThreadLocalRandom.current().nextInt(1 << 24));
            Simulation simulation = Simulation.start(scene, new Simulation.Options(false, 1, true));
            Rendering rendering = Rendering.unavailable(McpMessages.noRendererHere());
            if (render.getAsBoolean()) {
                try {
                    rendering = Rendering.of(Renderer.start(simulation));
                } catch (RenderUnavailableException e) {
                    rendering = Rendering.unavailable(e.getMessage());
                }
            }
            Optional<Renderer> drawn = rendering instanceof Rendering.Available available
                    ? Optional.of(available.renderer()) : Optional.empty();
            Optional<WatchSources.Publication> listed = watchList.map(list -> list.publish(new WatchSources.Entry(id,
                    name.orElseGet(() -> McpMessages.sandboxTitle(id, scene.title())), McpMessages.sandboxKind()),
                    drawn));
            sandbox = new Sandbox(id, session, new Target(id, simulation, rendering, true), listed);
            open.put(id, sandbox);
        }
        log.info("Sandbox {} opened for MCP session {} ({})", sandbox.id(), session, scene.id());
        return sandbox;
    }

    /**
     * The session's sandbox {@code id}, marked as used now.
     *
     * @throws ToolError when the session has no such sandbox
     */
    Target use(String session, String id) {
        Sandbox sandbox = open.get(id);
        if (sandbox == null || !sandbox.session().equals(session)) {
            throw new ToolError(McpMessages.noSandbox(id));
        }
        sandbox.lastUsedNanos = System.nanoTime();
        return sandbox.target();
    }

    List<Sandbox> ofSession(String session) {
        return open.values().stream().filter(s -> s.session().equals(session)).toList();
    }

    List<Sandbox> all() {
        return List.copyOf(open.values());
    }

    Optional<Sandbox> find(String id) {
        return Optional.ofNullable(open.get(id));
    }

    /** Closes one of the session's sandboxes; false when it has none of that id. */
    boolean close(String session, String id) {
        Sandbox sandbox = open.get(id);
        if (sandbox == null || !sandbox.session().equals(session) || !open.remove(id, sandbox)) {
            return false;
        }
        shut(sandbox, "closed by its session");
        return true;
    }

    /** Closes every sandbox of a session that ended. */
    void sessionEnded(String session) {
        for (Sandbox sandbox : ofSession(session)) {
            if (open.remove(sandbox.id(), sandbox)) {
                shut(sandbox, "its MCP session ended");
            }
        }
    }

    private void closeIdle() {
        long now = System.nanoTime();
        for (Sandbox sandbox : open.values()) {
            if (now - sandbox.lastUsedNanos > limits.idle().toNanos() && open.remove(sandbox.id(), sandbox)) {
                shut(sandbox, McpMessages.sandboxClosedIdle(sandbox.id()));
            }
        }
    }

    private void shut(Sandbox sandbox, String why) {
        try {
            sandbox.listed.ifPresent(WatchSources.Publication::withdraw); // its viewers leave before its renderer
            sandbox.target().close();
        } catch (RuntimeException e) {
            log.warn("Sandbox {} did not close cleanly: {}", sandbox.id(), e.toString());
        }
        log.info("Sandbox {} closed: {}", sandbox.id(), why);
    }

    /** Closes every sandbox and stops the idle check. */
    @Override
    public void close() {
        idleCheck.shutdownNow();
        for (Sandbox sandbox : new ArrayList<>(open.values())) {
            if (open.remove(sandbox.id(), sandbox)) {
                shut(sandbox, "the MCP server stopped");
            }
        }
    }
}
