package io.simcast.app.cli;

import io.simcast.sim.physics.Simulation;
import io.simcast.sim.render.RenderUnavailableException;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.sim.scene.SceneLocator;
import io.simcast.streaming.host.Rendering;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.host.StreamingHost;
import io.simcast.streaming.StreamingMessages;
import io.simcast.generate.LlmConfiguration;
import io.simcast.mcp.McpHttp;
import io.simcast.streaming.access.OperatorToken;
import io.simcast.streaming.Role;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simcast serve}: the headless host. Options override the environment ({@link HostOptions}, and SCENE), which
 * override the defaults. Without {@code --public} it says that only this computer can open its links and how to share
 * on the network. With {@code --public} it prints a viewer link and a controller link, one line each, and
 * where the operator token is (never the token). Runs on {@code main} until the process is stopped (Ctrl+C, SIGTERM),
 * then closes the host, the renderer and the simulation in that order. Without EGL the host still serves the page and
 * the API and says why there is no video.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run a scene and serve it to browsers over WebRTC (page, REST API, WHEP).")
public final class ServeCommand implements Callable<Integer> {
    static final String DEFAULT_SCENE = "double-pendulum";
    private static final String SCENE_VARIABLE = "SCENE";
    /**
     * Every environment variable serve reads: the host's, the operator token, then the scene (deploy/ is checked
     * against this list).
     */
    public static final List<String> ENVIRONMENT = Stream.concat(StreamingConfig.ENVIRONMENT.stream(),
            Stream.of(OperatorToken.VARIABLE, SCENE_VARIABLE)).toList();

    @Option(names = "--scene", paramLabel = "ID_OR_FILE",
            description = "Preset id, MJCF/URDF file or folder (default " + DEFAULT_SCENE + ", env SCENE).")
    String scene;

    @CommandLine.Mixin
    HostOptions hostOptions = new HostOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        HostOptions.Resolved resolved = hostOptions.config(env);
        StreamingConfig config = resolved.config();
        String sceneId = scene != null ? scene : env.getOrDefault(SCENE_VARIABLE, DEFAULT_SCENE);
        Simulation simulation = Simulation.start(new SceneCompiler().compile(
                SceneLocator.locate(sceneId, SceneLimits.DEFAULT)));
        Renderer renderer = null;
        Rendering rendering;
        try {
            renderer = Renderer.start(simulation);
            rendering = Rendering.of(renderer);
        } catch (RenderUnavailableException e) {
            rendering = Rendering.unavailable(e.getMessage());
        }
        StreamingHost streaming;
        try {
            streaming = StreamingHost.start(config, simulation, rendering, LlmConfiguration::forThisUser,
                    List.of(new McpHttp()));
        } catch (RuntimeException e) {
            if (renderer != null) {
                renderer.close();
            }
            simulation.close();
            throw e;
        }
        announce(streaming, resolved, spec.commandLine().getOut());
        Renderer started = renderer;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streaming.close();
            if (started != null) {
                started.close();
            }
            simulation.close();
            stopped.countDown();
        }, "simcast-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * Prints what the operator needs: where the operator token is (scripts read it), the operator's own page (a link
     * that opens once), and for a public host a new viewer link and controller link (kept until revoked: the console
     * or {@code DELETE /api/links/ID}).
     */
    static void announce(StreamingHost host, HostOptions.Resolved resolved, PrintWriter out) {
        resolved.announceToken(out);
        out.println(StreamingMessages.operatorLink(host.operatorPage()));
        if (resolved.config().loopbackOnly() && resolved.config().publicUrl() == null) {
            out.println(StreamingMessages.localOnly());
            out.flush();
            return;
        }
        out.println("viewer link: " + host.links().create(Role.VIEWER, null, 0).address(host.pageAddress()));
        out.println("controller link: " + host.links().create(Role.CONTROLLER, null, 0).address(host.pageAddress()));
        out.flush();
    }
}
