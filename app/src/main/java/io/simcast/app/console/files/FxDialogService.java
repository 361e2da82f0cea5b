package io.simcast.app.console.files;

import io.simcast.app.console.kit.Texts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The console's dialogs as JavaFX shows them: file choosers and the save-first question. JavaFX thread. */
public final class FxDialogService implements DialogService {
    private static final FileChooser.ExtensionFilter SCENE_FILES =
            new FileChooser.ExtensionFilter(Texts.MJCF_FILES, "*.xml", "*.urdf");

    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseFileToOpen(Path folder) {
        return Optional.ofNullable(chooser(folder).showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String suggestedName, Path folder) {
        FileChooser chooser = chooser(folder);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public SaveChoice askToSave(String documentName) {
        ButtonType save = new ButtonType(Texts.SAVE, ButtonBar.ButtonData.YES);
        ButtonType dontSave = new ButtonType(Texts.DONT_SAVE, ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Texts.unsavedQuestion(documentName), save, dontSave,
                ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(Texts.UNSAVED_TITLE);
        alert.setHeaderText(null);
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? SaveChoice.SAVE : answer == dontSave ? SaveChoice.DONT_SAVE : SaveChoice.CANCEL;
    }

    private static FileChooser chooser(Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(SCENE_FILES);
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }
}
