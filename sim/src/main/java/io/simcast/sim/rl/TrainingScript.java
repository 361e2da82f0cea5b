package io.simcast.sim.rl;

import io.simcast.sim.SimcastVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a complete Python training script for one task: a Gymnasium {@code Env} over Simcast's REST API, a
 * Stable-Baselines3 loop with evaluation, checkpoints and a saved model, and a {@code --smoke} mode. The script is
 * the resource {@value #TEMPLATE} with the task's facts filled in. Stateless; any thread.
 */
public final class TrainingScript {
    static final String TEMPLATE = "train_template.py";
    private static final int LINE = 110;

    /** The learning algorithms the script offers. */
    public enum Algorithm {
        PPO, SAC;

        /** The lower-case name used on the command line and in the script. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The algorithm with this id ({@code ppo}, {@code sac}). */
        public static Algorithm of(String id) {
            for (Algorithm algorithm : values()) {
                if (algorithm.id().equals(id)) {
                    return algorithm;
                }
            }
            throw new IllegalArgumentException(RlMessages.unknownAlgorithm(id,
                    Arrays.stream(values()).map(Algorithm::id).toList()));
        }
    }

    private TrainingScript() {}

    /**
     * The script for one task.
     *
     * @throws java.util.NoSuchElementException for an unknown robot or task
     */
    public static String generate(String robot, String task, Algorithm algorithm) {
        TaskSpec spec = RlCatalog.builtIn().spec(robot, task);
        Map<String, String> values = Map.of(
                "ROBOT", spec.robot(),
                "TASK", spec.id(),
                "ALGO", algorithm.id(),
                "ALGO_NAME", algorithm.name(),
                "VERSION", SimcastVersion.version(),
                "TASK_TITLE", spec.title(),
                "DESCRIPTION", wrap(spec.description()),
                "OBSERVATION_SIZE", Integer.toString(spec.observationSpace().size()),
                "ACTION_SIZE", Integer.toString(spec.actionSpace().size()),
                "MAX_EPISODE_STEPS", Integer.toString(spec.maxEpisodeSteps()));
        String script = template();
        for (Map.Entry<String, String> value : values.entrySet()) {
            script = script.replace("@@" + value.getKey() + "@@", value.getValue());
        }
        return script;
    }

    /** Breaks a paragraph into lines of at most {@value #LINE} characters, for the script's docstring. */
    static String wrap(String paragraph) {
        StringBuilder text = new StringBuilder();
        int lineStart = 0;
        for (String word : paragraph.split(" ")) {
            if (text.length() > lineStart && text.length() - lineStart + 1 + word.length() > LINE) {
                text.append('\n');
                lineStart = text.length();
            } else if (text.length() > lineStart) {
                text.append(' ');
            }
            text.append(word);
        }
        return text.toString();
    }

    private static String template() {
        try (InputStream in = TrainingScript.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
