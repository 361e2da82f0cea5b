package io.simcast.streaming;

import io.simcast.streaming.host.Rendering;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.host.StreamingHost;
import io.simcast.generate.LlmConfiguration;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.generate.secrets.FileSecretStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A real host for tests: a MuJoCo simulation of a preset, the EGL renderer, Undertow on 127.0.0.1 and a free port,
 * WebRTC.
 */
public final class TestHost implements AutoCloseable {
    public final Simulation simulation;
    public final Renderer renderer;
    public final StreamingHost host;
    /** Only against hangs: a scene upload's isolated check alone can take a minute on a busy machine. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(3);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    private TestHost(Simulation simulation, Renderer renderer, StreamingHost host) {
        this.simulation = simulation;
        this.renderer = renderer;
        this.host = host;
    }

    /** A host whose language-model settings start empty, in a folder of their own. */
    public static TestHost start(String preset, StreamingConfig.Builder config) throws Exception {
        Path folder = Files.createTempDirectory("simcast-test-llm");
        return start(preset, config, () -> new LlmConfiguration(folder, new FileSecretStore(folder)));
    }

    /** A host whose API-key and generation endpoints use {@code llm} (settings in a test's own folder). */
    public static TestHost start(String preset, StreamingConfig.Builder config, Supplier<LlmConfiguration> llm)
            throws Exception {
        Simulation simulation = simulation(preset);
        Renderer renderer = null;
        try {
            renderer = Renderer.start(simulation);
            StreamingHost host = StreamingHost.start(config.host("127.0.0.1").port(0).build(), simulation,
                    Rendering.of(renderer), llm);
            return new TestHost(simulation, renderer, host);
        } catch (RuntimeException e) {
            if (renderer != null) {
                renderer.close();
            }
            simulation.close();
            throw e;
        }
    }

    /** A running simulation of the built-in preset {@code preset}, for tests that assemble their own host parts. */
    public static Simulation simulation(String preset) throws Exception {
        PresetCatalog catalog = PresetCatalog.builtIn();
        return Simulation.start(new SceneCompiler().compile(catalog.source(catalog.find(preset).orElseThrow())));
    }

    public static TestHost start(String preset) throws Exception {
        return start(preset, StreamingConfig.builder());
    }

    /** The client the helpers below use, for requests they do not cover. */
    public HttpClient http() {
        return http;
    }

    public URI uri(String path) {
        return host.address().resolve(path);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request whose answer is bytes (an RL copy's frame). */
    public HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        host.close();
        renderer.close();
        simulation.close();
    }
}
