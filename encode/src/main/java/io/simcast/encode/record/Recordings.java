package io.simcast.encode.record;

import io.simcast.encode.EncodeMessages;
import io.simcast.encode.EncoderChoice;
import io.simcast.encode.EncoderKind;
import io.simcast.encode.EncoderProbe;
import io.simcast.sim.render.FrameSubscription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The host's recordings: starts and stops {@link LiveRecording}s of views, and lists and finds the MP4 files in one
 * folder (finished ones, and the fragmented files a crash left, which still play). What {@code /api/recordings} and
 * the console's Record button both use. Any thread.
 */
public final class Recordings implements AutoCloseable {
    /** Recordings at once: each one is an encoder on this machine's cores. */
    public static final int MAX_ACTIVE = 4;
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]+\\.mp4");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path folder;
    private final EncoderChoice encoder;
    private final Map<String, LiveRecording> recordings = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /**
     * A file in the folder.
     *
     * @param name the file name (what downloads and deletes use)
     * @param bytes its size
     * @param complete a finished, fast-start MP4; false for one being written or left by a crash
     */
    public record StoredFile(String name, long bytes, boolean complete) {}

    public Recordings(Path folder, EncoderChoice encoder) {
        this.folder = folder;
        this.encoder = encoder;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Starts recording {@code frames} (which the recording owns from now on) at {@code fps}.
     *
     * @param source what is recorded, in words, also the start of the file name
     * @param release runs when the recording ends (lets go of a view made for it); the caller runs it if this
     *     throws
     * @throws IllegalStateException when {@value #MAX_ACTIVE} recordings are running already
     * @throws io.simcast.encode.EncoderUnavailableException when no encoder (or not the configured one) works
     */
    public LiveRecording.Status start(String source, FrameSubscription frames, int fps, Runnable release)
            throws IOException {
        if (active().size() >= MAX_ACTIVE) {
            frames.close();
            throw new IllegalStateException(EncodeMessages.tooManyRecordings(MAX_ACTIVE));
        }
        EncoderKind kind;
        try {
            kind = EncoderProbe.choose(encoder);
            Files.createDirectories(folder);
        } catch (RuntimeException | IOException e) {
            frames.close();
            throw e;
        }
        String id = "r" + ids.incrementAndGet();
        Path file = folder.resolve(slug(source) + "-" + LocalDateTime.now().format(STAMP) + "-" + id + ".mp4");
        LiveRecording recording = LiveRecording.start(id, source, file, frames, kind, fps, release);
        recordings.put(id, recording);
        return recording.status();
    }

    /** Stops recording {@code id} and finishes its file; empty when there is no such recording. */
    public Optional<LiveRecording.Status> stop(String id) throws InterruptedException {
        LiveRecording recording = recordings.get(id);
        return recording == null ? Optional.empty() : Optional.of(recording.stop());
    }

    /** Every recording of this run, newest last. */
    public List<LiveRecording.Status> recordings() {
        return recordings.values().stream().map(LiveRecording::status)
                .sorted(Comparator.comparing(LiveRecording.Status::started)).toList();
    }

    public List<LiveRecording.Status> active() {
        return recordings().stream().filter(s -> s.state() == LiveRecording.State.RECORDING).toList();
    }

    /** The MP4 files in the folder, by name. */
    public List<StoredFile> files() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<StoredFile> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path path : listing.sorted().toList()) {
                String name = path.getFileName().toString();
                if (FILE_NAME.matcher(name).matches() && Files.isRegularFile(path)) {
                    files.add(new StoredFile(name, Files.size(path), !name.endsWith(Mp4Writer.PARTIAL_SUFFIX)));
                }
            }
        }
        return files;
    }

    /**
     * The file called {@code name} in the folder, or empty when there is none; names with a path in them are
     * never resolved.
     */
    public Optional<Path> file(String name) {
        if (name == null || !FILE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path path = folder.resolve(name);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** Stops every recording, finishing their files. */
    @Override
    public void close() {
        for (LiveRecording recording : recordings.values()) {
            try {
                recording.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String slug(String source) {
        String slug = source.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "view" : slug.toLowerCase(java.util.Locale.ROOT);
    }
}
