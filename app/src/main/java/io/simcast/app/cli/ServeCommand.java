package io.simcast.app.cli;

import io.simcast.sim.physics.Simulation;
import io.simcast.sim.render.RenderUnavailableException;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.sim.scene.SceneLocator;
import io.simcast.streaming.Rendering;
import io.simcast.streaming.StreamingConfig;
import io.simcast.streaming.StreamingHost;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simcast serve}: the headless host. Options override the environment (HOST, PORT, FRAME_WIDTH,
 * FRAME_HEIGHT, FRAME_RATE, MAX_VIEWERS, ICE_SERVERS, TURN_USERNAME, TURN_CREDENTIAL, WEBRTC_UDP_PORTS, VIEW_MODE,
 * RL_IDLE_TIMEOUT, SCENE), which override the defaults. Runs on {@code main} until the process is stopped (Ctrl+C, SIGTERM), then
 * closes the host, the renderer and the simulation in that order. Without EGL the host still serves the page and
 * the API and says why there is no video.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run a scene and serve it to browsers over WebRTC (page, REST API, WHEP).")
final class ServeCommand implements Callable<Integer> {
    static final String DEFAULT_SCENE = "double-pendulum";

    @Option(names = "--scene", paramLabel = "ID_OR_FILE",
            description = "Preset id, MJCF/URDF file or folder (default " + DEFAULT_SCENE + ", env SCENE).")
    String scene;

    @CommandLine.Mixin
    HostOptions hostOptions = new HostOptions();

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        StreamingConfig config = hostOptions.config(env);
        String sceneId = scene != null ? scene : env.getOrDefault("SCENE", DEFAULT_SCENE);
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
            streaming = StreamingHost.start(config, simulation, rendering);
        } catch (RuntimeException e) {
            if (renderer != null) {
                renderer.close();
            }
            simulation.close();
            throw e;
        }
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
}
