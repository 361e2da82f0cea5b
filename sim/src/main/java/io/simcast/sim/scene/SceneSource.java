package io.simcast.sim.scene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where a scene comes from: its MJCF (or URDF) text, and the folder its assets may be read from.
 *
 * @param id short identifier shown to users (preset id, file name, or a content hash)
 * @param title human-readable name
 * @param xml the root document
 * @param fileName name of the root document, used by MuJoCo to resolve relative paths
 * @param folder the only folder assets may come from; {@code null} means the document may not read any file
 * @param trusted true only for presets shipped inside Simcast: they skip the outside-model defaults
 */
public record SceneSource(String id, String title, String xml, String fileName, Path folder, boolean trusted) {

    public SceneSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(fileName, "fileName");
    }

    /** The text MuJoCo compiles, and the sandbox checks: the document itself for presets, else with outside defaults. */
    String textForMuJoCo() {
        return trusted ? xml : OutsideModelDefaults.apply(xml);
    }

    /** XML text with no assets of its own (from a browser, the API, or an LLM). */
    public static SceneSource ofString(String xml) {
        String id = "custom-" + shortHash(xml);
        return new SceneSource(id, "Custom scene", xml, "scene.xml", null, false);
    }

    /** XML text whose relative asset paths resolve inside {@code folder}. */
    public static SceneSource ofString(String xml, Path folder) {
        String id = "custom-" + shortHash(xml);
        return new SceneSource(id, "Custom scene", xml, "scene.xml", folder, false);
    }

    /** An XML file on disk; its assets must sit in its folder or below. */
    public static SceneSource ofFile(Path file, SceneLimits limits) throws SceneLoadException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new SceneLoadException(SceneMessages.fileNotFound(file));
        }
        String xml = readLimited(absolute, limits);
        String name = absolute.getFileName().toString();
        String stem = name.replaceFirst("\\.[^.]+$", "");
        return new SceneSource(stem, stem, xml, name, absolute.getParent(), false);
    }

    /**
     * A folder holding one scene and its assets: the single XML file at its top level, or {@code scene.xml} /
     * {@code model.xml} when there are several.
     */
    public static SceneSource ofFolder(Path folder, SceneLimits limits) throws SceneLoadException {
        if (!Files.isDirectory(folder)) {
            throw new SceneLoadException(SceneMessages.folderNotFound(folder));
        }
        List<Path> candidates;
        try (Stream<Path> files = Files.list(folder)) {
            candidates = files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".xml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new SceneLoadException(SceneMessages.unreadable(folder, e));
        }
        if (candidates.size() == 1) {
            return ofFile(candidates.getFirst(), limits);
        }
        for (String preferred : List.of("scene.xml", "model.xml")) {
            Path file = folder.resolve(preferred);
            if (candidates.contains(file)) {
                return ofFile(file, limits);
            }
        }
        throw new SceneLoadException(SceneMessages.ambiguousFolder(folder, candidates));
    }

    /** A file or a folder, whichever {@code path} is. */
    public static SceneSource ofPath(Path path, SceneLimits limits) throws SceneLoadException {
        return Files.isDirectory(path) ? ofFolder(path, limits) : ofFile(path, limits);
    }

    static String readLimited(Path file, SceneLimits limits) throws SceneLoadException {
        try {
            long size = Files.size(file);
            if (size > limits.maxXmlBytes()) {
                throw new SceneLoadException(SceneMessages.xmlTooLarge(file.getFileName().toString(), size, limits));
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SceneLoadException(SceneMessages.unreadable(file, e));
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
