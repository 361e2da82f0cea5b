package io.simcast.app.console.viewers;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.viewers.ViewersViewModel.ViewerRow;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.layout.VBox;

/**
 * The viewers panel: the address to share ({@link ShareAddressView}), share links ({@link ShareLinksView}), then who
 * is watching: a button that disconnects each viewer (the first column, so that it shows without scrolling in the
 * narrow panel), then its frame rate, bitrate and round-trip time. Binds and delegates; JavaFX thread.
 */
public final class ViewersView extends VBox {

    public ViewersView(ViewersViewModel viewers, NetworkSwitch network) {
        setId("viewers-panel");
        getStyleClass().add("viewers");
        Label heading = new Label(Texts.WATCHING_NOW);
        heading.getStyleClass().add("heading");
        TableView<ViewerRow> table = new TableView<>(viewers.viewers());
        table.setId("viewers");
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setMinHeight(Region.USE_PREF_SIZE);
        placeholder.textProperty().bind(viewers.address().map(address -> Texts.NOBODY_WATCHING)
                .orElse(Texts.NOBODY_CAN_WATCH));
        table.setPlaceholder(placeholder);
        // Eight columns do not fit the panel: each keeps room for its title and the table scrolls sideways.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // Disconnect first: the statistics scroll sideways in the narrow panel, the action stays in view.
        TableColumn<ViewerRow, ViewerRow> disconnect = new TableColumn<>();
        disconnect.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        disconnect.setCellFactory(column -> new DisconnectCell(viewers));
        disconnect.setSortable(false);
        disconnect.setReorderable(false);
        disconnect.setMinWidth(DisconnectCell.WIDTH);
        disconnect.setPrefWidth(DisconnectCell.WIDTH);
        table.getColumns().add(disconnect);
        TableColumn<ViewerRow, String> viewer = titled(new TableColumn<>(Texts.COLUMN_VIEWER));
        viewer.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().shortId()));
        table.getColumns().add(viewer);
        // Room for the longest of its words, "own camera (WHEP)": a value is not cut to "own cam...".
        TableColumn<ViewerRow, String> watching = column(Texts.COLUMN_WATCHING, ViewerRow::watching);
        watching.setPrefWidth(Math.max(watching.getMinWidth(), textWidth(Texts.watching("own", "whep")) + 24));
        table.getColumns().add(watching);
        table.getColumns().add(column(Texts.COLUMN_CONNECTION, ViewerRow::state));
        table.getColumns().add(column(Texts.COLUMN_FPS, ViewerRow::framesPerSecond));
        table.getColumns().add(column(Texts.COLUMN_BITRATE, ViewerRow::bitrate));
        table.getColumns().add(column(Texts.COLUMN_ROUND_TRIP, ViewerRow::roundTrip));
        table.getColumns().add(column(Texts.COLUMN_SINCE, ViewerRow::since));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(new ShareAddressView(viewers, network), new ShareLinksView(viewers.links()), heading, table);
    }

    private static TableColumn<ViewerRow, String> column(String title,
                                                         Function<ViewerRow, ReadOnlyStringProperty> value) {
        TableColumn<ViewerRow, String> column = titled(new TableColumn<>(title));
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return column;
    }

    /** The column never narrower than its title (with the header's padding and sort arrow). */
    private static <T> TableColumn<ViewerRow, T> titled(TableColumn<ViewerRow, T> column) {
        column.setMinWidth(textWidth(column.getText()) + 24);
        column.setPrefWidth(Math.max(column.getMinWidth(), 70));
        return column;
    }

    private static double textWidth(String text) {
        return Math.ceil(new Text(text).getLayoutBounds().getWidth());
    }

    /** A "Disconnect" button for the row's viewer. */
    private static final class DisconnectCell extends TableCell<ViewerRow, ViewerRow> {
        /** The button's word with the button's and the cell's padding: never cut to "Disco...". */
        static final double WIDTH = textWidth(Texts.DISCONNECT) + 40;
        private final Button button = new Button(Texts.DISCONNECT);

        DisconnectCell(ViewersViewModel viewers) {
            button.setOnAction(event -> {
                if (getItem() != null) {
                    viewers.disconnect(getItem());
                }
            });
        }

        @Override
        protected void updateItem(ViewerRow row, boolean empty) {
            super.updateItem(row, empty);
            button.setId(empty || row == null ? null : "disconnect-" + row.id());
            setGraphic(empty || row == null ? null : button);
        }
    }
}
