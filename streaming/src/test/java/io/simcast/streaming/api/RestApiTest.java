package io.simcast.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.Eventually;
import io.simcast.streaming.IceServer;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.http.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API against a real host: Undertow on 127.0.0.1, real MuJoCo, java.net.http as the client. */
class RestApiTest {
    private static final String TINY_SCENE = """
            <mujoco model="tiny">
              <worldbody>
                <body name="ball" pos="0 0 1">
                  <freejoint/>
                  <geom type="sphere" size="0.1"/>
                </body>
              </worldbody>
            </mujoco>
            """;
    private static TestHost host;

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start("pendulum", StreamingConfig.builder()
                .iceServers(List.of(new IceServer("stun:stun.example.org:3478", null, null),
                        new IceServer("turn:turn.example.org:3478", "alice", "s3cret-credential")))
                .maxBodyBytes(64 * 1024));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.parse(response.body());
    }

    @Test
    void healthReportsTheRunningSceneTheViewersAndTheCodecsWithH264First() throws Exception {
        HttpResponse<String> response = host.get("/api/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode health = json(response);
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.path("simulation").path("state").asText()).isEqualTo("playing");
        assertThat(health.path("viewers").path("count").asInt()).isZero();
        assertThat(health.path("viewers").path("limit").asInt()).isEqualTo(16);
        assertThat(health.path("renderer").path("available").asBoolean()).isTrue();
        assertThat(health.path("webrtc").path("available").asBoolean()).isTrue();
        assertThat(health.path("codecs").get(0).asText()).isEqualTo("H264");
        assertThat(health.path("codecs").get(1).asText()).isEqualTo("VP8");
        assertThat(health.path("uptimeSeconds").asDouble()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void configShowsFrameSizeLimitsAndIceServersWithoutTheirSecrets() throws Exception {
        HttpResponse<String> response = host.get("/api/config");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("s3cret-credential").doesNotContain("alice");
        JsonNode config = json(response);
        assertThat(config.path("video").path("width").asInt()).isEqualTo(640);
        assertThat(config.path("video").path("height").asInt()).isEqualTo(480);
        assertThat(config.path("video").path("fps").asInt()).isEqualTo(30);
        assertThat(config.path("iceServers").get(1).path("url").asText()).isEqualTo("turn:turn.example.org:3478");
        assertThat(config.path("iceServers").get(1).path("hasCredential").asBoolean()).isTrue();
        assertThat(config.path("limits").path("maxViewers").asInt()).isEqualTo(16);
        assertThat(config.path("limits").path("maxBodyBytes").asLong()).isEqualTo(64 * 1024);
    }

    @Test
    void statsShowTheSimulationRunning() throws Exception {
        // The meter closes a window every half second; how close to real time it runs is `simcast bench pacing`'s.
        Eventually.waitFor(() -> json(host.get("/api/stats")).path("simulation").path("realTimeFactor").asDouble() > 0,
                60_000);

        JsonNode stats = json(host.get("/api/stats"));

        assertThat(stats.path("simulation").path("realTimeFactor").asDouble()).isPositive();
        assertThat(stats.path("simulation").path("stepsPerSecond").asDouble()).isPositive();
        assertThat(stats.path("viewers").isArray()).isTrue();
        assertThat(stats.path("rendering").path("views").isArray()).isTrue();
    }

    @Test
    void presetsListTheBuiltInScenes() throws Exception {
        JsonNode presets = json(host.get("/api/scene/presets"));

        assertThat(presets.path("presets").findValuesAsText("id")).contains("pendulum", "cartpole", "humanoid");
        assertThat(presets.path("presets").get(0).path("title").asText()).isNotBlank();
    }

    @Test
    void aSceneSentAsXmlIsLoadedAndBecomesTheCurrentScene() throws Exception {
        HttpResponse<String> response = host.post("/api/scene/load", "application/xml", TINY_SCENE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String id = json(response).path("id").asText();
        assertThat(id).startsWith("custom-");
        JsonNode current = json(host.get("/api/scene/current"));
        assertThat(current.path("id").asText()).isEqualTo(id);
        assertThat(current.path("xml").asText()).contains("<mujoco model=\"tiny\">");
        assertThat(json(host.get("/api/health")).path("scene").path("id").asText()).isEqualTo(id);
    }

    @Test
    void aSceneSentAsJsonIsLoaded() throws Exception {
        String body = Json.write(java.util.Map.of("xml", TINY_SCENE.replace("tiny", "tiny-json")));

        HttpResponse<String> response = host.post("/api/scene/load", "application/json", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(host.get("/api/scene/current")).path("xml").asText()).contains("tiny-json");
    }

    @Test
    void aSceneThatDoesNotCompileGetsMujocosMessageAndLineAndTheRunningSceneStays() throws Exception {
        host.post("/api/scene/preset/pendulum", null, "");
        String broken = "<mujoco>\n  <worldbody>\n    <body>\n      <geom type=\"sphere\" size=\"oops\"/>\n"
                + "    </body>\n  </worldbody>\n</mujoco>\n";

        HttpResponse<String> response = host.post("/api/scene/load", "application/xml", broken);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.path("error").asText()).containsIgnoringCase("size");
        assertThat(error.path("line").asInt()).isEqualTo(4);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
        assertThat(json(host.get("/api/health")).path("scene").path("id").asText()).isEqualTo("pendulum");
    }

    @Test
    void jsonWithoutXmlIsRefusedWithTheFormatToUse() throws Exception {
        HttpResponse<String> response = host.post("/api/scene/load", "application/json", "{\"model\": 1}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo(
                "Send the scene as MJCF XML (Content-Type application/xml) or as JSON {\"xml\": \"<mujoco>...\"}");
    }

    @Test
    void anOversizedBodyIsRefusedWith413() throws Exception {
        HttpResponse<String> response = host.post("/api/scene/load", "application/xml", "x".repeat(70 * 1024));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").asText())
                .isEqualTo("Request body is 71680 bytes; the limit is 65536 bytes");
    }

    @Test
    void anUnknownPresetIsA404NamingThePresets() throws Exception {
        HttpResponse<String> response = host.post("/api/scene/preset/teapot", null, "");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").asText()).startsWith("No preset 'teapot'; presets: pendulum, ");
    }

    @Test
    void aPresetIsLoadedByItsId() throws Exception {
        HttpResponse<String> response = host.post("/api/scene/preset/cartpole", null, "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("id").asText()).isEqualTo("cartpole");
        assertThat(json(host.get("/api/scene/current")).path("id").asText()).isEqualTo("cartpole");
    }

    @Test
    void commandsPauseStepAndResumeTheSimulation() throws Exception {
        JsonNode paused = json(host.post("/api/sim/command", "application/json", "{\"cmd\": \"pause\"}"));
        assertThat(paused.path("state").asText()).isEqualTo("paused");
        double before = paused.path("time").asDouble();

        JsonNode stepped = json(host.post("/api/sim/command", "application/json",
                "{\"cmd\": \"step\", \"params\": {\"count\": 10}}"));
        assertThat(stepped.path("time").asDouble()).isGreaterThan(before);

        JsonNode faster = json(host.post("/api/sim/command", "application/json",
                "{\"cmd\": \"speed\", \"params\": {\"factor\": 2}}"));
        assertThat(faster.path("speed").asDouble()).isEqualTo(2.0);
        host.post("/api/sim/command", "application/json", "{\"cmd\": \"speed\", \"params\": {\"factor\": 1}}");

        JsonNode playing = json(host.post("/api/sim/command", "application/json", "{\"cmd\": \"play\", \"params\": {}}"));
        assertThat(playing.path("state").asText()).isEqualTo("playing");
    }

    @Test
    void badCommandsGetTheReasonNotAStackTrace() throws Exception {
        assertError(host.post("/api/sim/command", "application/json", "{\"cmd\": \"jump\"}"), 400,
                "Unknown command 'jump'; commands: play, pause, toggle, reset, step, speed, slower, faster");
        assertError(host.post("/api/sim/command", "application/json",
                        "{\"cmd\": \"speed\", \"params\": {\"factor\": 100}}"), 400,
                "speed must be between 1/16 and 16, got 100.0");
        assertError(host.post("/api/sim/command", "application/json", "{\"cmd\": \"speed\"}"), 400,
                "speed needs params.factor, a number from 0.0625 to 16.0, got nothing");
        assertError(host.post("/api/sim/command", "application/json", "{\"cmd\": "), 400,
                "Invalid JSON at line 1, column 9: Unexpected end-of-input within/between Object entries");
        assertError(host.post("/api/sim/command", "application/json", "[1, 2]"), 400,
                "Expected a JSON body like {\"cmd\": \"pause\", \"params\": {}}");
    }

    @Test
    void unknownPathsAndWrongMethodsGetJsonErrors() throws Exception {
        assertError(host.get("/api/nope"), 404, "Nothing here: GET /api/nope");
        assertError(host.send(HttpRequest.newBuilder(host.uri("/api/health")).DELETE()), 405,
                "Method DELETE is not allowed on /api/health");
    }

    @Test
    void requestsFromAnotherSiteAreRefused() throws Exception {
        HttpResponse<String> response = host.send(HttpRequest.newBuilder(host.uri("/api/sim/command"))
                .header("Origin", "https://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cmd\": \"pause\"}")));

        assertError(response, 403,
                "Requests from other sites are refused (Origin https://evil.example); open the page from this host");
        assertThat(json(host.get("/api/health")).path("simulation").path("state").asText()).isEqualTo("playing");
    }

    @Test
    void thePageIsServedAtTheRoot() throws Exception {
        HttpResponse<String> page = host.get("/");
        HttpResponse<String> script = host.get("/signaling.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Simcast</title>");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    }

    @Test
    void whepRefusesWhatIsNotAnSdpOffer() throws Exception {
        assertError(host.post("/whep", "application/json", "{}"), 415,
                "A WHEP offer must be sent with Content-Type application/sdp, not application/json");
        assertError(host.post("/whep", "application/sdp", "hello"), 400,
                "This is not an SDP offer: it must start with v=0");
        assertError(host.post("/whep", "application/sdp", "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"), 400,
                "The offer has no video section (m=video): add a video transceiver to receive the simulation");
        assertError(host.send(HttpRequest.newBuilder(host.uri("/whep/0123456789abcdef")).DELETE()), 404,
                "No WHEP session '0123456789abcdef' (it ended, or never existed)");
        assertThat(json(host.get("/api/health")).path("viewers").path("count").asInt()).isZero();
    }

    private static void assertError(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).path("error").asText()).isEqualTo(message);
    }
}
