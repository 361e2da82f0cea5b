package io.simcast.app.console.kit;

import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window beside the console's (help, scene generation, language-model settings): made on first use, then brought
 * to the front; it never blocks the console, Esc closes it, and it closes with the console. JavaFX thread.
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
            closeOnEscape(stage);
        }
        stage.show();
        stage.toFront();
    }

    /** Esc anywhere in {@code stage} hides it (a filter: a web page or a text field inside never swallows it). */
    public static void closeOnEscape(Stage stage) {
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.hide();
                event.consume();
            }
        });
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
