package io.simcast.streaming.access;

import io.simcast.streaming.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.generate.LlmConfiguration;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.generate.secrets.FileSecretStore;
import io.simcast.streaming.SocketClient;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.http.Json;
import io.simcast.streaming.http.RouteTable;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route of the real route table, called without a token, with a revoked link, with a viewer link, a controller
 * link and the operator token, on a host that gives this machine no operator access (as {@code serve --public}):
 * 401 without valid credentials, 403 for a role below the route's, and in both cases nothing changes (scene,
 * simulation state, links, viewers, RL environments, language-model providers). A route added to the table without a
 * line in {@link #EXPECTED} fails here. Calls that succeed are undone by the operator so each case starts alike.
 */
class RouteAccessTest {
    private static final String OPERATOR_TOKEN = "operator-token-for-tests-0123456789";
    private static final String RL_CREATE = "{\"robot\": \"cartpole\", \"task\": \"balance\"}";
    /** A provider on a port where nothing listens: setting it up must not reach anything. */
    private static final String PROVIDER = "{\"provider\": \"openai\", \"api_key\": \"sk-route-access\","
            + " \"model\": \"m\", \"base_url\": \"http://127.0.0.1:9/v1\"}";
    private static final String TINY_SCENE = "<mujoco><worldbody><body><freejoint/><geom size=\"0.1\"/></body>"
            + "</worldbody></mujoco>";

    /** The access each route needs. Add a line here when you add a route, after deciding who may call it. */
    private static final Map<String, Access> EXPECTED = expected();

    private static TestHost host;
    private static Map<Credential, String> tokens;
    private static ShareLink probeLink;
    /** An RL environment the RL routes act on; made again when a case closed it. */
    private static String rlEnv;
    private static String lastBody;

    enum Credential { NONE, REVOKED, VIEWER, CONTROLLER, OPERATOR }

    private static Map<String, Access> expected() {
        Map<String, Access> routes = new LinkedHashMap<>();
        routes.put("GET /", Access.PUBLIC);
        routes.put("GET /index.html", Access.PUBLIC);
        routes.put("POST /api/session", Access.PUBLIC);
        routes.put("DELETE /api/session", Access.PUBLIC);
        routes.put("GET /api/health", Access.PUBLIC);
        routes.put("GET /api/config", Access.VIEWER);
        routes.put("GET /api/stats", Access.OPERATOR);
        routes.put("GET /api/scene/current", Access.VIEWER);
        routes.put("GET /api/scene/presets", Access.VIEWER);
        routes.put("GET /api/scene/schema", Access.OPERATOR);
        routes.put("POST /api/scene/load", Access.OPERATOR);
        routes.put("POST /api/scene/preset/{id}", Access.OPERATOR);
        routes.put("POST /api/sim/command", Access.CONTROLLER);
        routes.put("GET /api/model", Access.VIEWER);
        routes.put("GET /api/sim/panel", Access.VIEWER);
        routes.put("GET /api/sim/key", Access.VIEWER);
        routes.put("POST /api/scene/generate", Access.CONTROLLER);
        routes.put("DELETE /api/scene/generate", Access.CONTROLLER);
        routes.put("GET /api/rl/robots", Access.VIEWER);
        routes.put("GET /api/rl", Access.VIEWER);
        routes.put("POST /api/rl/create", Access.CONTROLLER);
        routes.put("POST /api/rl/{id}/reset", Access.CONTROLLER);
        routes.put("POST /api/rl/{id}/step", Access.CONTROLLER);
        routes.put("GET /api/rl/{id}/render", Access.VIEWER);
        routes.put("GET /api/rl/{id}/state", Access.VIEWER);
        routes.put("POST /api/rl/{id}/state", Access.CONTROLLER);
        routes.put("DELETE /api/rl/{id}", Access.CONTROLLER);
        routes.put("GET /api/rl/script", Access.CONTROLLER);
        routes.put("POST /api/viewers/{id}/watch", Access.CONTROLLER);
        routes.put("GET /api/config/api-key", Access.OPERATOR);
        routes.put("POST /api/config/api-key", Access.OPERATOR);
        routes.put("POST /api/config/api-key/test", Access.OPERATOR);
        routes.put("DELETE /api/config/api-key/{provider}", Access.OPERATOR);
        routes.put("GET /api/links", Access.OPERATOR);
        routes.put("POST /api/links", Access.OPERATOR);
        routes.put("DELETE /api/links/{id}", Access.OPERATOR);
        routes.put("GET /api/recordings", Access.OPERATOR);
        routes.put("POST /api/recordings", Access.OPERATOR);
        routes.put("GET /api/recordings/{name}", Access.OPERATOR);
        routes.put("DELETE /api/recordings/{name}", Access.OPERATOR);
        routes.put("GET /ws/signaling", Access.VIEWER);
        routes.put("POST /whep", Access.VIEWER);
        routes.put("OPTIONS /whep", Access.PUBLIC);
        routes.put("PATCH /whep/{id}", Access.VIEWER);
        routes.put("DELETE /whep/{id}", Access.VIEWER);
        routes.put("OPTIONS /whep/{id}", Access.PUBLIC);
        return routes;
    }

    @BeforeAll
    static void start() throws Exception {
        Path settings = Files.createTempDirectory("simcast-route-access");
        host = TestHost.start("pendulum", StreamingConfig.builder().operatorToken(OPERATOR_TOKEN),
                () -> new LlmConfiguration(settings, new FileSecretStore(settings)));
        ShareLinks links = host.host.links();
        ShareLink revoked = links.create(Role.CONTROLLER, null, 0);
        links.revoke(revoked.id());
        probeLink = links.create(Role.VIEWER, null, 0);
        tokens = Map.of(Credential.REVOKED, revoked.token().orElseThrow(),
                Credential.VIEWER, links.create(Role.VIEWER, null, 0).token().orElseThrow(),
                Credential.CONTROLLER, links.create(Role.CONTROLLER, null, 0).token().orElseThrow(),
                Credential.OPERATOR, OPERATOR_TOKEN);
        rlEnv = createEnvironment();
    }

    /** Made by the controller link: an environment belongs to its creator, whom the operator may stand in for. */
    private static String createEnvironment() throws Exception {
        HttpResponse<String> created = send("POST", "/api/rl/create", RL_CREATE, tokens.get(Credential.CONTROLLER));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return Json.parse(created.body()).path("id").asText();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void everyRouteDeclaresTheAccessThisTestExpects() {
        Map<String, Access> declared = new LinkedHashMap<>();
        for (RouteTable.Route route : host.host.routes()) {
            declared.put(route.method() + " " + route.template(), route.access());
        }

        assertThat(declared).as("routes and their access (a new route needs a line in EXPECTED)")
                .containsExactlyInAnyOrderEntriesOf(EXPECTED);
    }

    static Stream<Arguments> everyRouteWithEveryCredential() {
        List<Arguments> cases = new ArrayList<>();
        for (String route : EXPECTED.keySet()) {
            for (Credential credential : Credential.values()) {
                cases.add(Arguments.of(route, credential));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("everyRouteWithEveryCredential")
    void aRouteAnswersEachCredentialAsItsAccessSaysAndRefusalsChangeNothing(String route, Credential credential)
            throws Exception {
        Access access = EXPECTED.get(route);
        // The session door is public (an unopened operator link's token grants nothing else) but opens for a token.
        int expected = route.equals("POST /api/session") ? expectedStatus(Access.VIEWER, credential)
                : expectedStatus(access, credential);
        State before = State.now();

        int status = route.equals("GET /ws/signaling") ? socket(credential) : request(route, credential);

        if (expected == 0) {
            assertThat(status).as("%s with %s", route, credential).isNotIn(401, 403);
        } else {
            assertThat(status).as("%s with %s", route, credential).isEqualTo(expected);
            assertThat(State.now()).as("state after a refused %s", route).isEqualTo(before);
        }
    }

    /** 0: allowed (any status but 401 and 403). */
    private static int expectedStatus(Access access, Credential credential) {
        if (access == Access.PUBLIC) {
            return 0;
        }
        return switch (credential) {
            case NONE, REVOKED -> 401;
            case VIEWER -> access.role().includes(Role.CONTROLLER) ? 403 : 0;
            case CONTROLLER -> access == Access.OPERATOR ? 403 : 0;
            case OPERATOR -> 0;
        };
    }

    @Test
    void refusalsSayWhyInWordsAndNameTheScheme() throws Exception {
        HttpResponse<String> none = send("POST", "/api/sim/command", "{\"cmd\": \"pause\"}", null);
        HttpResponse<String> revoked = send("POST", "/api/sim/command", "{\"cmd\": \"pause\"}",
                tokens.get(Credential.REVOKED));
        HttpResponse<String> viewer = send("POST", "/api/sim/command", "{\"cmd\": \"pause\"}",
                tokens.get(Credential.VIEWER));
        HttpResponse<String> controller = send("POST", "/api/scene/preset/cartpole", "",
                tokens.get(Credential.CONTROLLER));

        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"simcast\"");
        assertThat(Json.parse(none.body()).path("error").asText()).isEqualTo("This host needs a share link: open the"
                + " link the host gave you (or send Authorization: Bearer TOKEN)");
        assertThat(Json.parse(revoked.body()).path("error").asText()).isEqualTo("This link is not valid: it was"
                + " revoked, it expired, or it is incomplete. Ask the host for a new link");
        assertThat(Json.parse(viewer.body()).path("error").asText())
                .isEqualTo("This needs a controller link; yours is a viewer link");
        assertThat(Json.parse(controller.body()).path("error").asText())
                .isEqualTo("This needs the operator; yours is a controller link");
    }

    @Test
    void aTokenInTheQueryStringCountsNowhereThePageSendsItAsAHeader() throws Exception {
        String viewer = tokens.get(Credential.VIEWER);

        assertThat(host.http().send(HttpRequest.newBuilder(host.uri("/api/config?token=" + viewer)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        HttpResponse<String> session = send("POST", "/api/session", null, viewer);
        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        assertThat(Json.parse(session.body()).path("role").asText()).isEqualTo("viewer");
        HttpResponse<String> guessed = send("POST", "/api/session", null, "guessed-token-guessed-token-guessed");
        assertThat(guessed.statusCode()).isEqualTo(401);
        assertThat(Json.parse(guessed.body()).path("error").asText()).as("what a person opening a bad link reads")
                .isEqualTo("This link is not valid: it was revoked, it expired, or it is incomplete."
                        + " Ask the host for a new link");
    }

    @Test
    void healthTellsAStrangerOnlyWhetherTheHostIsUp() throws Exception {
        HttpResponse<String> stranger = send("GET", "/api/health", null, null);
        HttpResponse<String> viewer = send("GET", "/api/health", null, tokens.get(Credential.VIEWER));

        assertThat(stranger.statusCode()).isEqualTo(200);
        assertThat(Json.parse(stranger.body()).properties()).hasSize(1);
        assertThat(Json.parse(stranger.body()).path("status").asText()).isEqualTo("ok");
        assertThat(Json.parse(viewer.body()).path("scene").path("id").asText()).isEqualTo("pendulum");
    }

    @Test
    void aSocketWithoutATokenMaySendItInItsFirstMessage() throws Exception {
        try (SocketClient client = new SocketClient(socketUri())) {
            client.send("{\"type\": \"auth\", \"token\": \"" + tokens.get(Credential.CONTROLLER) + "\"}");

            JsonNode welcome = client.next("welcome");
            assertThat(welcome.path("role").asText()).isEqualTo("controller");
        }
    }

    @Test
    void aSocketWhoseFirstMessageIsNotAValidAuthIsRefusedAndClosed() throws Exception {
        try (SocketClient client = new SocketClient(socketUri())) {
            client.send("{\"type\": \"auth\", \"token\": \"guessed-token-guessed-token-guessed\"}");

            JsonNode refused = client.next("refused");
            assertThat(refused.path("reason").asText()).isEqualTo("unauthorized");
            assertThat(refused.path("message").asText()).startsWith("This link is not valid");
            assertThat(client.closed.get(30, TimeUnit.SECONDS)).isEqualTo(4401);
        }
    }

    @Test
    void aSocketThatNeverSaysWhoItIsIsClosedAfterFiveSeconds() throws Exception {
        try (SocketClient client = new SocketClient(socketUri())) {
            assertThat(client.next("refused").path("reason").asText()).isEqualTo("unauthorized");
            assertThat(client.closed.get(60, TimeUnit.SECONDS)).isEqualTo(4401);
        }
        assertThat(host.host.viewerCount()).isZero();
    }

    // ---- requests ----------------------------------------------------------------------------------------------

    private static int request(String route, Credential credential) throws Exception {
        String method = route.substring(0, route.indexOf(' '));
        String template = route.substring(route.indexOf(' ') + 1);
        String path = template.replace("{provider}", "openai").replace("{name}", "r0")
                .replace("{id}", switch (template) {
            case "/api/scene/preset/{id}" -> "cartpole";
            case "/api/links/{id}" -> probeLink.id();
            default -> template.startsWith("/api/rl/") ? rlEnv : "0123456789abcdef";
        }) + (template.equals("/api/rl/script") ? "?robot=cartpole&task=balance" : "");
        String body = switch (template) {
            case "/api/scene/load" -> TINY_SCENE;
            case "/api/sim/command" -> "{\"cmd\": \"pause\"}";
            case "/api/links" -> "{\"role\": \"viewer\"}";
            case "/api/scene/generate" -> method.equals("POST") ? "{\"prompt\": \"a ball on a floor\"}" : null;
            case "/api/rl/create" -> RL_CREATE;
            case "/api/rl/{id}/reset" -> "{\"seed\": 1}";
            case "/api/rl/{id}/step" -> "{\"actions\": [0.0]}";
            case "/api/rl/{id}/state" -> method.equals("POST") ? "{\"copy\": 0, \"state\": {}}" : null;
            case "/api/viewers/{id}/watch" -> "{\"source\": \"simulation\"}";
            case "/api/config/api-key" -> method.equals("POST") ? PROVIDER : null;
            case "/api/config/api-key/test" -> "{\"provider\": \"openai\"}";
            case "/whep" -> "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n";
            case "/whep/{id}" -> "a=candidate:1 1 udp 1 10.0.0.1 9 typ host\r\n";
            default -> method.equals("GET") || method.equals("OPTIONS") || method.equals("DELETE") ? null : "";
        };
        String token = credential == Credential.NONE ? null : tokens.get(credential);
        if (route.startsWith("GET /") && !template.startsWith("/api")) {
            return send(method, path, null, token).statusCode(); // the page, the same for everybody
        }
        HttpResponse<String> response = send(method, path, body, token);
        lastBody = response.body();
        int status = response.statusCode();
        if (template.equals("/api/links/{id}") && status == 200) {
            probeLink = host.host.links().create(Role.VIEWER, null, 0); // the operator revoked it: make the next
        }
        if (template.equals("/api/sim/command") && status == 200) {
            send("POST", path, "{\"cmd\": \"play\"}", OPERATOR_TOKEN);
        }
        if (template.startsWith("/api/scene/") && method.equals("POST") && status == 200) {
            send("POST", "/api/scene/preset/pendulum", "", OPERATOR_TOKEN);
        }
        if (template.equals("/api/rl/create") && status == 200) {
            send("DELETE", "/api/rl/" + Json.parse(lastBody).path("id").asText(), null, OPERATOR_TOKEN);
        }
        if (template.equals("/api/rl/{id}") && status == 200) {
            rlEnv = createEnvironment();
        }
        if (template.equals("/api/config/api-key") && method.equals("POST") && status == 200) {
            send("DELETE", "/api/config/api-key/openai", null, OPERATOR_TOKEN);
        }
        return status;
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(host.uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (path.startsWith("/whep")) {
            request.header("Content-Type", path.equals("/whep") ? "application/sdp" : "application/trickle-ice-sdpfrag");
        } else if (body != null && !body.isEmpty()) {
            request.header("Content-Type", body.startsWith("<") ? "application/xml" : "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return host.http().send(request.timeout(java.time.Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()); // not host.send: no token means none
    }

    /** The WebSocket: its token in the first message, as the page sends it; refused by message, welcomed otherwise. */
    private static int socket(Credential credential) throws Exception {
        String token = credential == Credential.NONE ? null : tokens.get(credential);
        SocketClient client;
        try {
            client = token == null ? new SocketClient(socketUri()) : SocketClient.authorized(socketUri(), token);
        } catch (Exception e) {
            assertThat(e).hasStackTraceContaining("401");
            return 401;
        }
        try (client) {
            if (token == null) {
                client.send("{\"type\": \"offer\", \"sdp\": \"v=0\"}"); // anything but auth
                assertThat(client.next("refused").path("reason").asText()).isEqualTo("unauthorized");
                return 401;
            }
            JsonNode answer = client.next(java.util.Set.of("welcome", "refused"));
            if (answer.path("type").asText().equals("refused")) {
                assertThat(answer.path("reason").asText()).isEqualTo("unauthorized");
                return 401;
            }
            assertThat(answer.path("role").asText()).isEqualTo(credential.name().toLowerCase());
            return 101;
        } finally {
            waitForNoViewers();
        }
    }

    private static URI socketUri() {
        return URI.create(host.uri("/ws/signaling").toString().replace("http:", "ws:"));
    }

    private static void waitForNoViewers() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (host.host.viewerCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** What a refused request must leave as it was. */
    private record State(String scene, long generation, boolean playing, double speed, List<String> links,
                         int viewers, List<String> environments, List<String> providers) {
        static State now() throws Exception {
            waitForNoViewers();
            SimulationSnapshot snapshot = host.simulation.snapshot();
            JsonNode rl = Json.parse(send("GET", "/api/rl", null, OPERATOR_TOKEN).body()).path("environments");
            JsonNode keys = Json.parse(send("GET", "/api/config/api-key", null, OPERATOR_TOKEN).body())
                    .path("providers");
            return new State(snapshot.sceneId(), snapshot.sceneGeneration(), snapshot.playing(), snapshot.speed(),
                    host.host.links().active().stream().map(ShareLink::id).toList(), host.host.viewerCount(),
                    rl.findValuesAsText("id"), keys.findValuesAsText("provider"));
        }
    }

    @Test
    void theRevokedTokenReallyWasRevoked() {
        assertThatThrownBy(() -> host.host.links().authenticate(tokens.get(Credential.REVOKED)).orElseThrow())
                .isInstanceOf(java.util.NoSuchElementException.class);
    }
}
