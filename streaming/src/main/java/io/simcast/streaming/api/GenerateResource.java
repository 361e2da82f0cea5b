package io.simcast.streaming.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.generate.GeneratedScene;
import io.simcast.generate.GenerationEvent;
import io.simcast.generate.GenerationRequest;
import io.simcast.generate.GenerationTask;
import io.simcast.generate.Provider;
import io.simcast.generate.SceneGenerator;
import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.http.ApiException;
import io.simcast.streaming.http.Json;
import io.simcast.streaming.http.JsonHandler;
import io.simcast.streaming.http.RequestBody;
import io.simcast.streaming.http.SseStream;
import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/scene/generate {"prompt", "provider"}}: a scene from plain language (docs/LLM.md). Runs the
 * generation loop (ask, compile, run, repair) and, when it succeeds, loads the scene for every viewer; a failed
 * generation never touches the running scene. Answers when done with JSON (the attempts, their errors, the final
 * XML), or, for {@code Accept: text/event-stream}, streams every step as a Server-Sent Event as it happens and ends
 * with a {@code result} event holding that same JSON. A streaming client that goes away cancels the generation
 * (noticed within a second: a heartbeat is written every second). {@code DELETE /api/scene/generate} cancels it too.
 * One generation at a time: it loads a scene for everybody, and holds a worker thread for minutes.
 *
 * <p>Worker threads: the request's worker waits for the generation thread ({@code simcast-generate-N}), whose events
 * reach it through a queue, and writes every answer itself.
 */
public final class GenerateResource {
    private static final Logger log = LoggerFactory.getLogger(GenerateResource.class);
    private static final String EXAMPLE = "{\"prompt\": \"a double pendulum next to a ramp\", \"provider\": \"openai\"}";
    private static final long HEARTBEAT_MILLIS = 1000;
    private static final long LOAD_SECONDS = 5;
    /** The generation loop's own words for a cancelled generation. */
    private static final String CANCELLED = new GenerationEvent.Cancelled(0).message();

    private final Simulation simulation;
    private final Supplier<SceneGenerator> generator;
    private final long maxBodyBytes;
    /** The generation running now; a placeholder while one starts. */
    private final AtomicReference<Running> running = new AtomicReference<>();

    private static final class Running {
        private volatile GenerationTask task;
        private volatile boolean cancelled;

        void cancel() {
            cancelled = true;
            GenerationTask started = task;
            if (started != null) {
                started.cancel();
            }
        }
    }

    /** @param generator the generation loop over the operator's settings, made on first use */
    public GenerateResource(Simulation simulation, Supplier<SceneGenerator> generator, long maxBodyBytes) {
        this.simulation = simulation;
        this.generator = generator;
        this.maxBodyBytes = maxBodyBytes;
    }

    public record Cancelled(boolean cancelled) {}

    /** {@code POST /api/scene/generate}. */
    public Object generate(HttpServerExchange exchange) throws Exception {
        GenerationRequest request = request(RequestBody.read(exchange, maxBodyBytes).text());
        Running slot = new Running();
        if (!running.compareAndSet(null, slot)) {
            throw new ApiException(409, StreamingMessages.generationBusy());
        }
        try {
            BlockingQueue<GenerationEvent> events = new LinkedBlockingQueue<>();
            slot.task = generator.get().start(request, events::add);
            if (slot.cancelled) {
                slot.task.cancel(); // DELETE arrived while it started
            }
            return SseStream.requested(exchange) ? stream(exchange, slot.task, events) : answer(slot.task, events);
        } finally {
            running.set(null);
        }
    }

    /** {@code DELETE /api/scene/generate}: cancels the generation running now. */
    public Cancelled cancel(HttpServerExchange exchange) {
        Running slot = running.get();
        if (slot == null) {
            throw ApiException.notFound(StreamingMessages.noGeneration());
        }
        slot.cancel();
        return new Cancelled(true);
    }

