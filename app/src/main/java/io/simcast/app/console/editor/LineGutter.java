package io.simcast.app.console.editor;

import io.simcast.app.console.kit.Texts;
import java.util.function.IntFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The editor's gutter: each line's number, and a marker on the line MuJoCo named in the last error, with the
 * message as its tooltip. A RichTextFX paragraph graphic factory; JavaFX thread.
 */
final class LineGutter implements IntFunction<Node> {
    private final ObservableValue<SceneError> error;

    LineGutter(ObservableValue<SceneError> error) {
        this.error = error;
    }

    @Override
    public Node apply(int paragraph) {
        int line = paragraph + 1;
        Label marker = new Label("●");
        marker.getStyleClass().add("error-marker");
        marker.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> error.getValue() != null && error.getValue().line() == line, error));
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(Bindings.createStringBinding(
                () -> error.getValue() == null ? "" : Texts.sceneError(error.getValue().message()), error));
        marker.setTooltip(tooltip);
        Label number = new Label(Integer.toString(line));
        number.getStyleClass().add("line-number");
        HBox gutter = new HBox(marker, number);
        gutter.getStyleClass().add("gutter");
        return gutter;
    }
}
