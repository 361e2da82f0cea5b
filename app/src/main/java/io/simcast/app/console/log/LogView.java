package io.simcast.app.console.log;

import javafx.collections.ListChangeListener;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** The log panel: newest line in view, long lines wrapped, problems in the warning colour. Binds only; JavaFX thread. */
public final class LogView extends ListView<LogViewModel.Entry> {

    public LogView(LogViewModel log) {
        super(log.entries());
        setId("log");
        setFocusTraversable(false);
        setCellFactory(list -> new ListCell<>() {
            {
                // Long lines (file paths) wrap within the panel instead of ending in an ellipsis.
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(LogViewModel.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.toString());
                getStyleClass().remove("problem");
                if (!empty && entry != null && entry.problem()) {
                    getStyleClass().add("problem");
                }
            }
        });
        log.entries().addListener((ListChangeListener<LogViewModel.Entry>) change -> scrollTo(getItems().size() - 1));
    }
}
