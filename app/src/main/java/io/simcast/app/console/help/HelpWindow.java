package io.simcast.app.console.help;

import io.simcast.app.console.Texts;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The help window (F1): keys, mouse gestures and the MJCF quick reference, a static page shown in a WebView. Made
 * on first use, then brought to the front; closes with the console. JavaFX thread.
 */
public final class HelpWindow {
    private static final String PAGE = "/io/simcast/app/console/help/help.html";

    private final Window owner;
    private Stage stage;

    public HelpWindow(Window owner) {
        this.owner = owner;
    }

    public void show() {
        if (stage == null) {
            WebView page = new WebView();
            page.setId("help-page");
            page.getEngine().load(HelpWindow.class.getResource(PAGE).toExternalForm());
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle(Texts.HELP + " — " + Texts.APP);
            stage.setScene(new Scene(page, 760, 820));
        }
        stage.show();
        stage.toFront();
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
