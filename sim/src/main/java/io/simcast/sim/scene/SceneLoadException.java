package io.simcast.sim.scene;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scene could not be loaded. The message is what the user reads: MuJoCo's own text for compile errors, or the
 * sandbox rule that refused the input. {@link #line()} is the XML line the error names, when it names one.
 */
public final class SceneLoadException extends Exception {
    /** MuJoCo writes "line 3", "Line number=3" (tinyxml2) or "line = 3" depending on the stage that failed. */
    private static final Pattern LINE = Pattern.compile("(?i)\\bline(?: number)?\\s*=?\\s*(\\d+)");

    private final Integer line;

    public SceneLoadException(String message) {
        super(message);
        this.line = parseLine(message);
    }

    public SceneLoadException(String message, Throwable cause) {
        super(message, cause);
        this.line = parseLine(message);
    }

    /** The 1-based line of the root XML file the message points at, if any. */
    public OptionalInt line() {
        return line == null ? OptionalInt.empty() : OptionalInt.of(line);
    }

    private static Integer parseLine(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = LINE.matcher(message);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }
}
