package io.simcast.app.console.control;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.editor.EditorViewModel;
import io.simcast.app.console.keys.ConsoleKey;
import io.simcast.app.console.view.LiveViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/**
 * The toolbar: play/pause, step, reset, slower, faster; the live view's previous, next and free camera and its
 * picture; and Apply. Each tooltip names the key that does the same. The buttons never take the focus, so the keys
 * keep working after a click. Binds only; JavaFX thread.
 */
public final class ControlBar extends ToolBar {

    /** @param picture saves the live view's picture (what Ctrl+P does) */
    public ControlBar(ControlViewModel controls, LiveViewModel live, Runnable picture, EditorViewModel editor,
                      String applyKey) {
        Button play = button("play", Texts.TIP_PLAY_PAUSE, ConsoleKey.TOGGLE_PLAY.label(), controls::togglePlay);
        play.textProperty().bind(Bindings.when(controls.playing()).then(Texts.PAUSE).otherwise(Texts.PLAY));
        Button step = button("step", Texts.TIP_STEP, ConsoleKey.STEP.label(), controls::step);
        step.setText(Texts.STEP);
        Button reset = button("reset", Texts.TIP_RESET, ConsoleKey.RESET.label(), controls::reset);
        reset.setText(Texts.RESET);
        Button slower = button("slower", Texts.TIP_SLOWER, ConsoleKey.SLOWER.label(), controls::slower);
        slower.setText(Texts.SLOWER);
        Button faster = button("faster", Texts.TIP_FASTER, ConsoleKey.FASTER.label(), controls::faster);
        faster.setText(Texts.FASTER);
        Button previousCamera = button("previous-camera", Texts.TIP_PREVIOUS_CAMERA,
                ConsoleKey.PREVIOUS_CAMERA.label(), live::previousCamera);
        previousCamera.setText(Texts.PREVIOUS_CAMERA);
        Button nextCamera = button("next-camera", Texts.TIP_NEXT_CAMERA, ConsoleKey.NEXT_CAMERA.label(),
                live::nextCamera);
        nextCamera.setText(Texts.NEXT_CAMERA);
        Button freeCamera = button("free-camera", Texts.TIP_FREE_CAMERA, ConsoleKey.FREE_CAMERA.label(),
                live::freeCamera);
        freeCamera.setText(Texts.FREE_CAMERA);
        Button save = button("picture", Texts.TIP_PICTURE, ConsoleKey.SCREENSHOT.label(), picture);
        save.setText(Texts.PICTURE);
        for (Button viewButton : new Button[] {previousCamera, nextCamera, freeCamera, save}) {
            viewButton.setDisable(live.view().isEmpty());
        }
        Button apply = button("apply", Texts.TIP_APPLY, applyKey, editor::apply);
        apply.setText(Texts.APPLY);
        apply.disableProperty().bind(editor.compiling());
        getItems().addAll(play, step, reset, new Separator(), slower, faster, new Separator(), previousCamera,
                nextCamera, freeCamera, save, new Separator(), apply);
    }

    private static Button button(String id, String tip, String key, Runnable action) {
        Button button = new Button();
        button.setId(id);
        button.setFocusTraversable(false);
        button.setTooltip(new Tooltip(Texts.withKey(tip, key)));
        button.setOnAction(event -> action.run());
        return button;
    }
}
