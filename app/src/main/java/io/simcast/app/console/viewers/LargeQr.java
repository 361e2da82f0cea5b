package io.simcast.app.console.viewers;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.kit.ToolWindow;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A share link's QR code and address shown large, for a projector or a screen across a classroom: a window of its own,
 * the code drawn with sharp modules (no smoothing), Esc or closing the window ends it. JavaFX thread.
 */
final class LargeQr {
    static final double SIDE = 560;

    private LargeQr() {}

    static Stage show(Window owner, String url) {
        ImageView code = new ImageView(QrImage.of(url));
        code.setId("large-qr");
        code.setSmooth(false);
        code.setFitWidth(SIDE);
        code.setPreserveRatio(true);
        Label address = new Label(url);
        address.setId("large-qr-url");
        address.setWrapText(true);
        address.setStyle("-fx-font-size: 22px;");
        VBox content = new VBox(16, code, address);
        content.setAlignment(Pos.CENTER);
        content.setPadding(new Insets(24));
        content.setStyle("-fx-background-color: white;");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(Texts.LARGE_QR_TITLE + " — " + Texts.APP);
        stage.setScene(new Scene(content));
        ToolWindow.closeOnEscape(stage);
        stage.show();
        return stage;
    }
}
