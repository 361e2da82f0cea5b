package io.simcast.app.console.files;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Dialog answers given in advance, and the questions that were asked: the person in tests. Any thread. */
public final class ScriptedDialogs implements DialogService {
    private final Deque<Path> files = new ArrayDeque<>();
    private final Deque<SaveChoice> saveChoices = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();

    /** The next file dialog (open or save) picks {@code file}. */
    public ScriptedDialogs choosing(Path file) {
        files.add(file);
        return this;
    }

    /** The next "save first?" is answered with {@code choice}. */
    public ScriptedDialogs answering(SaveChoice choice) {
        saveChoices.add(choice);
        return this;
    }

    /** The questions asked so far, e.g. "open", "save pendulum.xml", "save first? Pendulum". */
    public synchronized List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public synchronized Optional<Path> chooseFileToOpen(Path folder) {
        asked.add("open");
        return Optional.ofNullable(files.poll());
    }

    @Override
    public synchronized Optional<Path> chooseFileToSave(String suggestedName, Path folder) {
        asked.add("save " + suggestedName);
        return Optional.ofNullable(files.poll());
    }

    @Override
    public synchronized SaveChoice askToSave(String documentName) {
        asked.add("save first? " + documentName);
        SaveChoice choice = saveChoices.poll();
        if (choice == null) {
            throw new AssertionError("unexpected question: save the changes to " + documentName + " first?");
        }
        return choice;
    }
}