    private static GenerationRequest request(String text) {
        JsonNode body = SceneResource.parse(text);
        if (!body.isObject()) {
            throw ApiException.badRequest(StreamingMessages.expectedJsonObject(EXAMPLE));
        }
        JsonNode provider = body.get("provider");
        try {
            return new GenerationRequest(body.path("prompt").isTextual() ? body.get("prompt").asText() : null,
                    provider == null || provider.isNull() ? null : Provider.fromId(provider.asText()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** JSON: waits for the end, then answers the whole report. */
    private Map<String, Object> answer(GenerationTask task, BlockingQueue<GenerationEvent> events) {
        Outcome outcome = complete(task);
        GenerationReport report = new GenerationReport();
        events.forEach(report::add); // every event arrived before the result completed
        if (outcome.error() != null) {
            throw new ApiException(outcome.status(report), outcome.error(), outcome.failure(report));
        }
        return outcome.success(report);
    }

    /** Server-Sent Events: each event as it happens, then {@code result} with what {@link #answer} would say. */
    private Object stream(HttpServerExchange exchange, GenerationTask task, BlockingQueue<GenerationEvent> events)
            throws InterruptedException {
        GenerationReport report = new GenerationReport();
        SseStream stream = null;
        try {
            while (true) {
                GenerationEvent event = events.poll(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
                if (event == null) {
                    if (stream != null && !stream.heartbeat()) {
                        return clientLeft(task);
                    }
                    continue;
                }
                if (stream == null) {
                    if (event instanceof GenerationEvent.Failed failed && failed.attempt() == 0) {
                        throw new ApiException(503, failed.reason()); // nothing set up: a plain error, no stream
                    }
                    stream = SseStream.open(exchange);
                }
                report.add(event);
                if (!stream.send(GenerationReport.name(event), Json.write(GenerationReport.event(event)))) {
                    return clientLeft(task);
                }
                if (event instanceof GenerationEvent.Succeeded || event instanceof GenerationEvent.Failed
                        || event instanceof GenerationEvent.Cancelled) {
                    break;
                }
            }
            Outcome outcome = complete(task);
            Map<String, Object> result;
            if (outcome.error() == null) {
                result = outcome.success(report);
            } else {
                result = new LinkedHashMap<>();
                result.put("error", outcome.error());
                result.put("status", outcome.status(report));
                result.putAll(outcome.failure(report));
            }
            stream.send("result", Json.write(result));
            return JsonHandler.WRITTEN;
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
    }

    private Object clientLeft(GenerationTask task) {
        task.cancel();
        log.info("Scene generation cancelled: its client went away");
        complete(task); // one that had just succeeded is loaded all the same: it had finished
        return JsonHandler.WRITTEN;
    }

    /** How a generation ended. */
    private enum Ending { LOADED, FAILED, CANCELLED, NOT_LOADED }

    /**
     * What became of a generation once it ended.
     *
     * @param scene the scene, when it was loaded
     * @param loaded the simulation right after loading it
     * @param error why there is no scene, or null
     */
    private record Outcome(Ending ending, GeneratedScene scene, SimulationSnapshot loaded, String error) {
        /** 409 cancelled, 503 not loaded, else as the report says (the provider, the model, nothing set up). */
        int status(GenerationReport report) {
            return switch (ending) {
                case CANCELLED -> 409;
                case NOT_LOADED -> 503;
                default -> report.failureStatus();
            };
        }

        Map<String, Object> success(GenerationReport report) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("success", true);
            body.put("provider", scene.provider().id());
            body.put("model", scene.model());
            body.put("attempts", report.attempts());
            body.put("xml", scene.xml());
            body.put("scene", new SceneResource.Loaded(loaded.sceneId(), loaded.scene().title(),
                    loaded.sceneGeneration(), scene.scene().warnings()));
            return body;
        }

        Map<String, Object> failure(GenerationReport report) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("success", false);
            details.put("attempts", report.attempts());
            return details;
        }
    }

    /** Waits for the result; a scene is loaded into the simulation, which takes its model reference. */
    private Outcome complete(GenerationTask task) {
        GeneratedScene scene;
        try {
            scene = task.result().get();
        } catch (CancellationException e) {
            return new Outcome(Ending.CANCELLED, null, null, CANCELLED);
        } catch (ExecutionException e) {
            return new Outcome(Ending.FAILED, null, null, StreamingMessages.reason(e));
        } catch (InterruptedException e) {
            task.cancel();
            Thread.currentThread().interrupt();
            return new Outcome(Ending.CANCELLED, null, null, CANCELLED);
        }
        try {
            SimulationSnapshot loaded = simulation.submit(new SimCommand.LoadScene(scene.scene()))
                    .get(LOAD_SECONDS, TimeUnit.SECONDS);
            log.info("Generated scene {} loaded for every viewer", loaded.sceneId());
            return new Outcome(Ending.LOADED, scene, loaded, null);
        } catch (ExecutionException | TimeoutException e) {
            return new Outcome(Ending.NOT_LOADED, null, null,
                    StreamingMessages.generatedSceneNotLoaded(StreamingMessages.reason(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Ending.NOT_LOADED, null, null,
                    StreamingMessages.generatedSceneNotLoaded(StreamingMessages.reason(e)));
        }
    }
}
