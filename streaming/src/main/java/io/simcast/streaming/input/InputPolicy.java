package io.simcast.streaming.input;

import io.simcast.sim.render.PointerButton;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.Role;

/**
 * What each role may do with input. A controller (and the operator) may do everything; a viewer may steer its own
 * camera (drags, the wheel, right double-clicks, the camera keys, the choice of camera) and choose what its own view
 * draws and at which size, but may not run commands, press the simulation's keys, select bodies (the selection is
 * everyone's) or Ctrl+drag them. Pure; any thread.
 */
public final class InputPolicy {
    private InputPolicy() {}

    /** Null when {@code role} may send {@code event}, else the sentence that refuses it. */
    public static String refusal(Role role, InputEvent event) {
        if (role.includes(Role.CONTROLLER)) {
            return null;
        }
        return switch (event) {
            case InputEvent.Command command -> StreamingMessages.viewerMayNotCommand(command.cmd());
            case InputEvent.Key key -> key.down() && KeyMap.action(key.code(), key.ctrl(), key.alt(), key.meta())
                    .filter(action -> !action.isCamera()).isPresent()
                    ? StreamingMessages.viewerMayNotPressKey(key.code()) : null;
            case InputEvent.Press press -> press.down() && press.modifiers().control()
                    && press.button() != PointerButton.MIDDLE ? StreamingMessages.viewerMayNotPerturb() : null;
            case InputEvent.DoubleClick click -> click.button() == PointerButton.LEFT
                    ? StreamingMessages.viewerMayNotSelect() : null;
            case InputEvent.PointerMove move -> null;
            case InputEvent.Wheel wheel -> null;
            case InputEvent.Camera camera -> null;
            case InputEvent.Visual visual -> null;
            case InputEvent.DisplaySize size -> null;
        };
    }
}
