package io.simcast.app.console.files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps unsaved editor text in the {@link RecoveryStore}: at most {@code period} after a change the text is on
 * disk; once the document is clean again (saved, or replaced after the person said so) the file goes.
 *
 * <p>Told about changes on the JavaFX thread (cheap: it only keeps a reference to the newest text); writes on the IO
 * thread.
 */
public final class Autosaver {
    private record Pending(String text, Path origin) {}

    private final RecoveryStore store;
    private final ScheduledExecutorService io;
    private final Duration period;
    private final AtomicReference<Pending> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public Autosaver(RecoveryStore store, ScheduledExecutorService io, Duration period) {
        this.store = store;
        this.io = io;
        this.period = period;
    }

    /** Watches {@code documents}: dirty text is kept, clean text removed. */
    public void watch(DocumentViewModel documents) {
        documents.text().addListener((observable, old, text) -> changed(documents));
        documents.dirty().addListener((observable, was, dirty) -> changed(documents));
    }

    private void changed(DocumentViewModel documents) {
        if (documents.dirty().get()) {
            pending.set(new Pending(documents.text().get(), documents.document().get().file()));
            if (!scheduled.getAndSet(true)) {
                io.schedule(this::write, period.toMillis(), TimeUnit.MILLISECONDS);
            }
        } else {
            discard(); // saved, or replaced by a document the person loaded
        }
    }

    /** Drops the unsaved text for good: the person chose not to save it. */
    public void discard() {
        pending.set(null);
        io.execute(store::clear);
    }

    /** IO thread: writes the newest text, if it still needs keeping. */
    private void write() {
        scheduled.set(false);
        Pending newest = pending.getAndSet(null);
        if (newest != null) {
            store.write(newest.text(), newest.origin());
        }
    }
}
