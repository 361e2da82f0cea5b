package io.simcast.app.console.files;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unsaved editor text kept on disk, so that a crash loses nothing: one {@code .xml} file per console run in the
 * recovery folder, with a {@code .properties} file naming the document's own file. A clean exit or a saved document
 * removes it; what an earlier run left behind is offered back at the next start.
 *
 * <p>Written and cleared on the console's IO thread; {@link #leftovers()} and {@link #discard} on any thread.
 */
public final class RecoveryStore {
    private static final Logger log = LoggerFactory.getLogger(RecoveryStore.class);
    private static final String ORIGIN = "file";

    /**
     * Text an earlier run left behind.
     *
     * @param file the recovery file itself
     * @param text the unsaved text
     * @param origin the file the text belonged to, or null for a preset or untitled text
     * @param savedAt when it was last written
     */
    public record RecoveredText(Path file, String text, Path origin, Instant savedAt) {
        /** The document's name as the editor showed it. */
        public String name() {
            return origin != null ? origin.getFileName().toString() : file.getFileName().toString();
        }
    }

    private final Path folder;
    private final Path text;
    private final Path properties;

    /** A store for this run, in {@code folder}; the run's files are named by {@code runId}. */
    public RecoveryStore(Path folder, String runId) {
        this.folder = folder;
        this.text = folder.resolve(runId + ".xml");
        this.properties = folder.resolve(runId + ".properties");
    }

    /** Keeps {@code unsaved}, which belongs to {@code origin} (or to no file when null). */
    public void write(String unsaved, Path origin) {
        try {
            Properties meta = new Properties();
            if (origin != null) {
                meta.setProperty(ORIGIN, origin.toString());
            }
            StringWriter metaText = new StringWriter();
            meta.store(metaText, "Simcast recovery");
            AtomicFiles.writeString(properties, metaText.toString());
            AtomicFiles.writeString(text, unsaved);
        } catch (IOException e) {
            log.warn("Could not write the recovery file {}", text, e);
        }
    }

    /** Removes this run's text: it was saved or deliberately dropped. */
    public void clear() {
        delete(text);
    }

    /** What earlier runs left behind, newest first. */
    public List<RecoveredText> leftovers() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<RecoveredText> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml") && !f.equals(text)).toList()) {
                found.add(read(file));
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not read the recovery folder {}", folder, e);
        }
        found.sort(Comparator.comparing(RecoveredText::savedAt).reversed());
        return found;
    }

    /** Makes text an earlier run left behind this run's own (it was restored into the editor). */
    public void adopt(RecoveredText recovered) {
        try {
            if (Files.exists(metaFile(recovered.file()))) {
                Files.move(metaFile(recovered.file()), properties, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(recovered.file(), text, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not adopt the recovery file {}", recovered.file(), e);
        }
    }

    /** Removes text an earlier run left behind, once it was refused. */
    public void discard(RecoveredText recovered) {
        delete(recovered.file());
        delete(metaFile(recovered.file()));
    }

    private static RecoveredText read(Path file) throws IOException {
        Properties meta = new Properties();
        Path metaFile = metaFile(file);
        if (Files.isRegularFile(metaFile)) {
            try (Reader reader = Files.newBufferedReader(metaFile, StandardCharsets.UTF_8)) {
                meta.load(reader);
            }
        }
        String origin = meta.getProperty(ORIGIN);
        return new RecoveredText(file, Files.readString(file, StandardCharsets.UTF_8),
                origin == null ? null : Path.of(origin), Files.getLastModifiedTime(file).toInstant());
    }

    private static Path metaFile(Path textFile) {
        return textFile.resolveSibling(textFile.getFileName().toString().replaceFirst("\\.xml$", ".properties"));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }
}
