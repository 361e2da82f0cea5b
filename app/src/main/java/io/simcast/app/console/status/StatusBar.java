package io.simcast.app.console.status;

import io.simcast.app.console.editor.EditorViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The status bar: scene, state, time, speed, what was just done; the editor's progress or error on the right. Binds
 * only; FX thread.
 */
public final class StatusBar extends HBox {

    public StatusBar(StatusViewModel status, EditorViewModel editor) {
        getStyleClass().add("status-bar");
        Label scene = label("status-scene");
        scene.textProperty().bind(status.scene());
        Label state = label("status-state");
        state.textProperty().bind(status.state());
        Label time = label("status-time");
        time.textProperty().bind(status.time());
        Label speed = label("status-speed");
        speed.textProperty().bind(status.speed());
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("status-progress");
        progress.visibleProperty().bind(editor.compiling());
        progress.managedProperty().bind(editor.compiling());
        Label notice = label("status-notice");
        notice.textProperty().bind(status.notice());
        Label message = label("status-message");
        message.textProperty().bind(status.message());
        message.getStyleClass().add("problem");
        getChildren().addAll(scene, state, time, speed, notice, space, progress, message);
    }

    private static Label label(String id) {
        Label label = new Label();
        label.setId(id);
        return label;
    }
}
