package io.simcast.app.console.viewers;

import io.simcast.app.console.Texts;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The sharing part of the viewers panel: the page's address with a copy button, or why nobody can watch. Kept apart
 * from the viewer list so that further ways to share (links for particular people) can sit beside it. Binds only;
 * JavaFX thread.
 */
final class ShareAddressView extends VBox {

    ShareAddressView(ViewersViewModel viewers) {
        setId("share-address");
        getStyleClass().add("panel-section");
        Label heading = new Label(Texts.ADDRESS_TO_SHARE);
        heading.getStyleClass().add("heading");
        if (viewers.address() == null) {
            Label problem = new Label(viewers.problem());
            problem.setId("sharing-problem");
            problem.setWrapText(true);
            problem.getStyleClass().add("problem");
            getChildren().addAll(heading, problem);
            return;
        }
        TextField address = new TextField(viewers.address());
        address.setId("share-url");
        address.setEditable(false);
        HBox.setHgrow(address, Priority.ALWAYS);
        Label copied = new Label();
        copied.setId("share-copied");
        Button copy = new Button(Texts.COPY);
        copy.setId("share-copy");
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(viewers.address());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(Texts.COPIED);
        });
        HBox row = new HBox(6, address, copy);
        getChildren().addAll(heading, row, copied);
    }
}
