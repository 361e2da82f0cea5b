package io.simcast.app.console.control;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.record.RecordViewModel;
import io.simcast.app.console.editor.EditorViewModel;
import io.simcast.app.console.keys.ConsoleKey;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/**
 * The toolbar: play/pause, step, reset, slower, faster; the live view's previous, next and free camera and its
 * picture; recording; and Apply. Each simulation and camera button is its key ({@link ConsoleKey}): it does what the key does,
 * through {@link ControlViewModel#perform}, and its tooltip names the key. Step is disabled while the simulation runs,
 * when its key does nothing. The buttons never take the focus, so the keys keep working after a click. Binds only;
 * JavaFX thread.
 */
public final class ControlBar extends ToolBar {

    /**
     * @param hasView whether the live view exists (the camera and picture buttons are disabled without it)
     * @param picture saves the live view's picture (what Ctrl+P does)
     * @param record records the live view to MP4
     */
    public ControlBar(ControlViewModel controls, boolean hasView, Runnable picture, RecordViewModel record,
                      EditorViewModel editor, String applyKey) {
        Button play = key(controls, "play", ConsoleKey.TOGGLE_PLAY, Texts.TIP_PLAY_PAUSE, Texts.PLAY);
        play.textProperty().bind(Bindings.when(controls.playing()).then(Texts.PAUSE).otherwise(Texts.PLAY));
        Button step = key(controls, "step", ConsoleKey.STEP, Texts.TIP_STEP, Texts.STEP);
        step.disableProperty().bind(controls.canStep().not());
        Button reset = key(controls, "reset", ConsoleKey.RESET, Texts.TIP_RESET, Texts.RESET);
        Button slower = key(controls, "slower", ConsoleKey.SLOWER, Texts.TIP_SLOWER, Texts.SLOWER);
        Button faster = key(controls, "faster", ConsoleKey.FASTER, Texts.TIP_FASTER, Texts.FASTER);
        Button previousCamera = key(controls, "previous-camera", ConsoleKey.PREVIOUS_CAMERA,
                Texts.TIP_PREVIOUS_CAMERA, Texts.PREVIOUS_CAMERA);
        Button nextCamera = key(controls, "next-camera", ConsoleKey.NEXT_CAMERA, Texts.TIP_NEXT_CAMERA,
                Texts.NEXT_CAMERA);
        Button freeCamera = key(controls, "free-camera", ConsoleKey.FREE_CAMERA, Texts.TIP_FREE_CAMERA,
                Texts.FREE_CAMERA);
        Button save = button("picture", Texts.PICTURE, Texts.TIP_PICTURE, ConsoleKey.SCREENSHOT.label(), picture);
        for (Button viewButton : new Button[] {previousCamera, nextCamera, freeCamera, save}) {
            viewButton.setDisable(!hasView);
        }
        Button recordButton = button("record", Texts.RECORD, Texts.TIP_RECORD, "", record::toggle);
        recordButton.setTooltip(new Tooltip(Texts.TIP_RECORD));
        recordButton.textProperty().bind(Bindings.when(record.recording()).then(Texts.STOP_RECORDING)
                .otherwise(Texts.RECORD));
        recordButton.setDisable(!record.available());
        if (record.available()) {
            recordButton.disableProperty().bind(record.busy());
        }
        Button apply = button("apply", Texts.APPLY, Texts.TIP_APPLY, applyKey, editor::apply);
        apply.disableProperty().bind(editor.compiling());
        getItems().addAll(play, step, reset, new Separator(), slower, faster, new Separator(), previousCamera,
                nextCamera, freeCamera, save, recordButton, new Separator(), apply);
    }

    /** A button that acts as {@code key}. */
    private static Button key(ControlViewModel controls, String id, ConsoleKey key, String tip, String text) {
        return button(id, text, tip, key.label(), () -> controls.perform(key.action().orElseThrow()));
    }

    private static Button button(String id, String text, String tip, String key, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setFocusTraversable(false);
        button.setTooltip(new Tooltip(Texts.withKey(tip, key)));
        button.setOnAction(event -> action.run());
        return button;
    }
}
