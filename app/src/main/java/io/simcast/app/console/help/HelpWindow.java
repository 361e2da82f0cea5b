package io.simcast.app.console.help;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.kit.ToolWindow;
import javafx.scene.web.WebView;
import javafx.stage.Window;

/**
 * The help window (F1): keys, mouse gestures and the MJCF quick reference ({@link HelpPage}) in a WebView. Made
 * on first use, then brought to the front; closes with the console. JavaFX thread.
 */
public final class HelpWindow {
    private final ToolWindow window;

    public HelpWindow(Window owner) {
        window = new ToolWindow(owner, Texts.HELP, () -> {
            WebView page = new WebView();
            page.setId("help-page");
            page.getEngine().loadContent(HelpPage.html());
            return page;
        }, 760, 820);
    }

    public void show() {
        window.show();
    }

    public void close() {
        window.close();
    }
}
