package io.simcast.app.console.record;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.log.LogViewModel;
import io.simcast.encode.record.LiveRecording;
import io.simcast.encode.record.Recordings;
import io.simcast.sim.render.View;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The toolbar's Record button: records the console's live view to an MP4 in the host's recordings folder (the same
 * {@link Recordings} that {@code /api/recordings} uses), and stops it. Starting and stopping (which finishes the
 * file) run on the console's I/O thread; the log says where the file went or why it failed. JavaFX thread.
 */
public final class RecordViewModel {
    private final Supplier<Optional<Recordings>> recordings;
    private final Optional<View> view;
    private final int fps;
    private final LogViewModel log;
    private final Executor io;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private String id;
    /** Where the recording under way goes: the host that started it, which the "Share on the network" switch may
     * since have replaced. */
    private Recordings recordingTo;

    /**
     * @param recordings the recordings of the host serving now, empty when the console shares nothing
     * @param view the live view, empty without a renderer
     */
    public RecordViewModel(Supplier<Optional<Recordings>> recordings, Optional<View> view, int fps, LogViewModel log,
                           Executor io, Executor fx) {
        this.recordings = recordings;
        this.view = view;
        this.fps = fps;
        this.log = log;
        this.io = io;
        this.fx = fx;
    }

    public boolean available() {
        return recordings.get().isPresent() && view.isPresent();
    }

    public ReadOnlyBooleanProperty recording() {
        return recording.getReadOnlyProperty();
    }

    /** True while a start or stop is on its way. */
    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public void toggle() {
        if (id == null && !available() || busy.get()) {
            return;
        }
        busy.set(true);
        Recordings target = id == null ? recordings.get().orElseThrow() : recordingTo;
        if (id == null) {
            View live = view.orElseThrow();
            io.execute(() -> {
                try {
                    LiveRecording.Status started = target.start(Texts.RECORDING_SOURCE, live.subscribe(), fps, () -> {});
                    fx.execute(() -> {
                        id = started.id();
                        recordingTo = target;
                        recording.set(true);
                        busy.set(false);
                        log.info(Texts.recordingStarted(target.folder().resolve(started.file())));
                    });
                } catch (Exception e) {
                    fx.execute(() -> {
                        busy.set(false);
                        log.problem(Texts.recordingFailed(e.getMessage()));
                    });
                }
            });
        } else {
            String stopping = id;
            io.execute(() -> {
                Optional<LiveRecording.Status> stopped;
                try {
                    stopped = target.stop(stopping);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = Optional.empty();
                }
                Optional<LiveRecording.Status> result = stopped;
                fx.execute(() -> {
                    id = null;
                    recording.set(false);
                    busy.set(false);
                    result.ifPresent(status -> {
                        if (status.state() == LiveRecording.State.FINISHED) {
                            log.info(Texts.recordingFinished(target.folder().resolve(status.file()), status.frames()));
                        } else {
                            log.problem(Texts.recordingFailed(status.problem().orElse("")));
                        }
                    });
                });
            });
        }
    }
}
