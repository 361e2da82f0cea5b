package io.simcast.streaming.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.Simulation;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.http.ApiException;
import io.simcast.streaming.http.RequestBody;
import io.simcast.streaming.input.Commands;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /api/sim/command} with {@code {"cmd": "play|pause|toggle|reset|step|speed", "params": {...}}}: the
 * same commands the page's buttons and keys send, answered with the state after the physics thread applied them.
 * Worker threads; waits up to five seconds for the physics thread.
 */
public final class SimulationResource {
    private final Simulation simulation;
    private final long maxBodyBytes;

    public SimulationResource(Simulation simulation, long maxBodyBytes) {
        this.simulation = simulation;
        this.maxBodyBytes = maxBodyBytes;
    }

    public SimulationState command(HttpServerExchange exchange) throws Exception {
        RequestBody body = RequestBody.read(exchange, maxBodyBytes);
        JsonNode json = SceneResource.parse(body.text());
        if (!json.isObject()) {
            throw ApiException.badRequest(StreamingMessages.expectedCommandJson());
        }
        SimCommand command;
        try {
            command = Commands.parse(json.path("cmd").asText(null), json.get("params"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        try {
            return SimulationState.of(simulation.submit(command).get(5, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            throw ApiException.badRequest(StreamingMessages.reason(e));
        } catch (TimeoutException e) {
            throw new ApiException(503, StreamingMessages.simulationBusy());
        }
    }
}
