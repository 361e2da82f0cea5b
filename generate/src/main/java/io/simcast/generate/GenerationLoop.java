package io.simcast.generate;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One generation: ask, judge the reply, and on failure send the exact error back in the same conversation, up to
 * the attempt limit. Reports every step (see {@link EventReporter}), then completes the task. Runs entirely on its
 * generation thread; stops at the next step once the task is cancelled, and the cancel itself interrupts the provider
 * call in flight.
 */
final class GenerationLoop {
    private final ProviderSettings settings;
    private final ChatModel model;
    private final CandidateEvaluator evaluator;
    private final GenerationOptions options;
    private final GenerationTask task;
    private final EventReporter events;

    GenerationLoop(ProviderSettings settings, ChatModel model, CandidateEvaluator evaluator,
                   GenerationOptions options, GenerationTask task, EventReporter events) {
        this.settings = settings;
        this.model = model;
        this.evaluator = evaluator;
        this.options = options;
        this.task = task;
        this.events = events;
    }

    void run(String prompt) {
        List<ChatMessage> conversation = new ArrayList<>();
        conversation.add(SystemMessage.from(ScenePrompt.system()));
        conversation.add(UserMessage.from(ScenePrompt.request(prompt)));
        String lastProblem = null;
        for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
            if (task.isCancelled()) {
                cancelled(attempt - 1);
                return;
            }
            emit(new GenerationEvent.AttemptStarted(attempt, options.maxAttempts(), settings.provider(),
                    settings.effectiveModel()));
            long start = System.nanoTime();
            ChatResponse response;
            try {
                response = model.chat(ChatRequest.builder().messages(conversation).build());
            } catch (RuntimeException e) {
                if (task.isCancelled()) {
                    cancelled(attempt);
                } else {
                    fail(attempt, ProviderErrors.describe(e, settings, options.requestTimeout()));
                }
                return;
            }
            if (task.isCancelled()) {
                cancelled(attempt);
                return;
            }
            String reply = response.aiMessage() == null || response.aiMessage().text() == null
                    ? "" : response.aiMessage().text();
            emit(new GenerationEvent.ReplyReceived(attempt, reply, Duration.ofNanos(System.nanoTime() - start)));
            if (response.finishReason() == FinishReason.CONTENT_FILTER) {
                fail(attempt, LlmMessages.refused(settings.provider()));
                return;
            }
            conversation.add(AiMessage.from(reply.isEmpty() ? "(empty reply)" : reply));
            CandidateEvaluator.Verdict verdict = evaluator.evaluate(attempt, reply, response.finishReason(), prompt);
            if (verdict instanceof CandidateEvaluator.Accepted accepted) {
                deliver(attempt, accepted);
                return;
            }
            CandidateEvaluator.Rejected rejected = (CandidateEvaluator.Rejected) verdict;
            emit(rejected.event());
            lastProblem = rejected.problem();
            conversation.add(UserMessage.from(rejected.feedback()));
        }
        fail(options.maxAttempts(), LlmMessages.outOfAttempts(options.maxAttempts(), lastProblem));
    }

    private void deliver(int attempt, CandidateEvaluator.Accepted accepted) {
        if (task.isCancelled()) {
            accepted.scene().release();
            cancelled(attempt);
            return;
        }
        emit(new GenerationEvent.Succeeded(attempt, accepted.xml(), options.checkSeconds()));
        GeneratedScene scene = new GeneratedScene(accepted.scene(), accepted.xml(), settings.provider(),
                settings.effectiveModel(), attempt);
        if (!task.succeed(scene)) {
            accepted.scene().release(); // cancelled in the meantime: nobody will load it
        }
    }

    private void fail(int attempt, String reason) {
        emit(new GenerationEvent.Failed(attempt, reason));
        task.fail(new GenerationException(reason));
    }

    private void cancelled(int attempt) {
        emit(new GenerationEvent.Cancelled(attempt));
    }

    /** Events go out before the task completes, so whoever waits on the result has seen them all. */
    private void emit(GenerationEvent event) {
        events.report(event);
    }
}
