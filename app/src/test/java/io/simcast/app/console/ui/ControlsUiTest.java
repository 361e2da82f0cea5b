package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.simcast.app.console.Eventually;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Play, pause, step, reset and speed through the toolbar and through the keys; keys type inside the editor. */
class ControlsUiTest extends ConsoleUiTest {

    private double timestep() {
        return snapshot().scene().model().timestep();
    }

    @Test
    void theToolbarPausesStepsResetsAndPlays() {
        assertThat(fx(() -> lookup("#play", Button.class).getText())).isEqualTo("Pause");
        assertThat(fx(() -> lookup("#play", Button.class).getTooltip().getText())).endsWith("(Space)");
        click("#play");
        Eventually.await("the pause", () -> !snapshot().playing());
        awaitFx("the button", () -> lookup("#play", Button.class).getText().equals("Play"));
        awaitFx("the status", () -> lookup("#status-state", Label.class).getText().equals("Paused"));

        double time = snapshot().time();
        long steps = snapshot().steps();
        click("#step");
        Eventually.await("one step", () -> snapshot().steps() == steps + 1);
        assertThat(snapshot().time()).isCloseTo(time + timestep(), within(1e-12));

        click("#reset");
        Eventually.await("the reset", () -> snapshot().time() == 0 && snapshot().steps() == 0);

        click("#faster");
        Eventually.await("double speed", () -> snapshot().speed() == 2);
        click("#slower");
        click("#slower");
        Eventually.await("half speed", () -> snapshot().speed() == 0.5);

        click("#play");
        Eventually.await("playing", () -> snapshot().playing());
        Eventually.await("time to advance", () -> snapshot().time() > 0);
    }

    @Test
    void stepIsGreyedOutWhileRunningWhereItsKeyDoesNothing() {
        awaitFx("step disabled while running", () -> lookup("#step", Button.class).isDisabled());
        assertThat(fx(() -> lookup("#step", Button.class).getTooltip().getText())).endsWith("(Right arrow)");
        click("#play");
        awaitFx("step enabled once paused", () -> !lookup("#step", Button.class).isDisabled());
        click("#play");
        awaitFx("step disabled once running", () -> lookup("#step", Button.class).isDisabled());
    }

    @Test
    void theKeysActOnceTheEditorIsLeft() {
        click("#live-view");
        press(KeyCode.SPACE);
        Eventually.await("the pause", () -> !snapshot().playing());

        long steps = snapshot().steps();
        double time = snapshot().time();
        press(KeyCode.RIGHT);
        Eventually.await("one step", () -> snapshot().steps() == steps + 1);
        assertThat(snapshot().time()).isCloseTo(time + timestep(), within(1e-12));

        press(KeyCode.BACK_SPACE);
        Eventually.await("the reset", () -> snapshot().time() == 0);

        press(KeyCode.EQUALS);
        Eventually.await("double speed", () -> snapshot().speed() == 2);
        press(KeyCode.MINUS);
        Eventually.await("normal speed", () -> snapshot().speed() == 1);

        press(KeyCode.SPACE);
        Eventually.await("playing", () -> snapshot().playing());
    }

    @Test
    void insideTheEditorTheKeysType() {
        setEditorText("<mujoco/>", 7);
        press(KeyCode.SPACE);
        press(KeyCode.EQUALS);
        press(KeyCode.MINUS);
        assertThat(editorText()).isEqualTo("<mujoco =-/>");
        assertThat(snapshot().playing()).isTrue();
        assertThat(snapshot().speed()).isEqualTo(1);
    }
}
