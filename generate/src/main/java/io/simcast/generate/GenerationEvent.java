package io.simcast.generate;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * One step of a generation, in the order they happen: an attempt starts, its reply arrives, and the reply yields no
 * document, fails to compile, fails the run check, or succeeds; a generation ends with {@link Succeeded},
 * {@link Failed} or {@link Cancelled}. {@link #message()} is the line the operator reads; the other fields are for
 * UIs that show more (the reply, MuJoCo's line number). Immutable.
 */
public sealed interface GenerationEvent {
    /** The 1-based attempt this event belongs to; 0 when generation ended before the first. */
    int attempt();

    /** One line for the operator. */
    String message();

    /** A request went to the provider. */
    record AttemptStarted(int attempt, int maxAttempts, Provider provider, String model) implements GenerationEvent {
        @Override
        public String message() {
            return LlmMessages.attemptStarted(attempt, maxAttempts, provider, model);
        }
    }

    /** The provider answered; {@code reply} is its whole text. */
    record ReplyReceived(int attempt, String reply, Duration took) implements GenerationEvent {
        @Override
        public String message() {
            return LlmMessages.replyReceived(attempt, reply.length(), took);
        }
    }

    /** The reply held no complete MJCF document (prose only, or cut off at the output limit). */
    record NoScene(int attempt, String problem) implements GenerationEvent {
        @Override
        public String message() {
            return LlmMessages.inAttempt(attempt, problem);
        }
    }

    /** MuJoCo (or the sandbox) refused the document; {@code error} is its text, {@code line} the line it names. */
    record CompileFailed(int attempt, String error, OptionalInt line) implements GenerationEvent {
        @Override
        public String message() {
            return LlmMessages.inAttempt(attempt, LlmMessages.compileProblem(error));
        }
    }

    /** The document compiled but did not run cleanly; each problem is one sentence. */
    record CheckFailed(int attempt, List<String> problems) implements GenerationEvent {
        public CheckFailed {
            problems = List.copyOf(problems);
        }

        @Override
        public String message() {
            return LlmMessages.inAttempt(attempt, LlmMessages.checkProblem(problems));
        }
    }

    /** A scene compiled and passed the run check; the task's result holds it. */
    record Succeeded(int attempt, String xml, double checkedSeconds) implements GenerationEvent {
        @Override
        public String message() {
            return LlmMessages.inAttempt(attempt, LlmMessages.succeeded(checkedSeconds));
        }
    }

    /** Generation gave up; {@code reason} is the whole story in one sentence. */
    record Failed(int attempt, String reason) implements GenerationEvent {
        @Override
        public String message() {
            return reason;
        }
    }

    /** The operator cancelled. */
    record Cancelled(int attempt) implements GenerationEvent {
        @Override
        public String message() {
            return LlmMessages.cancelled();
        }
    }
}
