package io.simcast.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Simcast's version, written into the build by Maven. */
public final class SimcastVersion {
    private static final Properties PROPERTIES = load();

    private SimcastVersion() {}

    public static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    public static String javacpp() {
        return PROPERTIES.getProperty("javacpp", "unknown");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = SimcastVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
