package io.simcast.app.console.editor.completion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * One line on each MJCF element and attribute of MuJoCo 2.2.2, in our words, from {@code mjcf-descriptions.properties}
 * (its header says how keys are looked up). Immutable once loaded; any thread.
 */
public final class MjcfDescriptions {
    private static final String RESOURCE = "mjcf-descriptions.properties";
    private static final MjcfDescriptions BUILT_IN = load();

    private final Properties lines;

    private MjcfDescriptions(Properties lines) {
        this.lines = lines;
    }

    /** The descriptions that ship with Simcast. */
    public static MjcfDescriptions builtIn() {
        return BUILT_IN;
    }

    /** What element {@code name} is, inside {@code parent} (empty at the top). */
    public Optional<String> element(Optional<String> parent, String name) {
        return parent.flatMap(p -> line("element." + p + "." + name)).or(() -> line("element." + name));
    }

    /** What attribute {@code name} of element {@code element} sets. */
    public Optional<String> attribute(String element, String name) {
        return line("attribute." + element + "." + name)
                .or(() -> line("attribute." + element + ".*").map(pattern -> MessageFormat.format(pattern,
                        words(name))))
                .or(() -> line("attribute." + name));
    }

    private Optional<String> line(String key) {
        return Optional.ofNullable(lines.getProperty(key));
    }

    /** An attribute name as words: "contactforce" stays, "nuser_geom" becomes "nuser geom". */
    private static String words(String name) {
        return name.replace('_', ' ');
    }

    private static MjcfDescriptions load() {
        Properties lines = new Properties();
        try (InputStream in = MjcfDescriptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            lines.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MjcfDescriptions(lines);
    }
}
