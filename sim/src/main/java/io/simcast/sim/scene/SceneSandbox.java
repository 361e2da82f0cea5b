package io.simcast.sim.scene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses scenes that would make MuJoCo read files outside their own folder, or that are too large.
 *
 * <p>MuJoCo opens a file for every attribute named {@code file*} (mesh, texture faces, height field, skin,
 * include) and URDF's {@code filename}, relative to the model's folder plus {@code meshdir}, {@code texturedir} or
 * {@code assetdir}. The check scans the raw text for those attributes wherever they appear (even inside comments:
 * it fails closed, and it works on documents a strict XML parser would reject), decodes the XML escapes tinyxml2
 * decodes, and refuses absolute paths, {@code ..} segments and symbolic links that lead out. Includes are checked
 * recursively. Stateless and thread-safe.
 */
final class SceneSandbox {
    private static final Pattern FILE_ATTRIBUTE = Pattern.compile(
            "(?<![\\w:.-])(file\\w*|meshdir|texturedir|assetdir)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern INCLUDE = Pattern.compile("<\\s*include\\b[^>]*?\\bfile\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");
    private static final int MAX_INCLUDE_DEPTH = 16;

    private final SceneLimits limits;

    SceneSandbox(SceneLimits limits) {
        this.limits = limits;
    }

    /** Throws with a message naming the offending attribute and line if {@code source} breaks a rule. */
    void check(SceneSource source) throws SceneLoadException {
        long bytes = source.xml().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxXmlBytes()) {
            throw new SceneLoadException(SceneMessages.xmlTooLarge(source.fileName(), bytes, limits));
        }
        if (source.xml().isBlank()) {
            throw new SceneLoadException(SceneMessages.emptyXml());
        }
        Path root = source.folder() == null ? null : realFolder(source.folder());
        checkDocument(source.xml(), root, new HashSet<>(), 0);
    }

    private void checkDocument(String xml, Path root, Set<Path> visited, int depth) throws SceneLoadException {
        List<Reference> references = references(xml);
        // meshdir, texturedir and assetdir may follow the files they apply to: collect them first.
        List<String> baseDirs = new ArrayList<>(List.of(""));
        for (Reference reference : references) {
            checkRelative(reference);
            if (reference.isDirectory()) {
                baseDirs.add(reference.value());
            }
        }
        for (Reference reference : references) {
            if (reference.isDirectory()) {
                continue;
            }
            if (root == null) {
                throw new SceneLoadException(
                        SceneMessages.noAssetFolder(reference.attribute(), reference.value(), reference.line()));
            }
            for (String base : baseDirs) {
                checkInside(root, root.resolve(base).resolve(reference.value()), reference);
            }
        }
        checkIncludes(xml, root, visited, depth);
    }

    /** Every file-valued attribute in {@code xml}, decoded, with its line. */
    private static List<Reference> references(String xml) {
        List<Reference> references = new ArrayList<>();
        Matcher matcher = FILE_ATTRIBUTE.matcher(xml);
        while (matcher.find()) {
            String attribute = matcher.group(1);
            String value = decode(matcher.group(2) != null ? matcher.group(2) : matcher.group(3)).strip();
            if (attribute.equals("filename") && value.startsWith("package://")) {
                value = value.substring("package://".length()); // URDF: MuJoCo keeps only the file name
            }
            if (!value.isEmpty()) {
                references.add(new Reference(attribute, value, lineOf(xml, matcher.start())));
            }
        }
        return references;
    }

    /** One file-valued attribute: {@code file="mesh.stl"} on line 12. */
    private record Reference(String attribute, String value, int line) {
        boolean isDirectory() {
            return attribute.endsWith("dir");
        }
    }

    private void checkIncludes(String xml, Path root, Set<Path> visited, int depth) throws SceneLoadException {
        Matcher include = INCLUDE.matcher(xml);
        while (include.find()) {
            String value = decode(include.group(1) != null ? include.group(1) : include.group(2)).strip();
            int line = lineOf(xml, include.start());
            Path file = root.resolve(value).normalize(); // root is non-null: FILE_ATTRIBUTE saw this attribute too
            if (!Files.isRegularFile(file)) {
                throw new SceneLoadException(SceneMessages.includeMissing(value, line));
            }
            if (depth >= MAX_INCLUDE_DEPTH || !visited.add(file)) {
                continue; // MuJoCo reports include cycles itself
            }
            checkDocument(SceneSource.readLimited(file, limits), root, visited, depth + 1);
        }
    }

    private static void checkRelative(Reference reference) throws SceneLoadException {
        String attribute = reference.attribute();
        String value = reference.value();
        int line = reference.line();
        if (value.startsWith("/") || value.startsWith("\\") || value.startsWith("~") || value.contains(":")) {
            throw new SceneLoadException(SceneMessages.absolutePath(attribute, value, line));
        }
        for (String segment : value.split("[/\\\\]+")) {
            if (segment.equals("..")) {
                throw new SceneLoadException(SceneMessages.parentPath(attribute, value, line));
            }
        }
    }

    /** Follows symbolic links of whatever part exists, and checks size of an existing file. */
    private void checkInside(Path root, Path candidate, Reference reference) throws SceneLoadException {
        Path existing = candidate.normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        try {
            if (!existing.toRealPath().startsWith(root)) {
                throw new SceneLoadException(SceneMessages.outsideFolder(
                        reference.attribute(), reference.value(), reference.line()));
            }
            if (existing.equals(candidate.normalize()) && Files.isRegularFile(existing)) {
                long size = Files.size(existing);
                if (size > limits.maxAssetBytes()) {
                    throw new SceneLoadException(SceneMessages.assetTooLarge(reference.value(), size, limits));
                }
            }
        } catch (IOException e) {
            throw new SceneLoadException(SceneMessages.unreadable(candidate, e));
        }
    }

    private static Path realFolder(Path folder) throws SceneLoadException {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new SceneLoadException(SceneMessages.folderNotFound(folder));
        }
    }

    /** Decodes what tinyxml2 decodes in attribute values: the five named escapes and numeric references. */
    static String decode(String value) {
        Matcher numeric = NUMERIC_ENTITY.matcher(value);
        StringBuilder decoded = new StringBuilder();
        while (numeric.find()) {
            int codePoint;
            try {
                codePoint = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
            } catch (NumberFormatException e) {
                codePoint = '?';
            }
            numeric.appendReplacement(decoded, Matcher.quoteReplacement(
                    Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : "?"));
        }
        numeric.appendTail(decoded);
        return decoded.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
