package io.simcast.app.console.viewers;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.viewers.ShareLinksViewModel.Lifetime;
import io.simcast.app.console.viewers.ShareLinksViewModel.LinkRow;
import io.simcast.streaming.Role;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The share-link part of the viewers panel: make a viewer or controller link (optionally expiring), see the live ones
 * with a Revoke button each, and the chosen one's address with a copy button and its QR code. Hidden when the console
 * shares nothing. Binds and delegates; JavaFX thread.
 */
final class ShareLinksView extends VBox {

    ShareLinksView(ShareLinksViewModel model) {
        setId("share-links");
        getStyleClass().add("panel-section");
        setSpacing(4);
        if (!model.available()) {
            setVisible(false);
            setManaged(false);
            return;
        }
        Label heading = new Label(Texts.SHARE_LINKS);
        heading.getStyleClass().add("heading");
        Label hint = new Label(Texts.SHARE_LINKS_HINT);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE); // wrap within the panel instead of cutting the sentence short

        ChoiceBox<Role> role = new ChoiceBox<>();
        role.setId("link-role");
        role.getItems().addAll(Role.VIEWER, Role.CONTROLLER);
        role.setValue(Role.VIEWER);
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role value) {
                return value == null ? "" : Texts.roleName(value);
            }

            @Override
            public Role fromString(String text) {
                return Role.VIEWER; // never edited as text
            }
        });
        ChoiceBox<Lifetime> lifetime = new ChoiceBox<>();
        lifetime.setId("link-lifetime");
        lifetime.getItems().addAll(Lifetime.values());
        lifetime.setValue(Lifetime.NEVER);
        Button create = new Button(Texts.CREATE_LINK);
        create.setId("link-create");
        create.setOnAction(event -> model.create(role.getValue(), lifetime.getValue()));

        ListView<LinkRow> list = new ListView<>(model.links());
        list.setId("links");
        list.setPrefHeight(84); // two links with their buttons; more scroll
        list.setMinHeight(Region.USE_PREF_SIZE); // the viewer table below gives way, not this list
        list.setPlaceholder(new Label(Texts.NO_LINKS));
        list.setCellFactory(view -> new LinkCell(model));
        list.getSelectionModel().selectedItemProperty().addListener((property, old, row) -> {
            if (row != null && row.url().isPresent()) {
                model.shown().set(row);
            }
        });

        TextField url = new TextField();
        url.setId("link-url");
        url.setEditable(false);
        HBox.setHgrow(url, Priority.ALWAYS);
        Label copied = new Label();
        Button copy = new CopyButton("link-copy", url::getText, copied);
        ImageView qr = new ImageView();
        qr.setId("link-qr");
        Button large = new Button(Texts.SHOW_LARGE);
        large.setId("link-qr-large");
        large.setOnAction(event -> LargeQr.show(getScene().getWindow(), url.getText()));
        VBox shown = new VBox(4, new HBox(6, url, copy), copied, qr, large);
        shown.visibleProperty().bind(model.shown().isNotNull());
        shown.managedProperty().bind(shown.visibleProperty());
        model.shown().addListener((property, old, row) -> {
            url.setText(row == null ? "" : row.url().orElse(""));
            qr.setImage(row == null ? null : row.url().map(QrImage::of).orElse(null));
            copied.setText("");
        });

        getChildren().addAll(heading, hint, new HBox(6, role, lifetime, create), list, shown);
    }

    /** A link's label and its Revoke button. */
    private static final class LinkCell extends ListCell<LinkRow> {
        private final Label label = new Label();
        private final Button revoke = new Button(Texts.REVOKE);
        private final HBox row;

        LinkCell(ShareLinksViewModel model) {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            row = new HBox(6, label, gap, revoke);
            revoke.setOnAction(event -> {
                if (getItem() != null) {
                    model.revoke(getItem());
                }
            });
        }

        @Override
        protected void updateItem(LinkRow link, boolean empty) {
            super.updateItem(link, empty);
            if (empty || link == null) {
                setGraphic(null);
                revoke.setId(null);
            } else {
                label.setText(link.label());
                revoke.setId("revoke-" + link.id());
                setGraphic(row);
            }
        }
    }
}
