package io.simcast.sim.scene;

import io.simcast.sim.scene.XmlOutline.Attribute;
import io.simcast.sim.scene.XmlOutline.Element;
import io.simcast.sim.scene.XmlOutline.Unknown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses scenes that would make MuJoCo read files outside their own folder, or that are too large.
 *
 * <p>It reads the documents as MuJoCo 2.2.2 does ({@link XmlOutline}: the same tinyxml2, so the same elements,
 * entities and values) and expands includes as MuJoCo does: an element named {@code include} in any letter case, its
 * {@code file} resolved in the root document's folder, the included document's elements spliced in. Over the whole
 * expanded model, every attribute whose name starts with {@code file} (mesh, skin, height field, texture and its six
 * cube faces, URDF's {@code filename}) is a file MuJoCo may open, under any {@code meshdir}, {@code texturedir} or
 * {@code assetdir} set anywhere (in MuJoCo one of them applies to the whole model, whichever file sets it). Each must
 * stay in the scene folder: no absolute paths, no {@code ..}, no symbolic link out, no device or pipe, nothing over
 * the size limit. An OBJ mesh may name material libraries ({@code mtllib}) that MuJoCo's OBJ reader opens too: those
 * follow the same rules ({@link ObjMaterialLibraries}). A {@code <!DOCTYPE>} is refused outright: MuJoCo ignores it,
 * and nothing in a scene needs one.
 *
 * <p>A root document that tinyxml2 cannot parse passes: MuJoCo parses the same bytes with the same library, fails the
 * same way before opening any file, and the user reads MuJoCo's own message. Stateless and thread-safe.
 */
final class SceneSandbox {
    /** Included documents per scene; MuJoCo's largest sample (humanoid100) has one. */
    private static final int MAX_INCLUDED_DOCUMENTS = 64;
    private static final Set<String> DIRECTORY_ATTRIBUTES = Set.of("meshdir", "texturedir", "assetdir");
    private static final String PACKAGE_PREFIX = "package://";

    private final SceneLimits limits;

    SceneSandbox(SceneLimits limits) {
        this.limits = limits;
    }

    /** Throws with a message naming the offending document, line and attribute if {@code source} breaks a rule. */
    void check(SceneSource source) throws SceneLoadException {
        long bytes = source.xml().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxXmlBytes()) {
            throw new SceneLoadException(SceneMessages.xmlTooLarge(source.fileName(), bytes, limits));
        }
        if (source.xml().isBlank()) {
            throw new SceneLoadException(SceneMessages.emptyXml());
        }
        Optional<Path> root = source.folder() == null ? Optional.empty() : Optional.of(realFolder(source.folder()));
        XmlOutline outline = XmlOutline.read(source.textForMuJoCo().getBytes(StandardCharsets.UTF_8));
        if (outline.error().isPresent()) {
            return; // MuJoCo stops at the same parse error, before it opens anything
        }
        List<Document> documents = expand(new Document(source.fileName(), outline), root);
        checkAssets(documents, root, source);
    }

    /** One parsed document of the scene, named as the scene names it. */
    private record Document(String name, XmlOutline outline) {
        List<Element> elements() {
            return outline.nodes().stream().filter(Element.class::isInstance).map(Element.class::cast).toList();
        }
    }

    /** The root document and every document it includes, directly or not, each checked before it is read. */
    private List<Document> expand(Document rootDocument, Optional<Path> root) throws SceneLoadException {
        List<Document> documents = new ArrayList<>();
        Deque<Document> pending = new ArrayDeque<>(List.of(rootDocument));
        Set<Path> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Document document = pending.removeFirst();
            documents.add(document);
            for (XmlOutline.Node node : document.outline().nodes()) {
                if (node instanceof Unknown unknown) {
                    throw new SceneLoadException(SceneMessages.declarationRefused(unknown.text(),
                            new Where(document.name(), unknown.line())));
                }
            }
            for (Element element : document.elements()) {
                Optional<Reference> include = includedFile(element, document);
                if (include.isEmpty()) {
                    continue;
                }
                Reference reference = include.get();
                checkWritten(reference);
                Path folder = root.orElseThrow(() -> new SceneLoadException(SceneMessages.noAssetFolder(reference)));
                Path file = checkInside(folder, folder.resolve(reference.path()), reference, Optional.empty())
                        .orElseThrow(() -> new SceneLoadException(SceneMessages.includeMissing(reference)));
                if (!seen.add(realPath(file))) {
                    continue; // MuJoCo refuses a file included twice; one check of its text is enough
                }
                if (seen.size() > MAX_INCLUDED_DOCUMENTS) {
                    throw new SceneLoadException(SceneMessages.tooManyIncludes(MAX_INCLUDED_DOCUMENTS));
                }
                XmlOutline included = XmlOutline.read(readIncluded(file, reference));
                if (included.error().isPresent()) {
                    throw new SceneLoadException(SceneMessages.includeNotXml(reference, included.error().get()));
                }
                pending.addLast(new Document(reference.value(), included));
            }
        }
        return documents;
    }

    /** The file an element includes, read as MuJoCo reads it: the first attribute named exactly {@code file}. */
    private static Optional<Reference> includedFile(Element element, Document document) {
        if (!asciiLower(element.name()).equals("include")) {
            return Optional.empty();
        }
        return element.attributes().stream().filter(a -> a.name().equals("file")).findFirst()
                .map(a -> Reference.of(a, a.value(), document));
    }

    /** Every file-valued attribute of the expanded model, under every directory the model sets. */
    private void checkAssets(List<Document> documents, Optional<Path> root, SceneSource source)
            throws SceneLoadException {
        boolean stripsPackagePaths = urdfStripsPaths(documents);
        List<Reference> directories = new ArrayList<>();
        List<Reference> files = new ArrayList<>();
        for (Document document : documents) {
            for (Element element : document.elements()) {
                for (Attribute attribute : element.attributes()) {
                    String name = asciiLower(attribute.name());
                    String value = attribute.value();
                    if (value.isEmpty() || asciiLower(element.name()).equals("include") && name.equals("file")) {
                        continue; // no file, or an include (checked before it was read)
                    }
                    if (DIRECTORY_ATTRIBUTES.contains(name)) {
                        directories.add(Reference.of(attribute, value, document));
                    } else if (name.startsWith("file")) {
                        boolean stripped = stripsPackagePaths && value.startsWith(PACKAGE_PREFIX);
                        files.add(Reference.of(attribute,
                                stripped ? value.substring(PACKAGE_PREFIX.length()) : value, document));
                    }
                }
            }
        }
        for (Reference directory : directories) {
            checkWritten(directory);
        }
        for (Reference file : files) {
            checkWritten(file);
        }
        if (files.isEmpty()) {
            return;
        }
        Path folder = root.orElseThrow(() -> new SceneLoadException(SceneMessages.noAssetFolder(files.getFirst())));
        List<Optional<Reference>> bases = new ArrayList<>(List.of(Optional.empty()));
        directories.forEach(directory -> bases.add(Optional.of(directory)));
        ObjMaterialLibraries materials = new ObjMaterialLibraries(this, folder, source.folder().toAbsolutePath());
        for (Reference file : files) {
            for (Optional<Reference> base : bases) {
                String relative = base.map(b -> b.path() + "/").orElse("") + file.path();
                Optional<Path> existing = checkInside(folder, folder.resolve(relative), file, base);
                if (existing.isPresent()) {
                    checkAssetSize(existing.get(), file);
                    if (isObj(file.path())) {
                        materials.check(existing.get(), relative);
                    }
                }
            }
        }
    }

    /**
     * URDF files name meshes {@code package://pkg/mesh.stl}; MuJoCo keeps only the file name unless the model turns
     * {@code strippath} off, in which case the whole text (an absolute path to MuJoCo) is checked and refused.
     */
    private static boolean urdfStripsPaths(List<Document> documents) {
        boolean urdf = documents.getFirst().elements().stream().filter(e -> e.depth() == 0).findFirst()
                .map(e -> asciiLower(e.name()).equals("robot")).orElse(false);
        boolean pathsKept = documents.stream().flatMap(d -> d.elements().stream())
                .flatMap(e -> e.attributes().stream())
                .anyMatch(a -> asciiLower(a.name()).equals("strippath") && !a.value().equals("true"));
        return urdf && !pathsKept;
    }

    /** What the text alone tells: plain characters, relative, never up. */
    void checkWritten(Reference reference) throws SceneLoadException {
        String path = reference.path();
        if (!reference.plain() || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new SceneLoadException(SceneMessages.notPlainText(reference));
        }
        // MuJoCo treats a leading slash or backslash and any ":/" or ":\" as absolute; '~' and ':' are refused too.
        if (path.startsWith("/") || path.startsWith("\\") || path.startsWith("~") || path.contains(":")) {
            throw new SceneLoadException(SceneMessages.absolutePath(reference));
        }
        for (String segment : path.split("[/\\\\]+")) {
            if (segment.equals("..")) {
                throw new SceneLoadException(SceneMessages.parentPath(reference));
            }
        }
    }

    /**
     * Follows symbolic links of whatever part of {@code candidate} exists; an existing file must be a plain file (not
     * a device, pipe or folder).
     *
     * @param base the directory attribute {@code candidate} was resolved under, for the message
     * @return the file, when it exists (MuJoCo reports a missing one itself)
     */
    Optional<Path> checkInside(Path root, Path candidate, Reference reference, Optional<Reference> base)
            throws SceneLoadException {
        Path normalized = candidate.normalize();
        Path existing = normalized;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.empty();
        }
        if (!realPath(existing).startsWith(root)) {
            throw new SceneLoadException(SceneMessages.outsideFolder(reference, base));
        }
        if (!existing.equals(normalized)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(existing)) {
            throw new SceneLoadException(SceneMessages.notAFile(reference));
        }
        return Optional.of(existing);
    }

    void checkAssetSize(Path file, Reference reference) throws SceneLoadException {
        long size = size(file);
        if (size > limits.maxAssetBytes()) {
            throw new SceneLoadException(SceneMessages.assetTooLarge(reference.value(), size, limits));
        }
    }

    private byte[] readIncluded(Path file, Reference reference) throws SceneLoadException {
        long size = size(file);
        if (size > limits.maxXmlBytes()) {
            throw new SceneLoadException(SceneMessages.xmlTooLarge(reference.value(), size, limits));
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SceneLoadException(SceneMessages.unreadable(file, e));
        }
    }

    /** MuJoCo picks its mesh reader by the last three letters of the name, in any case. */
    private static boolean isObj(String path) {
        return path.length() >= 3 && asciiLower(path.substring(path.length() - 3)).equals("obj");
    }

    private static long size(Path file) throws SceneLoadException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new SceneLoadException(SceneMessages.unreadable(file, e));
        }
    }

    private static Path realPath(Path path) throws SceneLoadException {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new SceneLoadException(SceneMessages.unreadable(path, e));
        }
    }

    private static Path realFolder(Path folder) throws SceneLoadException {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new SceneLoadException(SceneMessages.folderNotFound(folder));
        }
    }

    /** Folds A-Z only, as MuJoCo's strcasecmp does in the C locale. */
    static String asciiLower(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    /** A place in the scene's text: the document as the scene names it, and a line. */
    record Where(String document, int line) {
        @Override
        public String toString() {
            return document + ", line " + line;
        }
    }

    /**
     * One file-valued attribute (or an OBJ's {@code mtllib} name).
     *
     * @param value as written (shown to the user)
     * @param path what MuJoCo will resolve ({@code value} without URDF's {@code package://})
     * @param plain false when the value is not valid UTF-8
     */
    record Reference(String attribute, String value, String path, Where where, boolean plain) {
        static Reference of(Attribute attribute, String path, Document document) {
            return new Reference(attribute.name(), attribute.value(), path,
                    new Where(document.name(), attribute.line()), attribute.plain());
        }
    }
}
