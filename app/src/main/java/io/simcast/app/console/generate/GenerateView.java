package io.simcast.app.console.generate;

import io.simcast.app.console.kit.Texts;
import io.simcast.generate.Provider;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The "Generate scene" window's content: the description, the provider, Generate and Cancel, every step as it
 * happens and how it ended; Settings opens the language-model settings. Binds and delegates; JavaFX thread.
 */
public final class GenerateView extends VBox {

    public GenerateView(GenerateViewModel generate, Runnable openSettings) {
        setId("generate");
        getStyleClass().add("tool-window");
        TextArea prompt = new TextArea();
        prompt.setId("generate-prompt");
        prompt.setPromptText(Texts.GENERATE_PROMPT);
        prompt.setWrapText(true);
        prompt.setPrefRowCount(4);
        prompt.textProperty().bindBidirectional(generate.prompt());

        ChoiceBox<Provider> provider = new ChoiceBox<>(generate.providers());
        provider.setId("generate-provider");
        provider.valueProperty().bindBidirectional(generate.provider());
        provider.setConverter(new StringConverter<>() {
            @Override
            public String toString(Provider value) {
                return value == null ? Texts.DEFAULT_PROVIDER : value.displayName();
            }

            @Override
            public Provider fromString(String text) {
                return null;
            }
        });
        provider.disableProperty().bind(Bindings.isEmpty(generate.providers()));
        Label noProvider = new Label(Texts.NO_PROVIDER_SET_UP);
        noProvider.setId("generate-no-provider");
        noProvider.visibleProperty().bind(Bindings.isEmpty(generate.providers()));
        noProvider.managedProperty().bind(noProvider.visibleProperty());

        Button start = new Button(Texts.GENERATE);
        start.setId("generate-start");
        start.setDefaultButton(true);
        start.disableProperty().bind(generate.running());
        start.setOnAction(event -> generate.generate());
        Button cancel = new Button(Texts.CANCEL);
        cancel.setId("generate-cancel");
        cancel.disableProperty().bind(generate.running().not());
        cancel.setOnAction(event -> generate.cancel());
        Button settings = new Button(Texts.SETTINGS);
        settings.setId("generate-settings");
        settings.setOnAction(event -> openSettings.run());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("generate-progress");
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(generate.running());
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        HBox actions = new HBox(6, new Label(Texts.PROVIDER), provider, start, cancel, progress, space, settings);
        actions.getStyleClass().add("actions");

        ListView<String> events = new ListView<>(generate.events());
        events.setId("generate-events");
        VBox.setVgrow(events, Priority.ALWAYS);
        Label outcome = new Label();
        outcome.setId("generate-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(generate.outcome());
        generate.failed().subscribe(failed -> {
            outcome.getStyleClass().remove("problem");
            if (failed) {
                outcome.getStyleClass().add("problem");
            }
        });
        getChildren().addAll(prompt, actions, noProvider, events, outcome);
    }
}
