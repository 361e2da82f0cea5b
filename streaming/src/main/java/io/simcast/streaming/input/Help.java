package io.simcast.streaming.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * simulate's help (F1) as data for every client: each action of the one key table ({@link KeyMap}) with its keys
 * and what it does ({@link KeyAction#does()}), in the order of the actions, and the mouse gestures of a view. The
 * page's help panel shows it (sent in the {@code keys} message). Immutable; any thread.
 */
public record Help(List<Line> keys, List<Line> mouse) {
    /** One line of the help: the keys or gesture ({@code "- / ="} when two keys do one thing), and what it does. */
    public record Line(String input, String does) {}

    /** The view's mouse gestures, as simulate has them (the renderer's pointer handling does what they say). */
    private static final List<Line> MOUSE = List.of(
            new Line("Left drag", "Rotate the camera"),
            new Line("Right drag", "Move the camera"),
            new Line("Scroll", "Zoom"),
            new Line("Double-click", "Select a body"),
            new Line("Ctrl + left drag", "Rotate the selected body (a torque, or its pose while paused)"),
            new Line("Ctrl + right drag", "Pull the selected body (a force, or its position while paused)"));

    private static final Help HELP = new Help(keyLines(), MOUSE);

    /** The help of this build's key table. */
    public static Help of() {
        return HELP;
    }

    private static List<Line> keyLines() {
        List<Line> lines = new ArrayList<>();
        for (KeyAction action : KeyAction.values()) {
            List<String> keys = KeyMap.table().entrySet().stream().filter(entry -> entry.getValue() == action)
                    .map(Map.Entry::getKey).sorted().map(KeyMap::label).toList();
            if (!keys.isEmpty()) {
                lines.add(new Line(String.join(" / ", keys), action.does()));
            }
        }
        return List.copyOf(lines);
    }
}
