package io.simcast.app.console.generate;

import io.simcast.app.console.kit.Texts;
import io.simcast.generate.Provider;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The language-model settings window's content: what each provider has set up, and a form for one of them (key,
 * model, address) with Save, Remove and Test connection. The key field never shows a stored key: it says one is
 * stored. Binds and delegates; JavaFX thread.
 */
public final class ProvidersView extends VBox {

    public ProvidersView(ProvidersViewModel providers) {
        setId("providers");
        getStyleClass().add("tool-window");
        ListView<String> lines = new ListView<>(providers.lines());
        lines.setId("providers-list");
        lines.setPrefHeight(110);
        lines.setFocusTraversable(false);

        ChoiceBox<Provider> chosen = new ChoiceBox<>(FXCollections.observableArrayList(Provider.values()));
        chosen.setId("provider-choice");
        chosen.valueProperty().bindBidirectional(providers.chosen());
        chosen.setConverter(new StringConverter<>() {
            @Override
            public String toString(Provider value) {
                return value == null ? "" : value.displayName();
            }

            @Override
            public Provider fromString(String text) {
                return null;
            }
        });
        PasswordField key = new PasswordField();
        key.setId("provider-key");
        key.textProperty().bindBidirectional(providers.key());
        key.promptTextProperty().bind(Bindings.when(providers.keyStored()).then(Texts.KEY_STORED_PROMPT)
                .otherwise(Bindings.createStringBinding(() -> providers.chosen().get() != null
                        && !providers.chosen().get().needsKey() ? Texts.KEY_OPTIONAL_PROMPT : Texts.KEY_PROMPT,
                        providers.chosen())));
        TextField model = new TextField();
        model.setId("provider-model");
        model.textProperty().bindBidirectional(providers.model());
        TextField baseUrl = new TextField();
        baseUrl.setId("provider-base-url");
        baseUrl.textProperty().bindBidirectional(providers.baseUrl());
        GridPane form = new GridPane(8, 6);
        form.addRow(0, new Label(Texts.PROVIDER), chosen);
        form.addRow(1, new Label(Texts.API_KEY), key);
        form.addRow(2, new Label(Texts.MODEL), model);
        form.addRow(3, new Label(Texts.BASE_URL), baseUrl);
        GridPane.setHgrow(key, Priority.ALWAYS);

        Button save = button("provider-save", Texts.SAVE_PROVIDER, providers::save);
        save.setDefaultButton(true);
        Button remove = button("provider-remove", Texts.REMOVE_PROVIDER, providers::remove);
        Button test = button("provider-test", Texts.TEST_CONNECTION, providers::test);
        for (Button button : new Button[] {save, remove, test}) {
            button.disableProperty().bind(providers.busy());
        }
        Label report = new Label();
        report.setId("provider-report");
        report.setWrapText(true);
        report.textProperty().bind(providers.report());
        providers.problem().subscribe(problem -> {
            report.getStyleClass().remove("problem");
            if (problem) {
                report.getStyleClass().add("problem");
            }
        });
        Label storage = new Label();
        storage.setId("provider-storage");
        storage.setWrapText(true);
        storage.textProperty().bind(providers.keyStorage());
        getChildren().addAll(lines, form, new HBox(6, save, remove, test), report, storage);
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }
}
