package io.simcast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simcast.sim.rl.Box;
import io.simcast.sim.rl.RlCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * RL environment steps per second over the REST API, the way a training script drives it: one client thread,
 * HTTP/1.1 keep-alive, each step sent and its answer parsed (a tree of the observations, rewards and flags) before
 * the next one, uniformly random actions (encoded before timing, so the agent's side costs nothing but JSON),
 * episodes ending and autoresetting as in training. Runs on the calling thread against a host at {@code address}.
 */
public final class RlRestBenchmark implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Distinct action batches cycled through. */
    private static final int ACTION_BATCHES = 64;

    private final URI address;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * One measurement.
     *
     * @param envSteps environment steps timed, all copies together
     * @param requests step requests timed
     * @param seconds wall time of the timed loop
     */
    public record Result(int copies, long envSteps, long requests, double seconds) {
        public double envStepsPerSecond() {
            return envSteps / seconds;
        }

        public double millisPerRequest() {
            return 1000 * seconds / requests;
        }
    }

    /** @param token sent as {@code Authorization: Bearer} (the operator token, or a controller link's) */
    public RlRestBenchmark(URI address, String token) {
        this.address = address;
        this.token = token;
    }

    /** Creates an environment, warms up for a fifth of {@code timed}, steps it for {@code timed}, closes it. */
    public Result run(String robot, String task, int copies, Duration timed) throws IOException, InterruptedException {
        JsonNode created = send("POST", "/api/rl/create", "{\"robot\": \"" + robot + "\", \"task\": \"" + task
                + "\", \"seed\": 1, \"num_envs\": " + copies + "}");
        String id = created.path("id").asText();
        try {
            String[] batches = actions(RlCatalog.builtIn().spec(robot, task).actionSpace(), copies);
            send("POST", "/api/rl/" + id + "/reset", "{\"seed\": 1}");
            step(id, batches, timed.dividedBy(5).toNanos());
            long start = System.nanoTime();
            long requests = step(id, batches, timed.toNanos());
            double seconds = (System.nanoTime() - start) * 1e-9;
            return new Result(copies, requests * copies, requests, seconds);
        } finally {
            send("DELETE", "/api/rl/" + id, null);
        }
    }

    /** Steps until {@code nanos} have passed; returns the number of requests. */
    private long step(String id, String[] batches, long nanos) throws IOException, InterruptedException {
        URI uri = address.resolve("/api/rl/" + id + "/step");
        long end = System.nanoTime() + nanos;
        long requests = 0;
        while (System.nanoTime() < end) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(batches[(int) (requests % batches.length)]))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode answer = JSON.readTree(response.body()); // what a client does with every answer
            if (response.statusCode() != 200 || !answer.has("observations")) {
                throw new IOException("step refused: HTTP " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            requests++;
        }
        return requests;
    }

    /** Request bodies of random actions for all copies, one list per copy, as the training script sends them. */
    private static String[] actions(Box space, int copies) throws IOException {
        SplittableRandom random = new SplittableRandom(2);
        String[] batches = new String[ACTION_BATCHES];
        for (int b = 0; b < batches.length; b++) {
            double[][] rows = new double[copies][];
            for (int i = 0; i < copies; i++) {
                rows[i] = space.sample(random);
            }
            batches[b] = "{\"actions\": " + JSON.writeValueAsString(rows) + "}";
        }
        return batches;
    }

    private JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(address.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(method + " " + path + " refused: HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        http.close();
    }
}
