package io.simcast.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.physics.SimCommand;
import io.simcast.streaming.Role;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.http.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** simulate's panels over REST against a real host running the Panda: model, live values, commands, keys, roles. */
class PanelApiTest {
    private static TestHost host;

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start("panda", StreamingConfig.builder());
        host.simulation.submit(new SimCommand.Pause()).get(1, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static JsonNode command(String body) throws Exception {
        HttpResponse<String> response = host.post("/api/sim/command", "application/json", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    @Test
    void theModelNamesJointsActuatorsWithWhatTheyDriveSensorsAndKeyframes() throws Exception {
        JsonNode model = Json.parse(host.get("/api/model").body()).path("model");

        assertThat(model.path("joints").get(0).path("name").asText()).isEqualTo("joint1");
        assertThat(model.path("joints").get(0).path("type").asText()).isEqualTo("hinge");
        assertThat(model.path("joints").get(0).path("range").size()).isEqualTo(2);
        assertThat(model.path("actuators").get(0).path("joint").asText()).isEqualTo("joint1");
        assertThat(model.path("actuators").get(0).path("ctrlRange").size()).isEqualTo(2);
        assertThat(model.path("keyframes").get(0).path("name").asText()).isEqualTo("home");
    }

    @Test
    void aControlSliderMovesThePandasFirstJointAndClearAllZeroesTheControls() throws Exception {
        command("{\"cmd\": \"keyframe\", \"params\": {\"key\": 0}}");
        double before = Json.parse(host.get("/api/sim/panel").body()).path("qpos").get(0).asDouble();

        command("{\"cmd\": \"control\", \"params\": {\"actuator\": 0, \"value\": 1.2}}");
        command("{\"cmd\": \"step\", \"params\": {\"count\": 500}}");

        JsonNode panel = Json.parse(host.get("/api/sim/panel").body());
        assertThat(panel.path("ctrl").get(0).asDouble()).isEqualTo(1.2);
        assertThat(panel.path("qpos").get(0).asDouble() - before).isGreaterThan(0.5);
        assertThat(panel.path("info").has("realTimeFactor")).isTrue();
        command("{\"cmd\": \"clear_controls\"}");
        JsonNode cleared = Json.parse(host.get("/api/sim/panel").body());
        cleared.path("ctrl").forEach(value -> assertThat(value.asDouble()).isZero());
    }

    @Test
    void loadingAKeyframeGivesExactlyItsQposAndTheKeyOfTheStateIsMjcf() throws Exception {
        command("{\"cmd\": \"positions\", \"params\": {\"indices\": [0], \"values\": [0.3]}}");
        command("{\"cmd\": \"keyframe\", \"params\": {\"key\": 0}}");

        JsonNode qpos = Json.parse(host.get("/api/sim/panel").body()).path("qpos");
        double[] home = {0, -0.785, 0, -2.356, 0, 1.571, 0.785, 0.04, 0.04};
        for (int i = 0; i < home.length; i++) {
            assertThat(qpos.get(i).asDouble()).isEqualTo(home[i]);
        }
        String key = Json.parse(host.get("/api/sim/key?name=mine").body()).path("mjcf").asText();
        assertThat(key).startsWith("<key name=\"mine\" time=\"").contains(" qpos=\"0.0 -0.785 0.0 -2.356 ");
    }

    @Test
    void aViewerLinkCannotMoveASliderAndBadParametersAreNamed() throws Exception {
        String viewer = host.host.links().create(Role.VIEWER, null, 0).token().orElseThrow();
        HttpResponse<String> refused = host.send(HttpRequest.newBuilder(host.uri("/api/sim/command"))
                .header("Authorization", "Bearer " + viewer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"cmd\": \"control\", \"params\": {\"actuator\": 0, \"value\": 1}}")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Json.parse(refused.body()).path("error").asText())
                .isEqualTo(StreamingMessages.forbidden(Role.VIEWER, Role.CONTROLLER));

        HttpResponse<String> bad = host.post("/api/sim/command", "application/json",
                "{\"cmd\": \"control\", \"params\": {\"actuator\": 0, \"value\": \"high\"}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.parse(bad.body()).path("error").asText())
                .isEqualTo("control needs params.value, a finite number, got \"high\"");
        HttpResponse<String> noSuch = host.post("/api/sim/command", "application/json",
                "{\"cmd\": \"keyframe\", \"params\": {\"key\": 5}}");
        assertThat(noSuch.statusCode()).isEqualTo(400);
        assertThat(Json.parse(noSuch.body()).path("error").asText()).contains("keyframe");
    }
}
