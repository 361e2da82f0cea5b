package io.simcast.streaming.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.simcast.generate.GenerationEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A generation as {@code POST /api/scene/generate} reports it: each event as it happens (one Server-Sent Event, see
 * {@link #event}), and the attempts with what became of each, folded from those events, for the final answer. Not
 * thread-safe: the worker thread answering the request owns it.
 */
final class GenerationReport {

    /**
     * One attempt: what was asked, what came back and what became of it. Serialised in snake_case whichever mapper
     * writes it (the error body goes through the host's camelCase one).
     *
     * @param outcome {@code no_scene}, {@code compile_failed}, {@code check_failed}, {@code succeeded},
     *     {@code provider_error} or {@code cancelled}; null while it runs
     * @param error what went wrong, in the words the operator reads
     * @param line the line MuJoCo's error points at
     * @param problems what the run check found
     * @param reply the model's whole reply
     * @param replySeconds how long the reply took
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Attempt(int attempt, String provider, String model, String outcome, String error, Integer line,
                   List<String> problems, String reply, @JsonProperty("reply_seconds") Double replySeconds) {
        Attempt with(String newOutcome, String newError, Integer newLine, List<String> newProblems) {
            return new Attempt(attempt, provider, model, newOutcome, newError, newLine, newProblems, reply,
                    replySeconds);
        }
    }

    private final List<Attempt> attempts = new ArrayList<>();
    private GenerationEvent last;

    /** Folds one event in. */
    void add(GenerationEvent event) {
        last = event;
        switch (event) {
            case GenerationEvent.AttemptStarted started -> attempts.add(new Attempt(started.attempt(),
                    started.provider().id(), started.model(), null, null, null, null, null, null));
            case GenerationEvent.ReplyReceived reply -> current().ifPresent(a -> replace(new Attempt(a.attempt(),
                    a.provider(), a.model(), null, null, null, null, reply.reply(), reply.took().toMillis() / 1000.0)));
            case GenerationEvent.NoScene none -> end("no_scene", none.problem(), null, null);
            case GenerationEvent.CompileFailed failed -> end("compile_failed", failed.error(),
                    failed.line().isPresent() ? failed.line().getAsInt() : null, null);
            case GenerationEvent.CheckFailed failed -> end("check_failed", String.join("; ", failed.problems()), null,
                    failed.problems());
            case GenerationEvent.Succeeded ignored -> end("succeeded", null, null, null);
            case GenerationEvent.Failed failed -> {
                if (current().filter(a -> a.outcome() == null).isPresent()) {
                    end("provider_error", failed.reason(), null, null); // the attempt in flight never got its scene
                }
            }
            case GenerationEvent.Cancelled ignored -> {
                if (current().filter(a -> a.outcome() == null).isPresent()) {
                    end("cancelled", null, null, null);
                }
            }
        }
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The event that ended the generation, or the latest one. */
    GenerationEvent last() {
        return last;
    }

    /**
     * The HTTP status a failed generation answers: 503 when it could not start (nothing set up), 502 when the
     * provider failed (refused key, rate limit, no answer), 422 when the model's scenes never worked.
     */
    int failureStatus() {
        if (attempts.isEmpty()) {
            return 503;
        }
        return "provider_error".equals(attempts.getLast().outcome()) ? 502 : 422;
    }

    /** The Server-Sent Event name of {@code event}: its type in snake_case ({@code compile_failed}). */
    static String name(GenerationEvent event) {
        return event.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The data of {@code event}'s Server-Sent Event: its fields, and the line the operator reads. */
    static Map<String, Object> event(GenerationEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", name(event));
        data.put("attempt", event.attempt());
        data.put("message", event.message());
        switch (event) {
            case GenerationEvent.AttemptStarted started -> {
                data.put("max_attempts", started.maxAttempts());
                data.put("provider", started.provider().id());
                data.put("model", started.model());
            }
            case GenerationEvent.ReplyReceived reply -> {
                data.put("seconds", reply.took().toMillis() / 1000.0);
                data.put("reply", reply.reply());
            }
            case GenerationEvent.NoScene none -> data.put("error", none.problem());
            case GenerationEvent.CompileFailed failed -> {
                data.put("error", failed.error());
                failed.line().ifPresent(line -> data.put("line", line));
            }
            case GenerationEvent.CheckFailed failed -> data.put("problems", failed.problems());
            case GenerationEvent.Succeeded succeeded -> {
                data.put("checked_seconds", succeeded.checkedSeconds());
                data.put("xml", succeeded.xml());
            }
            case GenerationEvent.Failed failed -> data.put("error", failed.reason());
            case GenerationEvent.Cancelled ignored -> { }
        }
        return data;
    }

    private Optional<Attempt> current() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.getLast());
    }

    private void replace(Attempt attempt) {
        attempts.set(attempts.size() - 1, attempt);
    }

    private void end(String outcome, String error, Integer line, List<String> problems) {
        current().ifPresent(a -> replace(a.with(outcome, error, line, problems)));
    }
}
