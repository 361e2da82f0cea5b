package io.simcast.app.console.kit;

import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window beside the console's (help, scene generation, language-model settings): made on first use, then brought
 * to the front; it never blocks the console and closes with it. JavaFX thread.
 */
public final class ToolWindow {
    private final Window owner;
    private final String title;
    private final Supplier<Parent> content;
    private final double width;
    private final double height;
    private Stage stage;

    /** @param content makes the window's content, once */
    public ToolWindow(Window owner, String title, Supplier<Parent> content, double width, double height) {
        this.owner = owner;
        this.title = title;
        this.content = content;
        this.width = width;
        this.height = height;
    }

    public void show() {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle(title + " — " + Texts.APP);
            Scene scene = new Scene(content.get(), width, height);
            if (owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            }
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
