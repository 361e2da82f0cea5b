package io.simcast.app.console.panels;

import javafx.scene.Node;

/** Whether a node can be seen, so that the panels redraw only what someone can see. JavaFX thread. */
final class OnScreen {
    private OnScreen() {}

    /** Its window is showing, and neither it nor a parent is hidden (a closed section, another tab). */
    static boolean isShown(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null
                || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
