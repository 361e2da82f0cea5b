package io.simcast.app.console.viewers;

import io.simcast.app.console.kit.Texts;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The sharing part of the viewers panel: the page's address with a copy button (and, while only this computer can
 * open it, that said in plain words with the "Share on the network" switch, {@link NetworkSwitch}), or why nobody can
 * watch. Share links for particular people sit beside it ({@link ShareLinksView}). Binds only; JavaFX thread.
 */
final class ShareAddressView extends VBox {

    ShareAddressView(ViewersViewModel viewers, NetworkSwitch network) {
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
        HBox row = new HBox(6, address, new CopyButton("share-copy", viewers::address, copied));
        // The page asks every browser for a token, this machine's too: the operator's own page opens from a link.
        Label pageCopied = new Label();
        pageCopied.setWrapText(true);
        CopyButton myPage = new CopyButton("share-my-page", viewers::operatorPage, pageCopied, Texts.COPY_MY_PAGE,
                Texts.MY_PAGE_COPIED);
        getChildren().addAll(heading, row, copied, myPage, pageCopied);
        if (viewers.localOnly()) {
            Label local = new Label(Texts.LOCAL_ONLY);
            local.setId("sharing-local-only");
            local.setWrapText(true);
            local.getStyleClass().add("problem");
            getChildren().add(1, local);
        }
        if (network.offered()) {
            CheckBox toggle = new CheckBox(Texts.SHARE_ON_NETWORK);
            toggle.setId("share-network");
            toggle.setTooltip(new Tooltip(Texts.TIP_SHARE_ON_NETWORK));
            toggle.setSelected(network.on());
            toggle.selectedProperty().addListener((property, was, now) -> network.set(now));
            Label note = new Label();
            note.setId("share-network-note");
            note.setWrapText(true);
            note.textProperty().bind(network.note());
            note.managedProperty().bind(note.textProperty().isNotEmpty());
            getChildren().addAll(getChildren().indexOf(row) + 1, List.of(toggle, note));
        }
    }
}
