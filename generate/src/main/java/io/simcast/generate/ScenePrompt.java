package io.simcast.generate;

import io.simcast.sim.scene.PresetCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Everything the model reads: the system prompt that teaches MJCF for MuJoCo 2.2.2 and Simcast's conventions (from
 * {@code scene-prompt.txt}, with two presets as worked examples), the request, and the messages that send a failed
 * attempt back with the exact error. Stateless.
 */
final class ScenePrompt {
    /** A small articulated scene and a busy free-body one: between them, most of what operators ask for. */
    static final List<String> EXAMPLE_PRESETS = List.of("double-pendulum", "playground");
    private static final String TEMPLATE = readTemplate();
    private static final String SYSTEM = TEMPLATE.replace("{{examples}}", examples());
    private static final String REPLY_AGAIN =
            "\n\nFix this and reply with the complete corrected document in one ```xml code block.";

    private ScenePrompt() {}

    static String system() {
        return SYSTEM;
    }

    static String request(String prompt) {
        return "Build this scene:\n\n" + prompt;
    }

    static String repairNoDocument() {
        return "Your reply did not contain a complete MJCF document. Reply with the whole scene, from <mujoco> to "
                + "</mujoco>, in one ```xml code block.";
    }

    static String repairTruncated() {
        return "Your reply was cut off at the output limit before the scene was complete. Write a smaller scene "
                + "(fewer bodies, no comments) and reply with the whole document in one ```xml code block.";
    }

    /** MuJoCo's message, and the line it names quoted, since the model cannot count its own lines reliably. */
    static String repairCompile(String error, String xml, int line) {
        List<String> lines = xml.lines().toList();
        String quoted = line >= 1 && line <= lines.size()
                ? "\n\nLine " + line + " of your document is:\n" + lines.get(line - 1).strip()
                : "";
        return "MuJoCo 2.2.2 could not compile your scene:\n\n" + error + quoted + REPLY_AGAIN;
    }

    static String repairCheck(double seconds, List<String> problems) {
        return "Your scene compiled, but when Simcast ran it for " + String.format(Locale.ROOT, "%.1f", seconds)
                + " s:\n- " + String.join("\n- ", problems) + REPLY_AGAIN;
    }

    private static String examples() {
        PresetCatalog catalog = PresetCatalog.builtIn();
        StringBuilder text = new StringBuilder();
        for (String id : EXAMPLE_PRESETS) {
            String xml = catalog.source(catalog.find(id).orElseThrow()).xml();
            text.append("```xml\n").append(xml.strip()).append("\n```\n\n");
        }
        return text.toString().strip();
    }

    private static String readTemplate() {
        try (InputStream in = ScenePrompt.class.getResourceAsStream("scene-prompt.txt")) {
            if (in == null) {
                throw new IllegalStateException("scene-prompt.txt missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
