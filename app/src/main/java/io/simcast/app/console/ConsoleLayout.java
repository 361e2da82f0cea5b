package io.simcast.app.console;

import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Where things sit in the window: menus and toolbar on top; the editor, the live view and the side panels side by
 * side; the status bar at the bottom. Side panels appear in {@link SidePanel} order. JavaFX thread.
 */
final class ConsoleLayout {
    private final BorderPane root = new BorderPane();
    private final TabPane sidePanels = new TabPane();
    private final SplitPane center;

    ConsoleLayout(Node menu, Node toolbar, Node editor, Node liveView, Node statusBar) {
        sidePanels.setId("side-panels");
        sidePanels.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        center = new SplitPane(editor, liveView, sidePanels);
        center.setOrientation(Orientation.HORIZONTAL);
        center.setDividerPositions(0.36, 0.74);
        SplitPane.setResizableWithParent(sidePanels, false);
        root.setTop(new VBox(menu, toolbar));
        root.setCenter(center);
        root.setBottom(statusBar);
    }

    BorderPane root() {
        return root;
    }

    /**
     * One step of giving {@code liveView} (the middle of the split) {@code width} x {@code height}: the divider on its
     * right moves by the missing width, the window's height changes by the missing height.
     *
     * @return whether it had that size already (to half a unit)
     */
    boolean fitLiveView(Stage stage, Node liveView, double width, double height) {
        Bounds bounds = liveView.getLayoutBounds();
        double missingWidth = width - bounds.getWidth();
        double missingHeight = height - bounds.getHeight();
        if (Math.abs(missingWidth) < 0.5 && Math.abs(missingHeight) < 0.5) {
            return true;
        }
        center.setDividerPosition(1, center.getDividerPositions()[1] + missingWidth / center.getWidth());
        stage.setHeight(stage.getHeight() + missingHeight);
        return false;
    }

    /** Adds {@code panel}'s tab in its place among the side panels. */
    void addSidePanel(SidePanel panel, Node content) {
        Tab tab = new Tab(panel.title(), content);
        tab.setId("panel-" + panel.name().toLowerCase(Locale.ROOT));
        tab.setUserData(panel);
        int index = 0;
        while (index < sidePanels.getTabs().size()
                && ((SidePanel) sidePanels.getTabs().get(index).getUserData()).ordinal() < panel.ordinal()) {
            index++;
        }
        sidePanels.getTabs().add(index, tab);
    }

    /** Brings {@code panel}'s tab to the front. */
    void selectSidePanel(SidePanel panel) {
        sidePanels.getTabs().stream().filter(tab -> tab.getUserData() == panel).findFirst()
                .ifPresent(tab -> sidePanels.getSelectionModel().select(tab));
    }
}
