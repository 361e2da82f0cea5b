package io.simcast.app.console.files;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Drag and drop onto the window: an .xml or .urdf file, or a folder holding a scene and its assets, is opened like
 * File &gt; Open. JavaFX thread.
 */
public final class FileDrop {
    private FileDrop() {}

    /** Accepts scene files and folders dropped anywhere on {@code scene}. */
    public static void install(Scene scene, DocumentViewModel documents) {
        scene.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles() && sceneIn(event.getDragboard().getFiles()).isPresent()) {
                event.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
                event.consume();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            Optional<Path> dropped = event.getDragboard().hasFiles()
                    ? sceneIn(event.getDragboard().getFiles()) : Optional.empty();
            dropped.ifPresent(documents::open);
            event.setDropCompleted(dropped.isPresent());
            event.consume();
        });
    }

    /** The first dropped folder or scene file; other files (images, meshes) are not scenes. */
    static Optional<Path> sceneIn(List<File> files) {
        return files.stream().map(File::toPath).filter(path -> Files.isDirectory(path) || isSceneFile(path))
                .findFirst();
    }

    private static boolean isSceneFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xml") || name.endsWith(".urdf");
    }
}
