package io.simcast.sim.rl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The REST contract of docs/RL.md ("For the REST layer") over {@link RlEnvironments}, on the JDK's HTTP server:
 * enough to run a generated training script's --smoke mode in a test until the real layer exists. Requests run on
 * the server's single dispatcher thread; {@link #calls()} records "METHOD path" for assertions.
 */
final class FakeRlServer implements AutoCloseable {
    static final String TOKEN = "test-token";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final RlEnvironments environments = new RlEnvironments();
    private final HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    FakeRlServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/rl/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> calls() {
        return calls;
    }

    RlEnvironments environments() {
        return environments;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        calls.add(method + " " + path);
        try (exchange) {
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, Map.of("error", "missing or wrong token"));
                return;
            }
            String[] parts = path.substring("/api/rl/".length()).split("/");
            Map<?, ?> body = method.equals("POST")
                    ? JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class) : Map.of();
            respond(exchange, 200, answer(method, parts, body));
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, Map.of("error", e.getMessage()));
        } catch (NoSuchElementException e) {
            respond(exchange, 404, Map.of("error", e.getMessage()));
        } catch (IllegalStateException e) {
            respond(exchange, 409, Map.of("error", e.getMessage()));
        }
    }

    private Object answer(String method, String[] parts, Map<?, ?> body) {
        if (method.equals("GET") && parts[0].equals("robots")) {
            return RlCatalog.builtIn().robots();
        }
        if (method.equals("POST") && parts[0].equals("create")) {
            VectorEnv env = environments.create((String) body.get("robot"), (String) body.get("task"),
                    number(body.get("seed")), ((Number) body.get("num_envs")).intValue(),
                    body.get("max_episode_steps") == null ? null : ((Number) body.get("max_episode_steps")).intValue());
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("id", env.id());
            created.put("observation_space", env.singleObservationSpace());
            created.put("action_space", env.singleActionSpace());
            created.put("num_envs", env.numEnvs());
            created.put("max_episode_steps", env.maxEpisodeSteps());
            created.put("control_timestep", env.controlTimestep());
            return created;
        }
        if (method.equals("DELETE")) {
            environments.close(parts[0]);
            return Map.of();
        }
        VectorEnv env = environments.get(parts[0]);
        if (parts[1].equals("reset")) {
            @SuppressWarnings("unchecked")
            Map<String, ?> options = (Map<String, ?>) body.get("options");
            return env.reset(number(body.get("seed")), ResetOptions.of(options));
        }
        return env.step(JSON.convertValue(body.get("actions"), double[][].class));
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static void respond(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] bytes = JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        environments.close();
    }
}
