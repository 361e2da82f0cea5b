package io.simcast.app.console.scenes;

import io.simcast.app.console.kit.Texts;
import io.simcast.sim.scene.Preset;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The scenes panel: presets with their descriptions, then recent files; one click (or Enter) loads one into the
 * editor and the simulation. Binds and delegates only; JavaFX thread.
 */
public final class ScenesView extends VBox {

    public ScenesView(ScenesViewModel scenes) {
        getStyleClass().add("scenes");
        ListView<Preset> presets = loadingList("presets", FXCollections.observableArrayList(scenes.presets()),
                preset -> twoLines(preset.title(), preset.description(), null), scenes::load);
        ListView<Path> recent = loadingList("recent-files", scenes.recentFiles(),
                file -> twoLines(file.getFileName().toString(), String.valueOf(file.getParent()), file.toString()),
                scenes::load);
        recent.setPlaceholder(new Label(Texts.NO_RECENT_FILES));
        VBox.setVgrow(presets, Priority.ALWAYS);
        recent.setPrefHeight(160);
        getChildren().addAll(heading(Texts.PRESETS), presets, heading(Texts.RECENT_FILES), recent);
    }

    private static <T> ListView<T> loadingList(String id, ObservableList<T> items, Function<T, Node> graphic,
                                               Consumer<T> load) {
        ListView<T> list = new ListView<>(items);
        list.setId(id);
        list.setCellFactory(view -> {
            ListCell<T> cell = new ListCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    setGraphic(empty || item == null ? null : graphic.apply(item));
                }
            };
            cell.setOnMouseClicked(event -> {
                if (!cell.isEmpty() && event.getButton() == MouseButton.PRIMARY) {
                    load.accept(cell.getItem());
                }
            });
            return cell;
        });
        list.setOnKeyPressed(event -> {
            T selected = list.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                load.accept(selected);
            }
        });
        return list;
    }

    private static Node twoLines(String title, String detail, String tooltip) {
        Label first = new Label(title);
        first.getStyleClass().add("title");
        Label second = new Label(detail);
        second.getStyleClass().add("detail");
        second.setWrapText(true);
        VBox box = new VBox(first, second);
        if (tooltip != null) {
            Tooltip.install(box, new Tooltip(tooltip));
        }
        return box;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("heading");
        return label;
    }
}
