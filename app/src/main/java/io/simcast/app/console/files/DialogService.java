package io.simcast.app.console.files;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions the console asks a person in a dialog. View-models ask through this interface, so their tests
 * answer without a window. JavaFX thread.
 */
public interface DialogService {

    /** The answer to "save the changes first?". */
    enum SaveChoice { SAVE, DONT_SAVE, CANCEL }

    /** A file to open, or empty when the person cancels. */
    Optional<Path> chooseFileToOpen(Path folder);

    /** Where to save, or empty when the person cancels. */
    Optional<Path> chooseFileToSave(String suggestedName, Path folder);

    /** Whether to save {@code documentName}'s changes before they would be replaced. */
    SaveChoice askToSave(String documentName);
}
