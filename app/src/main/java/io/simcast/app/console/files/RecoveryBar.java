package io.simcast.app.console.files;

import io.simcast.app.console.kit.Texts;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The bar over the editor that offers back text an earlier run left unsaved: Restore or Discard. It does not block
 * the window; until the person answers, the text stays on disk. Binds only; JavaFX thread.
 */
public final class RecoveryBar extends HBox {

    public RecoveryBar(RecoveryViewModel recovery) {
        setId("recovery-bar");
        getStyleClass().add("recovery-bar");
        Label message = new Label();
        message.textProperty().bind(recovery.message());
        message.setWrapText(true);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button restore = new Button(Texts.RESTORE);
        restore.setId("recovery-restore");
        restore.setOnAction(event -> recovery.restore());
        Button discard = new Button(Texts.DISCARD);
        discard.setId("recovery-discard");
        discard.setOnAction(event -> recovery.discard());
        getChildren().addAll(message, restore, discard);
        visibleProperty().bind(recovery.offer().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
