package io.simcast.app.console.files;

import io.simcast.app.console.kit.Failures;
import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.files.RecoveryStore.RecoveredText;
import io.simcast.app.console.log.LogViewModel;
import io.simcast.sim.scene.Preset;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.sim.scene.SceneLoadException;
import io.simcast.sim.scene.SceneSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The document in the editor: its text, where it came from, whether it has unsaved changes; opening, saving, and
 * loading presets and recovered text. Nothing typed is replaced without asking first.
 *
 * <p>JavaFX thread. Files are read and written on the IO thread; results come back through the {@code fx}
 * executor.
 */
public final class DocumentViewModel {
    private final ReadOnlyObjectWrapper<EditorDocument> document;
    private final StringProperty text;
    private final BooleanBinding dirty;
    private final StringBinding title;
    private final ConsolePreferences preferences;
    private final DialogService dialogs;
    private final LogViewModel log;
    private final Executor io;
    private final Executor fx;
    private final List<Consumer<EditorDocument>> loadListeners = new CopyOnWriteArrayList<>();

    public DocumentViewModel(EditorDocument initial, ConsolePreferences preferences, DialogService dialogs,
                             LogViewModel log, Executor io, Executor fx) {
        this.document = new ReadOnlyObjectWrapper<>(initial);
        this.text = new SimpleStringProperty(initial.savedText());
        this.dirty = Bindings.createBooleanBinding(() -> !text.get().equals(document.get().savedText()), text,
                document);
        this.title = Bindings.createStringBinding(() -> Texts.windowTitle(document.get().name(), dirty.get()),
                document, dirty);
        this.preferences = preferences;
        this.dialogs = dialogs;
        this.log = log;
        this.io = io;
        this.fx = fx;
    }

    public ReadOnlyObjectProperty<EditorDocument> document() {
        return document.getReadOnlyProperty();
    }

    /** The editor's text as typed; the view keeps it and the editor in step. */
    public StringProperty text() {
        return text;
    }

    public BooleanBinding dirty() {
        return dirty;
    }

    /** The window title: the document's name, marked while it has unsaved changes. */
    public StringBinding title() {
        return title;
    }

    /** Called with every document loaded from outside (a file, a preset), after it is in the editor. */
    public void addLoadListener(Consumer<EditorDocument> listener) {
        loadListeners.add(listener);
    }

    /** Asks for a file, then opens it. */
    public void open() {
        dialogs.chooseFileToOpen(folder()).ifPresent(this::open);
    }

    /** Opens an MJCF/URDF file, or the scene in a folder (its single .xml file, or scene.xml / model.xml). */
    public void open(Path fileOrFolder) {
        whenReplaceable(() -> CompletableFuture.supplyAsync(() -> read(fileOrFolder), io)
                .whenCompleteAsync((source, failure) -> {
                    if (failure != null) {
                        log.problem(Texts.cannotOpen(Failures.cause(failure).getMessage()));
                        return;
                    }
                    Path file = source.folder().resolve(source.fileName());
                    preferences.addRecent(file);
                    load(EditorDocument.ofFile(file, source.xml()));
                }, fx));
    }

    public void loadPreset(Preset preset) {
        whenReplaceable(() -> load(EditorDocument.ofPreset(preset)));
    }

    /**
     * Puts recovered text back into the editor, as unsaved changes to the file it belonged to (if it still is);
     * completes with whether it did (not when the person kept the editor's own unsaved text).
     */
    public CompletableFuture<Boolean> restore(RecoveredText recovered) {
        return mayReplace().thenCompose(replace -> !replace ? CompletableFuture.completedFuture(false)
                : CompletableFuture.supplyAsync(() -> restored(recovered), io).thenApplyAsync(restored -> {
                    replace(restored);
                    text.set(recovered.text());
                    return true;
                }, fx));
    }

    /**
     * Puts a generated scene's text into the editor as a new untitled document with unsaved changes (so that closing
     * asks to save it, and recovery keeps it), once the text it replaces may go; completes with whether it did. It
     * is not applied: the caller loads the scene it already compiled.
     */
    public CompletableFuture<Boolean> takeGenerated(String xml) {
        return mayReplace().thenApply(replace -> {
            if (replace) {
                replace(EditorDocument.untitled(""));
                text.set(xml);
            }
            return replace;
        });
    }

    /** Saves to the document's file, or asks where when it has none; completes with whether it was saved. */
    public CompletableFuture<Boolean> save() {
        Path file = document.get().file();
        return file == null ? saveAs() : write(file);
    }

    /** Asks where to save, then saves there; the document then belongs to that file. */
    public CompletableFuture<Boolean> saveAs() {
        String suggested = document.get().file() != null ? document.get().name()
                : document.get().sceneReference().orElse("scene") + ".xml";
        return dialogs.chooseFileToSave(suggested, folder()).map(this::write)
                .orElse(CompletableFuture.completedFuture(false));
    }

    /**
     * Whether the editor's text may be replaced: yes when it has no unsaved changes, else the person decides
     * (saving first, dropping the changes, or keeping them).
     */
    public CompletableFuture<Boolean> mayReplace() {
        if (!dirty.get()) {
            return CompletableFuture.completedFuture(true);
        }
        return switch (dialogs.askToSave(document.get().name())) {
            case SAVE -> save();
            case DONT_SAVE -> CompletableFuture.completedFuture(true);
            case CANCEL -> CompletableFuture.completedFuture(false);
        };
    }

    private void whenReplaceable(Runnable then) {
        mayReplace().thenAccept(replace -> {
            if (replace) {
                then.run();
            }
        });
    }

    /** The document was applied to the simulation: start with it next time. */
    public void applied(EditorDocument applied) {
        applied.sceneReference().ifPresent(preferences::rememberScene);
    }

    private void load(EditorDocument loaded) {
        replace(loaded);
        loadListeners.forEach(listener -> listener.accept(loaded));
    }

    private void replace(EditorDocument next) {
        document.set(next);
        text.set(next.savedText());
    }

    private CompletableFuture<Boolean> write(Path file) {
        String saving = text.get();
        return CompletableFuture.supplyAsync(() -> {
            try {
                AtomicFiles.writeString(file, saving);
                return true;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io).handleAsync((saved, failure) -> {
            if (failure != null) {
                log.problem(Texts.cannotSave(file, Failures.cause(failure).getMessage()));
                return false;
            }
            document.set(EditorDocument.ofFile(file, saving));
            preferences.addRecent(file);
            log.info(Texts.saved(file));
            return true;
        }, fx);
    }

    /** IO thread: the document recovered text belongs to, with the file's current text as the saved text. */
    private static EditorDocument restored(RecoveredText recovered) {
        Path origin = recovered.origin();
        try {
            if (origin != null && Files.isRegularFile(origin)) {
                return EditorDocument.ofFile(origin, Files.readString(origin));
            }
        } catch (IOException e) {
            // the file went away or is unreadable: the text comes back untitled
        }
        return EditorDocument.untitled("");
    }

    /** IO thread: reads a scene file (or a folder's scene file) within the scene size limits. */
    private static SceneSource read(Path fileOrFolder) {
        try {
            return SceneSource.ofPath(fileOrFolder, SceneLimits.DEFAULT);
        } catch (SceneLoadException e) {
            throw new CompletionException(e);
        }
    }

    /** Where file dialogs start: the document's folder, else the newest recent file's, else home. */
    private Path folder() {
        Path file = document.get().file();
        if (file == null && !preferences.recentFiles().isEmpty()) {
            file = preferences.recentFiles().getFirst();
        }
        return file != null ? file.getParent() : Path.of(System.getProperty("user.home"));
    }
}
