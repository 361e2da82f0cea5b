package io.simcast.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.rl.Python;
import io.simcast.sim.rl.ResetOptions;
import io.simcast.sim.rl.TrainingScript;
import io.simcast.sim.rl.RlLimits;
import io.simcast.sim.rl.VectorEnv;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.Role;
import io.simcast.streaming.http.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The RL endpoints against a real host: Undertow on 127.0.0.1, real MuJoCo environments, java.net.http as the client,
 * and a generated training script run by Debian's python3.
 */
class RlApiTest {
    private static TestHost host;

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start("pendulum");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @AfterEach
    void closeEveryEnvironment() throws Exception {
        for (JsonNode env : get("/api/rl").path("environments")) {
            host.delete("/api/rl/" + env.path("id").asText());
        }
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = host.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return host.post(path, "application/json", body);
    }

    private static JsonNode ok(String path, String body) throws Exception {
        HttpResponse<String> response = post(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    /** The error sentence of a refused request, after checking its status. */
    private static String refusal(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Json.parse(response.body()).path("error").asText();
    }

    private static String create(String robot, String task, int copies, int seed) throws Exception {
        return ok("/api/rl/create", "{\"robot\": \"" + robot + "\", \"task\": \"" + task + "\", \"seed\": " + seed
                + ", \"num_envs\": " + copies + "}").path("id").asText();
    }

    private static double[][] rows(JsonNode observations) {
        return Json.MAPPER.convertValue(observations, double[][].class);
    }

    @Test
    void theRobotsAreListedWithTheirTasksAndSpacesInGymnasiumsWords() throws Exception {
        JsonNode robots = get("/api/rl/robots");

        assertThat(robots.findValuesAsText("id")).contains("cartpole", "balance", "swing-up", "panda", "reach",
                "pick-cube", "ur5e", "anymal", "walk");
        JsonNode balance = robots.get(0).path("tasks").get(0);
        assertThat(balance.path("observation_space").path("shape").toString()).isEqualTo("[4]");
        assertThat(balance.path("observation_space").path("low").get(0).asText()).isEqualTo("-Infinity");
        assertThat(balance.path("action_space").toString())
                .isEqualTo("{\"shape\":[1],\"low\":[-1.0],\"high\":[1.0],\"dtype\":\"float32\"}");
        assertThat(balance.path("frame_skip").asInt()).isEqualTo(10);
        assertThat(balance.path("max_episode_steps").asInt()).isEqualTo(500);
    }

    @Test
    void anEnvironmentSteppedOverRestFollowsTheSameTrajectoryAsInProcessToTheLastBit() throws Exception {
        JsonNode created = ok("/api/rl/create",
                "{\"robot\": \"cartpole\", \"task\": \"balance\", \"seed\": 7, \"num_envs\": 3}");
        String id = created.path("id").asText();
        assertThat(created.path("num_envs").asInt()).isEqualTo(3);
        assertThat(created.path("max_episode_steps").asInt()).isEqualTo(500);
        assertThat(created.path("control_timestep").asDouble()).isEqualTo(0.02);
        assertThat(created.path("action_space").path("shape").toString()).isEqualTo("[1]");

        try (VectorEnv local = VectorEnv.create("cartpole", "balance", 7L, 3, null)) {
            JsonNode reset = ok("/api/rl/" + id + "/reset", "{\"seed\": 11}");
            assertThat(rows(reset.path("observations"))).isDeepEqualTo(local.reset(11L, ResetOptions.NONE)
                    .observations());
            assertThat(reset.path("infos").toString()).isEqualTo("[{},{},{}]");

            JsonNode flat = ok("/api/rl/" + id + "/step", "{\"actions\": [0.5, -0.25, 1.0]}");
            VectorEnv.Step expected = local.step(new double[] {0.5, -0.25, 1.0});
            assertThat(rows(flat.path("observations"))).isDeepEqualTo(expected.observations());
            assertThat(flat.path("rewards").toString()).isEqualTo("[1.0,1.0,1.0]");
            assertThat(flat.path("terminated").toString()).isEqualTo("[false,false,false]");
            assertThat(flat.path("truncated").toString()).isEqualTo("[false,false,false]");

            JsonNode byRows = ok("/api/rl/" + id + "/step", "{\"actions\": [[-1], [0], [0.75]]}");
            assertThat(rows(byRows.path("observations")))
                    .isDeepEqualTo(local.step(new double[][] {{-1}, {0}, {0.75}}).observations());
        }
        assertThat(get("/api/rl").path("environments").get(0).path("num_envs").asInt()).isEqualTo(3);
    }

    @Test
    void badActionsAreRefusedWithA400NamingTheElementAndNothingIsStepped() throws Exception {
        String id = create("cartpole", "balance", 2, 5);
        JsonNode first = ok("/api/rl/" + id + "/reset", "{\"seed\": 5}");
        String step = "/api/rl/" + id + "/step";

        assertThat(refusal(post(step, "{\"actions\": [0.1]}"), 400))
                .isEqualTo("actions must hold num_envs x action_dim = 2 x 1 = 2 numbers, got 1");
        assertThat(refusal(post(step, "{\"actions\": [[0.1]]}"), 400))
                .isEqualTo("actions must have 2 rows (one per environment copy), got 1");
        assertThat(refusal(post(step, "{\"actions\": [[0.1], [0.2, 0.3]]}"), 400))
                .isEqualTo("actions[1] must hold 1 numbers (action_dim), got 2");
        assertThat(refusal(post(step, "{\"actions\": [[0.1], [NaN]]}"), 400))
                .isEqualTo("actions[1][0] is NaN; actions must be finite numbers");
        assertThat(refusal(post(step, "{\"actions\": [[0.1], [1.5]]}"), 400))
                .isEqualTo("actions[1][0] = 1.5 is outside the action space [-1.0, 1.0]");
        assertThat(refusal(post(step, "{\"actions\": [0.1, \"left\"]}"), 400))
                .isEqualTo("actions[1] must be a number, got a string");
        assertThat(refusal(post(step, "{\"actions\": [[0.1], 0.2]}"), 400))
                .isEqualTo("actions[1] must be a list of action_dim numbers (one copy's action), got a number");
        assertThat(refusal(post(step, "{\"actions\": 0.5}"), 400)).isEqualTo("actions must be a list:"
                + " num_envs x action_dim numbers, or one list of action_dim numbers per copy; got a number");
        assertThat(refusal(post(step, "{}"), 400)).isEqualTo("actions are missing");
        assertThat(refusal(post(step, "{\"actions\": [0.1,"), 400)).startsWith("Invalid JSON at line 1");

        try (VectorEnv local = VectorEnv.create("cartpole", "balance", 5L, 2, null)) {
            assertThat(rows(first.path("observations"))).isDeepEqualTo(local.reset(5L, ResetOptions.NONE)
                    .observations());
            JsonNode stepped = ok(step, "{\"actions\": [0.1, 0.2]}");
            assertThat(rows(stepped.path("observations")))
                    .as("the first step that passed is the environment's first step")
                    .isDeepEqualTo(local.step(new double[] {0.1, 0.2}).observations());
        }
    }

    @Test
    void unknownNamesCallsOutOfOrderAndBadSettingsGetTheirStatusAndTheRlLayersWords() throws Exception {
        assertThat(refusal(post("/api/rl/create", "{\"robot\": \"teapot\", \"task\": \"pour\"}"), 404))
                .isEqualTo("Unknown robot 'teapot'. Robots: cartpole, panda, ur5e, anymal");
        assertThat(refusal(post("/api/rl/create", "{\"robot\": \"cartpole\", \"task\": \"fly\"}"), 404))
                .isEqualTo("Robot 'cartpole' has no task 'fly'. Its tasks: balance, swing-up");
        assertThat(refusal(post("/api/rl/create", "{\"task\": \"balance\"}"), 400))
                .isEqualTo("\"robot\" is missing: a robot id (GET /api/rl/robots), or \"custom\": {...}");
        assertThat(refusal(post("/api/rl/create", "{\"robot\": \"cartpole\", \"task\": \"balance\","
                + " \"num_envs\": 0}"), 400)).isEqualTo("num_envs must be between 1 and 256, got 0 (the host's limit"
                + " of num_envs per environment: raise it with serve --rl-max-num-envs N or RL_MAX_NUM_ENVS=N)");
        assertThat(refusal(post("/api/rl/create", "{\"robot\": \"cartpole\", \"task\": \"balance\","
                + " \"seed\": \"lucky\"}"), 400)).isEqualTo("\"seed\" must be a whole number or null, got \"lucky\"");
        assertThat(refusal(post("/api/rl/rl-999999/step", "{\"actions\": [0]}"), 404))
                .isEqualTo("No RL environment with id 'rl-999999' (closed, or never created)");

        String id = create("anymal", "walk", 1, 1);
        assertThat(refusal(post("/api/rl/" + id + "/step", "{\"actions\": [" + "0,".repeat(11) + "0]}"), 409))
                .isEqualTo("Call reset before step: the episode has not started or has ended");
        assertThat(refusal(post("/api/rl/" + id + "/reset", "{\"options\": {\"speed\": 9}}"), 400))
                .isEqualTo("Reset option 'speed' = 9.0 must be between 0.0 and 1.5");
        assertThat(ok("/api/rl/" + id + "/reset", "{\"options\": {\"speed\": 0.5}}").path("infos").get(0)
                .path("commanded_speed").asDouble()).isEqualTo(0.5);

        assertThat(host.delete("/api/rl/" + id).statusCode()).isEqualTo(200);
        assertThat(refusal(post("/api/rl/" + id + "/reset", "{}"), 404)).isEqualTo("RL environment " + id
                + " was closed (DELETE /api/rl/" + id + "); create a new one (POST /api/rl/create)");
        assertThat(get("/api/rl").path("environments")).isEmpty();
    }

    @Test
    void anEnvironmentNobodyCallsIsClosedAfterTheIdleTimeoutWhileOneInUseStaysOpen() throws Exception {
        // The busy one is stepped every 200 ms, 25 times within its timeout: only a stall of 5 s could close it.
        try (TestHost quick = TestHost.start("pendulum", StreamingConfig.builder()
                .rlIdleTimeout(Duration.ofSeconds(5)))) {
            String idle = Json.parse(quick.post("/api/rl/create", "application/json",
                    "{\"robot\": \"cartpole\", \"task\": \"balance\"}").body()).path("id").asText();
            String busy = Json.parse(quick.post("/api/rl/create", "application/json",
                    "{\"robot\": \"cartpole\", \"task\": \"balance\"}").body()).path("id").asText();
            quick.post("/api/rl/" + busy + "/reset", "application/json", "{}");

            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            List<String> open;
            do {
                // A step that ends an episode is followed by the autoreset: any action keeps it going.
                assertThat(quick.post("/api/rl/" + busy + "/step", "application/json", "{\"actions\": [0]}")
                        .statusCode()).isEqualTo(200);
                Thread.sleep(200);
                open = Json.parse(quick.get("/api/rl").body()).path("environments").findValuesAsText("id");
            } while (open.contains(idle) && System.nanoTime() < deadline);

            assertThat(open).containsExactly(busy);
            HttpResponse<String> late = quick.post("/api/rl/" + idle + "/reset", "application/json", "{}");
            assertThat(refusal(late, 404)).isEqualTo("RL environment " + idle + " was closed after 5 s without"
                    + " requests (RL_IDLE_TIMEOUT); create a new one (POST /api/rl/create)");
        }
    }

    @Test
    void theGeneratedTrainingScriptsSmokeModeRunsOneEnvironmentOf32CopiesThroughThePackage(@TempDir Path folder)
            throws Exception {
        Path script = Files.writeString(folder.resolve("train.py"),
                TrainingScript.generate("cartpole", "balance", TrainingScript.Algorithm.PPO));

        // As on the host's machine: the script finds the operator token in the file serve made.
        Path config = Files.createDirectories(folder.resolve("config/simcast"));
        Files.writeString(config.resolve("operator-token"), host.operatorToken() + "\n");
        Python.Outcome outcome = Python.run(folder, Map.of("PYTHONPATH", Python.path(false), "XDG_CONFIG_HOME",
                        folder.resolve("config").toString()), script.toString(),
                "--url", host.uri("/").toString(), "--smoke", "--smoke-episodes", "3", "--max-episode-steps", "40",
                "--seed", "3", "--n-envs", "32");

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).containsPattern("environment rl-\\d+: 32 copies, observation \\(4,\\)");
        assertThat(outcome.output().lines()).filteredOn(line -> line.startsWith("episode ")).hasSize(3)
                .allMatch(line -> line.matches("episode \\d: \\d+ steps, return [0-9.]+, (terminated|truncated)"));
        assertThat(get("/api/rl").path("environments")).as("the script closed its environment").isEmpty();
    }

    private static HttpResponse<String> send(String method, String path, String body, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(host.uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return host.send(request);
    }

    @Test
    void anEnvironmentBelongsToTheLinkThatCreatedItOthersMayWatchButNotDriveIt() throws Exception {
        String owner = host.host.links().create(Role.CONTROLLER, null, 0).token().orElseThrow();
        String other = host.host.links().create(Role.CONTROLLER, null, 0).token().orElseThrow();
        String viewer = host.host.links().create(Role.VIEWER, null, 0).token().orElseThrow();
        HttpResponse<String> created = send("POST", "/api/rl/create", "{\"robot\": \"cartpole\", \"task\":"
                + " \"balance\", \"num_envs\": 2}", owner);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = Json.parse(created.body()).path("id").asText();
        String linkName = Json.parse(created.body()).path("owner").asText();
        assertThat(linkName).startsWith("controller link ");
        assertThat(send("POST", "/api/rl/" + id + "/reset", "{\"seed\": 1}", owner).statusCode()).isEqualTo(200);

        String refusal = "RL environment " + id + " belongs to " + linkName + ", who created it: only its creator or"
                + " the operator may step, reset, change or close it. Anyone may watch it (GET /api/rl, the page's"
                + " Watch picker, GET /api/rl/" + id + "/render); create your own with POST /api/rl/create";
        assertThat(refusal(send("POST", "/api/rl/" + id + "/step", "{\"actions\": [0, 0]}", other), 403))
                .isEqualTo(refusal);
        assertThat(refusal(send("POST", "/api/rl/" + id + "/reset", "{}", other), 403)).isEqualTo(refusal);
        assertThat(refusal(send("DELETE", "/api/rl/" + id, null, other), 403)).isEqualTo(refusal);
        assertThat(refusal(send("POST", "/api/rl/" + id + "/state", "{\"copy\": 0, \"state\": {}}", other), 403))
                .isEqualTo(refusal);

        HttpResponse<String> listed = send("GET", "/api/rl", null, viewer);
        JsonNode entry = Json.parse(listed.body()).path("environments").get(0);
        assertThat(entry.path("owner").asText()).isEqualTo(linkName);
        assertThat(entry.path("yours").asBoolean()).isFalse();
        assertThat(Json.parse(send("GET", "/api/rl", null, owner).body()).path("environments").get(0)
                .path("yours").asBoolean()).isTrue();
        HttpResponse<String> state = send("GET", "/api/rl/" + id + "/state?copy=1", null, viewer);
        assertThat(state.statusCode()).as(state.body()).isEqualTo(200);
        assertThat(Json.parse(state.body()).path("qpos").size()).isEqualTo(2);
        HttpResponse<byte[]> frame = host.sendBytes(HttpRequest.newBuilder(host.uri("/api/rl/" + id
                + "/render?copy=1&width=32&height=24")).header("Authorization", "Bearer " + viewer));
        assertThat(frame.statusCode()).isEqualTo(200);
        assertThat(frame.body()).hasSize(32 * 24 * 3);
        assertThat(frame.headers().firstValue("Simcast-Width")).hasValue("32");

        assertThat(send("POST", "/api/rl/" + id + "/step", "{\"actions\": [0, 0]}", owner).statusCode())
                .isEqualTo(200);
        assertThat(send("DELETE", "/api/rl/" + id, null, null).statusCode()).as("the operator may close anything")
                .isEqualTo(200);
    }

    @Test
    void theHostsLimitsAreSettingsAndTheirRefusalsSayHowToRaiseThem() throws Exception {
        try (TestHost small = TestHost.start("pendulum", StreamingConfig.builder()
                .rlLimit("RL_MAX_ENVIRONMENTS", 1).rlLimit("RL_MAX_COPIES", 4))) {
            String body = "{\"robot\": \"cartpole\", \"task\": \"balance\", \"num_envs\": 3}";
            assertThat(small.post("/api/rl/create", "application/json", body).statusCode()).isEqualTo(200);
            HttpResponse<String> second = small.post("/api/rl/create", "application/json", body);
            assertThat(refusal(second, 400)).isEqualTo("Already 1 RL environments are open; close one first (DELETE"
                    + " /api/rl/{id}) (the host's limit of open environments: raise it with serve"
                    + " --rl-max-environments N or RL_MAX_ENVIRONMENTS=N)");
        }
        assertThat(StreamingConfig.fromEnvironment(Map.of("RL_MAX_COPIES", "2048", "RL_MAX_NUM_ENVS", "512"))
                .build().rlLimits()).isEqualTo(new RlLimits(32, 2048, 512, 4));
    }

    @Test
    void sameStepAutoresetPerCopyResetsAndTaskOptionsOverRest() throws Exception {
        JsonNode created = ok("/api/rl/create", "{\"robot\": \"anymal\", \"task\": \"walk\", \"num_envs\": 2,"
                + " \"seed\": 4, \"max_episode_steps\": 2, \"autoreset_mode\": \"SameStep\","
                + " \"task_options\": {\"observation_noise\": 0}}");
        assertThat(created.path("autoreset_mode").asText()).isEqualTo("SameStep");
        String id = created.path("id").asText();
        JsonNode reset = ok("/api/rl/" + id + "/reset", "{\"seed\": [5, null], \"options\": {\"command\":"
                + " [0.5, 0, 0]}}");
        assertThat(reset.path("infos").get(0).path("commanded_speed").asDouble()).isEqualTo(0.5);
        String zero = "{\"actions\": [" + "0,".repeat(23) + "0]}";
        JsonNode first = ok("/api/rl/" + id + "/step", zero);
        assertThat(first.path("final_obs").toString()).isEqualTo("[null,null]");
        JsonNode second = ok("/api/rl/" + id + "/step", zero);
        assertThat(second.path("truncated").toString()).isEqualTo("[true,true]");
        assertThat(second.path("final_obs").get(0).size()).isEqualTo(48);
        assertThat(second.path("final_info").get(1).has("forward_velocity")).isTrue();

        JsonNode masked = ok("/api/rl/" + id + "/reset", "{\"reset_mask\": [false, true]}");
        assertThat(masked.path("infos").get(0).size()).as("copy 0 was left alone").isZero();
        assertThat(refusal(post("/api/rl/" + id + "/reset", "{\"reset_mask\": [true]}"), 400))
                .isEqualTo("reset_mask must hold num_envs = 2 booleans, got 1");
        assertThat(refusal(post("/api/rl/create", "{\"robot\": \"cartpole\", \"task\": \"balance\","
                + " \"autoreset_mode\": \"next_step\"}"), 400)).isEqualTo("autoreset_mode must be one of NextStep,"
                + " SameStep, Disabled (Gymnasium's AutoresetMode values), got 'next_step'");
    }

    @Test
    void aModelFromOutsideIsCheckedInIsolationAndItsNamesAgainstTheModel() throws Exception {
        assertThat(refusal(post("/api/rl/create", "{\"custom\": {\"mjcf\": \"<mujoco><worldbody><geom"
                + " type='sphere' size='0.1'/></worldbody><actuator><motor name='m' joint='nope'/></actuator>"
                + "</mujoco>\"}}"), 400)).containsIgnoringCase("nope");
        assertThat(refusal(post("/api/rl/create", "{\"custom\": {\"scene\": \"cartpole\", \"actions\":"
                + " [\"push\"]}}"), 400)).isEqualTo("custom.actions[0]: the model has no actuator named 'push'; its"
                + " actuator names: slide");
        JsonNode created = ok("/api/rl/create", "{\"custom\": {\"scene\": \"cartpole\", \"reward\":"
                + " [{\"term\": \"height\", \"of\": \"body:pole\", \"weight\": 1}]}, \"num_envs\": 2}");
        assertThat(created.path("robot").asText()).isEqualTo("custom");
        assertThat(created.path("action_space").path("shape").toString()).isEqualTo("[1]");
        String id = created.path("id").asText();
        ok("/api/rl/" + id + "/reset", "{\"seed\": 1}");
        assertThat(ok("/api/rl/" + id + "/step", "{\"actions\": [0.5, -0.5]}").path("rewards").size()).isEqualTo(2);
        assertThat(refusal(post("/api/rl/create", "{\"custom\": {}}"), 400)).startsWith("custom needs its model");
    }

    /**
     * The Python package ({@code python/}) against this host: each module of {@code python/tests} runs with Debian's
     * python3 and numpy, with the stand-ins for Gymnasium's and Stable-Baselines3's interfaces on the path, or
     * without them for the numpy-only module. Real Gymnasium and Stable-Baselines3 are not installable here (no PyPI).
     */
    @ParameterizedTest(name = "python {0}")
    @CsvSource({"tests.test_client, true", "tests.test_vector, true", "tests.test_sb3, true",
            "tests.test_numpy_only, false"})
    void thePythonPackagesTestsPassAgainstTheHost(String module, boolean withStandIns) throws Exception {
        Python.Outcome outcome = Python.run(Python.packageFolder(), Map.of("PYTHONPATH", Python.path(withStandIns),
                "SIMCAST_URL", host.uri("/").toString(), "SIMCAST_OPERATOR_TOKEN", host.operatorToken()),
                "-m", "unittest", "-v", module);

        System.out.println(outcome.output()); // unittest's list of what ran, in the test's report
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).as("every test ran").containsPattern("Ran [1-9][0-9]* tests?")
                .contains("\nOK").doesNotContain("skipped");
        assertThat(get("/api/rl").path("environments")).as("every test closed what it opened").isEmpty();
    }
}
