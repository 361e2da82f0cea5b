package io.simcast.generate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the MJCF document in a model's reply: the last fenced code block that holds a {@code <mujoco} element (models
 * that revise themselves put the final version last), else the bare text from the first {@code <mujoco} to the last
 * {@code </mujoco>}. Stateless.
 */
final class MjcfExtractor {
    private static final Pattern FENCED = Pattern.compile("```[^\\n]*\\n(.*?)```", Pattern.DOTALL);

    private MjcfExtractor() {}

    /** The document, trimmed; empty when the reply holds none (prose only, or cut off before the end). */
    static Optional<String> extract(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        String found = null;
        Matcher fenced = FENCED.matcher(reply);
        while (fenced.find()) {
            if (fenced.group(1).contains("<mujoco")) {
                found = fenced.group(1);
            }
        }
        if (found != null) {
            return Optional.of(found.strip());
        }
        int start = reply.indexOf("<mujoco");
        int end = reply.lastIndexOf("</mujoco>");
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        return Optional.of(reply.substring(start, end + "</mujoco>".length()));
    }
}
