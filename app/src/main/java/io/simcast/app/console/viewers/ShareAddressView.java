package io.simcast.app.console.viewers;

import io.simcast.app.console.kit.Texts;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The sharing part of the viewers panel: the page's address with a copy button (and, while only this computer can
 * open it, that said in plain words with the "Share on the network" switch, {@link NetworkSwitch}, and what switching
 * does to the pages watching), or why nobody can watch. Everything follows the host when the switch moves it. Share
 * links for particular people sit beside it ({@link ShareLinksView}). Binds only; JavaFX thread.
 */
final class ShareAddressView extends VBox {

    ShareAddressView(ViewersViewModel viewers, NetworkSwitch network) {
        setId("share-address");
        getStyleClass().add("panel-section");
        Label heading = new Label(Texts.ADDRESS_TO_SHARE);
        heading.getStyleClass().add("heading");
        Label problem = sentence("sharing-problem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(viewers.problem());
        showWhen(problem, viewers.address().isNull());

        TextField address = new TextField();
        address.setId("share-url");
        address.setEditable(false);
        address.textProperty().bind(viewers.address());
        HBox.setHgrow(address, Priority.ALWAYS);
        Label copied = new Label();
        copied.setId("share-copied");
        viewers.address().subscribe(now -> copied.setText(""));
        HBox row = new HBox(6, address, new CopyButton("share-copy", () -> viewers.address().get(), copied));
        // The page asks every browser for a token, this machine's too: the operator's own page opens from a link.
        Label pageCopied = sentence(null);
        CopyButton myPage = new CopyButton("share-my-page", viewers::operatorPage, pageCopied, Texts.COPY_MY_PAGE,
                Texts.MY_PAGE_COPIED);
        Label local = sentence("sharing-local-only");
        local.setText(Texts.LOCAL_ONLY);
        local.getStyleClass().add("problem");
        showWhen(local, viewers.localOnly());
        VBox shared = new VBox(4, local, row);
        if (network.offered()) {
            CheckBox toggle = new CheckBox(Texts.SHARE_ON_NETWORK);
            toggle.setId("share-network");
            toggle.setTooltip(new Tooltip(Texts.TIP_SHARE_ON_NETWORK));
            toggle.setSelected(network.on().get());
            toggle.setOnAction(event -> network.set(toggle.isSelected()));
            network.on().subscribe(toggle::setSelected);
            toggle.disableProperty().bind(network.busy());
            Label note = sentence("share-network-note");
            note.textProperty().bind(network.note());
            showWhen(note, note.textProperty().isNotEmpty());
            Label restarts = sentence("share-network-restarts");
            restarts.setText(Texts.SWITCH_RESTARTS);
            shared.getChildren().addAll(toggle, restarts, note);
        }
        shared.getChildren().addAll(copied, myPage, pageCopied);
        showWhen(shared, viewers.address().isNotNull());
        getChildren().addAll(heading, problem, shared);
    }

    /** A sentence that wraps within the panel, as tall as it needs, instead of ending in an ellipsis. */
    private static Label sentence(String id) {
        Label sentence = new Label();
        sentence.setId(id);
        sentence.setWrapText(true);
        sentence.setMinHeight(Region.USE_PREF_SIZE);
        return sentence;
    }

    private static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
