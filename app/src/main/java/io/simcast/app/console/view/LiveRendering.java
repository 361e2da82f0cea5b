package io.simcast.app.console.view;

import io.simcast.sim.physics.Simulation;
import io.simcast.sim.render.Quality;
import io.simcast.sim.render.RenderUnavailableException;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.RendererInfo;
import io.simcast.sim.render.View;
import io.simcast.sim.render.ViewSpec;
import io.simcast.streaming.host.Rendering;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's renderer (the same {@link Renderer} browsers are served from) and the console's own view of it, or
 * the reason there is none (no EGL): then the live view says so and everything else works.
 *
 * <p>Started and closed on the main thread (or a test's), never the JavaFX thread: starting creates the EGL context.
 * The view may be used from any thread.
 */
public final class LiveRendering implements AutoCloseable {
    /** The view's size until the window lays it out. */
    static final int FIRST_WIDTH = 640;
    static final int FIRST_HEIGHT = 480;
    /** The display refreshes at 60 Hz; the view draws at most that often, and only when its picture changes. */
    public static final double FPS = 60;

    private final Renderer renderer;
    private final View view;
    private final String problem;

    private LiveRendering(Renderer renderer, View view, String problem) {
        this.renderer = renderer;
        this.view = view;
        this.problem = problem;
    }

    /** Starts rendering {@code simulation}, or notes why it cannot. */
    public static LiveRendering start(Simulation simulation) {
        Renderer renderer;
        try {
            renderer = Renderer.start(simulation);
        } catch (RenderUnavailableException e) {
            return unavailable(e.getMessage());
        }
        View view = renderer.createView(new ViewSpec(FIRST_WIDTH, FIRST_HEIGHT, FPS, quality(renderer.info())));
        return new LiveRendering(renderer, view, null);
    }

    /** No rendering, for {@code reason} (what {@link RenderUnavailableException} said). */
    public static LiveRendering unavailable(String reason) {
        return new LiveRendering(null, null, reason);
    }

    /**
     * The model's own look (shadows, reflections, multisampling) where a GPU draws; the fast preset where the CPU
     * does (Mesa's llvmpipe or softpipe), which keeps the view fluid there.
     */
    static Quality quality(RendererInfo info) {
        String renderer = info.glRenderer().toLowerCase(Locale.ROOT);
        return renderer.contains("llvmpipe") || renderer.contains("softpipe") ? Quality.FAST : Quality.QUALITY;
    }

    public Optional<Renderer> renderer() {
        return Optional.ofNullable(renderer);
    }

    /** The console's own view: the live view shows it, followers of the host's view watch it. */
    public Optional<View> view() {
        return Optional.ofNullable(view);
    }

    /** Why nothing renders, or null. */
    public String problem() {
        return problem;
    }

    /** What the embedded streaming host renders with: this renderer, followers watching the console's view. */
    public Rendering forStreaming() {
        return renderer == null ? Rendering.unavailable(problem) : Rendering.of(renderer, () -> view);
    }

    /** Closes the view and stops the render thread. After the streaming host has closed. */
    @Override
    public void close() {
        if (renderer != null) {
            view.close();
            renderer.close();
        }
    }
}
