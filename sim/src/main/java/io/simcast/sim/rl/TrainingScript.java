package io.simcast.sim.rl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simcast.sim.SimcastVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a complete Python training script for one task over the {@code simcast} Python package: one host
 * environment with many copies as Stable-Baselines3's VecEnv, VecNormalize, the task's {@link TrainingRecipe}
 * (hyperparameters, budget and their source), TensorBoard logs, the configuration saved next to the model,
 * {@code --resume}, {@code --play}, {@code --smoke} and {@code --print-config}. The script is the resource
 * {@value #TEMPLATE} with the task's facts filled in. Stateless; any thread.
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingScript() {}

    /**
     * The script for one task.
     *
     * @throws java.util.NoSuchElementException for an unknown robot or task
     */
    public static String generate(String robot, String task, Algorithm algorithm) {
        TaskSpec spec = RlCatalog.builtIn().spec(robot, task);
        TrainingRecipe recipe = TrainingRecipe.of(robot, task, algorithm);
        Map<String, String> values = Map.ofEntries(Map.entry("RECIPE_JSON", recipeJson(recipe)),
                Map.entry("SOURCE", wrap(recipe.source())),
                Map.entry("ROBOT", spec.robot()),
                Map.entry("TASK", spec.id()),
                Map.entry("ALGO", algorithm.id()),
                Map.entry("ALGO_NAME", algorithm.name()),
                Map.entry("VERSION", SimcastVersion.version()),
                Map.entry("TASK_TITLE", spec.title()),
                Map.entry("DESCRIPTION", wrap(spec.description())),
                Map.entry("OBSERVATION_SIZE", Integer.toString(spec.observationSpace().size())),
                Map.entry("ACTION_SIZE", Integer.toString(spec.actionSpace().size())),
                Map.entry("MAX_EPISODE_STEPS", Integer.toString(spec.maxEpisodeSteps())));
        String script = template();
        for (Map.Entry<String, String> value : values.entrySet()) {
            script = script.replace("@@" + value.getKey() + "@@", value.getValue());
        }
        return script;
    }

    /** The recipe as the script reads it (JSON in snake_case). */
    static String recipeJson(TrainingRecipe recipe) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("num_envs", recipe.numEnvs());
        json.put("timesteps", recipe.timesteps());
        json.put("normalize", recipe.normalize());
        json.put("hyperparameters", recipe.hyperparameters());
        json.put("source", recipe.source());
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
