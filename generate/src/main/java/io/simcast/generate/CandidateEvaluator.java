package io.simcast.generate;

import dev.langchain4j.model.output.FinishReason;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneLoadException;
import io.simcast.sim.scene.SceneSource;
import java.util.List;
import java.util.Optional;

/**
 * Judges one reply: finds the document, compiles it, runs the check. The verdict is a scene (accepted) or what went
 * wrong three ways: the event the operator sees, the message the model gets back, and the problem in a few words
 * for the final report. Runs on the generation thread.
 */
final class CandidateEvaluator {
    private static final int TITLE_LENGTH = 60;

    private final CandidateCompiler compiler;
    private final SceneCheck check;
    private final double checkSeconds;

    CandidateEvaluator(CandidateCompiler compiler, double checkSeconds) {
        this.compiler = compiler;
        this.check = new SceneCheck(checkSeconds);
        this.checkSeconds = checkSeconds;
    }

    sealed interface Verdict {}

    /** A working scene; the receiver owns its model reference. */
    record Accepted(Scene scene, String xml) implements Verdict {}

    record Rejected(GenerationEvent event, String feedback, String problem) implements Verdict {}

    Verdict evaluate(int attempt, String reply, FinishReason finish, String prompt) {
        Optional<String> found = MjcfExtractor.extract(reply);
        if (found.isEmpty()) {
            boolean cutOff = finish == FinishReason.LENGTH;
            String problem = cutOff ? LlmMessages.truncated() : LlmMessages.noDocument();
            return new Rejected(new GenerationEvent.NoScene(attempt, problem),
                    cutOff ? ScenePrompt.repairTruncated() : ScenePrompt.repairNoDocument(), problem);
        }
        String xml = found.get();
        Scene scene;
        try {
            scene = compiler.compile(source(xml, prompt));
        } catch (SceneLoadException e) {
            return new Rejected(new GenerationEvent.CompileFailed(attempt, e.getMessage(), e.line()),
                    ScenePrompt.repairCompile(e.getMessage(), xml, e.line().orElse(0)),
                    LlmMessages.compileProblem(e.getMessage()));
        }
        List<String> problems;
        try {
            problems = check.problems(scene);
        } catch (RuntimeException e) {
            problems = List.of(LlmMessages.runFailed(e.getMessage())); // a MuJoCo error while stepping
        }
        if (!problems.isEmpty()) {
            scene.release();
            return new Rejected(new GenerationEvent.CheckFailed(attempt, problems),
                    ScenePrompt.repairCheck(checkSeconds, problems), LlmMessages.checkProblem(problems));
        }
        return new Accepted(scene, xml);
    }

    /** Generated scenes read no files (no folder) and are named after the request. */
    private static SceneSource source(String xml, String prompt) {
        String title = prompt.length() <= TITLE_LENGTH ? prompt : prompt.substring(0, TITLE_LENGTH - 3) + "...";
        String id = "generated-" + String.format("%08x", xml.hashCode());
        return new SceneSource(id, title, xml, "scene.xml", null, false);
    }
}
