package io.simcast.sim.scene;

import io.simcast.sim.scene.SceneSandbox.Reference;
import io.simcast.sim.scene.SceneSandbox.Where;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The material libraries an OBJ mesh names: MuJoCo reads OBJ files with tinyobjloader, which opens every file a
 * {@code mtllib} line names (in the OBJ's folder; the folder path split at ':' into several), even though MuJoCo uses
 * none of what it reads. Each name must obey the sandbox's rules like any file attribute, and the OBJ's own path may
 * not hold a ':'. tinyobjloader's reading: a line, after spaces and tabs, that starts with {@code mtllib} and a space
 * or tab; names separated by spaces. Used by {@link SceneSandbox} only; one instance per check.
 */
final class ObjMaterialLibraries {
    /** Longest {@code mtllib} line read; real ones name a file or two. */
    private static final int MAX_LINE_BYTES = 64 * 1024;
    private static final byte[] KEYWORD = "mtllib".getBytes(StandardCharsets.US_ASCII);

    private final SceneSandbox sandbox;
    private final Path root;
    private final Path folderAsMuJoCoSeesIt;

    /**
     * @param root the scene folder, symbolic links resolved
     * @param folderAsMuJoCoSeesIt the scene folder as MuJoCo is given it (the start of the path tinyobjloader splits)
     */
    ObjMaterialLibraries(SceneSandbox sandbox, Path root, Path folderAsMuJoCoSeesIt) {
        this.sandbox = sandbox;
        this.root = root;
        this.folderAsMuJoCoSeesIt = folderAsMuJoCoSeesIt;
    }

    /**
     * Checks every library {@code obj} names.
     *
     * @param relative the OBJ's path in the scene folder as MuJoCo builds it (directory attribute and file)
     */
    void check(Path obj, String relative) throws SceneLoadException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(obj))) {
            int lineNumber = 0;
            Optional<byte[]> line;
            while ((line = nextLine(in)).isPresent()) {
                Where where = new Where(relative, ++lineNumber);
                Optional<String> names = libraryNames(line.get(), where);
                if (names.isEmpty()) {
                    continue;
                }
                String objPath = folderAsMuJoCoSeesIt.resolve(relative).toString();
                for (String name : names.get().split("[ \\t\\f\\u000B]+")) {
                    if (name.isEmpty()) {
                        continue;
                    }
                    Reference reference = new Reference("mtllib", name, name, where, true);
                    if (objPath.contains(":")) {
                        throw new SceneLoadException(SceneMessages.colonInObjPath(reference));
                    }
                    sandbox.checkWritten(reference);
                    Optional<Path> library = sandbox.checkInside(root, obj.getParent().resolve(name), reference,
                            Optional.empty());
                    if (library.isPresent()) {
                        sandbox.checkAssetSize(library.get(), reference);
                    }
                }
            }
        } catch (IOException e) {
            throw new SceneLoadException(SceneMessages.unreadable(obj, e));
        }
    }

    /**
     * The text after {@code mtllib} on a line that starts with it (after spaces and tabs), or empty. A line too long
     * to hold a sensible library name is refused only when it is an {@code mtllib} line.
     */
    private static Optional<String> libraryNames(byte[] line, Where where) throws SceneLoadException {
        int start = 0;
        while (start < line.length && (line[start] == ' ' || line[start] == '\t')) {
            start++;
        }
        if (line.length - start <= KEYWORD.length) {
            return Optional.empty();
        }
        for (int i = 0; i < KEYWORD.length; i++) {
            if (line[start + i] != KEYWORD[i]) {
                return Optional.empty();
            }
        }
        byte after = line[start + KEYWORD.length];
        if (after != ' ' && after != '\t') {
            return Optional.empty();
        }
        if (line.length > MAX_LINE_BYTES) {
            throw new SceneLoadException(SceneMessages.mtllibLineTooLong(where, MAX_LINE_BYTES));
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, start + KEYWORD.length, line.length - start - KEYWORD.length))
                    .toString());
        } catch (CharacterCodingException e) {
            throw new SceneLoadException(SceneMessages.mtllibNotPlainText(where));
        }
    }

    /**
     * The next line (ended by \n, \r or \r\n, as tinyobjloader ends them), keeping at most one byte past
     * {@link #MAX_LINE_BYTES} so that a giant line costs no memory; empty at the end of the file.
     */
    private static Optional<byte[]> nextLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return Optional.empty();
        }
        while (b >= 0 && b != '\n' && b != '\r') {
            if (line.size() <= MAX_LINE_BYTES) {
                line.write(b);
            }
            b = in.read();
        }
        if (b == '\r') {
            in.mark(1);
            if (in.read() != '\n') {
                in.reset();
            }
        }
        return Optional.of(line.toByteArray());
    }
}
