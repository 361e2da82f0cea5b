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
 * WebRTC. Every host has an operator token ({@link #OPERATOR_TOKEN} unless the test gives its own), which the helpers
 * below send as a script on this machine would; requests without one go through {@link #http()}.
 */
public final class TestHost implements AutoCloseable {
    public final Simulation simulation;
    public final Renderer renderer;
    public final StreamingHost host;
    /** The operator token of hosts whose test gives none. */
    public static final String OPERATOR_TOKEN = "operator-token-of-the-test-host-0123456789";
    /** Only against hangs: a scene upload's isolated check alone can take a minute on a busy machine. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(3);
    private final String operatorToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    private TestHost(Simulation simulation, Renderer renderer, StreamingHost host, String operatorToken) {
        this.simulation = simulation;
        this.renderer = renderer;
        this.host = host;
        this.operatorToken = operatorToken;
    }

    /** A host whose language-model settings start empty, in a folder of their own. */
    public static TestHost start(String preset, StreamingConfig.Builder config) throws Exception {
        return start(preset, config, emptyLlm());
    }

    /** A host whose API-key and generation endpoints use {@code llm} (settings in a test's own folder). */
    public static TestHost start(String preset, StreamingConfig.Builder config, Supplier<LlmConfiguration> llm)
            throws Exception {
        return launch(preset, config.port(0), llm);
    }

    /** A host on {@code port} of 127.0.0.1 (the port a closed host had: the same host coming back). */
    public static TestHost startOn(String preset, int port) throws Exception {
        return launch(preset, StreamingConfig.builder().port(port), emptyLlm());
    }

    private static Supplier<LlmConfiguration> emptyLlm() throws IOException {
        Path folder = Files.createTempDirectory("simcast-test-llm");
        return () -> new LlmConfiguration(folder, new FileSecretStore(folder));
    }

    private static TestHost launch(String preset, StreamingConfig.Builder config, Supplier<LlmConfiguration> llm)
            throws Exception {
        Simulation simulation = simulation(preset);
        Renderer renderer = null;
        try {
            renderer = Renderer.start(simulation);
            StreamingConfig built = config.host("127.0.0.1").build();
            if (built.operatorToken() == null) {
                built = config.operatorToken(OPERATOR_TOKEN).build();
            }
            StreamingHost host = StreamingHost.start(built, simulation, Rendering.of(renderer), llm);
            return new TestHost(simulation, renderer, host, built.operatorToken());
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

    /** The client the helpers below use, for requests without the operator's token. */
    public HttpClient http() {
        return http;
    }

    /** The token the helpers send: what a script on this machine reads from the operator token file. */
    public String operatorToken() {
        return operatorToken;
    }

    /** The operator's page, opened once from a new operator link (what {@code serve} prints). */
    public URI operatorPage() {
        return host.operatorPage();
    }

    /** The operator's page with {@code query} ({@code ""} or {@code "?view=host"}), from a new operator link. */
    public URI operatorPage(String query) {
        return host.links().create(Role.OPERATOR, null, 0).address(uri("/" + query));
    }

    public URI uri(String path) {
        return host.address().resolve(path);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)));
    }

    public HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Sends {@code request} with the operator token, unless it carries an Authorization header of its own. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(withOperatorToken(request.timeout(REQUEST_TIMEOUT)), HttpResponse.BodyHandlers.ofString());
    }

    /** A request whose answer is bytes (an RL copy's frame), with the operator token unless it carries its own. */
    public HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(withOperatorToken(request.timeout(Duration.ofSeconds(20))),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest withOperatorToken(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        return built.headers().firstValue("Authorization").isPresent() ? built
                : HttpRequest.newBuilder(built, (name, value) -> true)
                        .header("Authorization", "Bearer " + operatorToken).build();
    }

    @Override
    public void close() {
        host.close();
        renderer.close();
        simulation.close();
    }
}
