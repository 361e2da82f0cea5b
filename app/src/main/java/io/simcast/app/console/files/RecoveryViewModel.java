package io.simcast.app.console.files;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.files.RecoveryStore.RecoveredText;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Offers back, one at a time, the unsaved text that earlier runs left behind (after a crash): restore it into the
 * editor, or discard it. Until the person decides, the text stays on disk.
 *
 * <p>JavaFX thread; the recovery folder is read and cleaned on the IO thread.
 */
public final class RecoveryViewModel {
    private final RecoveryStore store;
    private final DocumentViewModel documents;
    private final Executor io;
    private final Executor fx;
    private final Deque<RecoveredText> waiting = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<RecoveredText> offer = new ReadOnlyObjectWrapper<>();
    private final StringBinding message = Bindings.createStringBinding(
            () -> offer.get() == null ? "" : Texts.recoveryOffer(offer.get().name(), offer.get().savedAt()), offer);

    public RecoveryViewModel(RecoveryStore store, DocumentViewModel documents, Executor io, Executor fx) {
        this.store = store;
        this.documents = documents;
        this.io = io;
        this.fx = fx;
    }

    /** The text on offer now, or null. */
    public ReadOnlyObjectProperty<RecoveredText> offer() {
        return offer.getReadOnlyProperty();
    }

    public StringBinding message() {
        return message;
    }

    /** Looks for what earlier runs left behind; offers the newest first. */
    public void lookForLeftovers() {
        CompletableFuture.supplyAsync(store::leftovers, io).thenAcceptAsync(found -> {
            waiting.addAll(found);
            offerNext();
        }, fx);
    }

    /** Puts the offered text into the editor; it leaves the recovery folder once it is there. */
    public void restore() {
        RecoveredText recovered = offer.get();
        documents.restore(recovered).thenAcceptAsync(restored -> {
            if (restored) {
                io.execute(() -> store.adopt(recovered)); // on disk all along: now as this run's unsaved text
                offerNext();
            }
        }, fx);
    }

    /** Drops the offered text for good. */
    public void discard() {
        RecoveredText recovered = offer.get();
        io.execute(() -> store.discard(recovered));
        offerNext();
    }

    private void offerNext() {
        offer.set(waiting.pollFirst());
    }
}
