package io.simcast.app.console.panels;

import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * Text that changes ten times a second without costing the panel a CSS or layout pass: set only when the shown
 * string changed, drawn by an unmanaged {@link Text} (no skin to restyle, and its changes reach no parent's layout)
 * in a box sized when its parent lays it out; the box asks its parent for more room only when a text outgrows it.
 * Looks like a label. JavaFX thread.
 */
public final class Readout extends Region {
    private final Text text = new Text();

    Readout() {
        getStyleClass().add("readout");
        text.setManaged(false);
        text.setTextOrigin(VPos.TOP);
        text.setStyle("-fx-fill: -fx-text-background-color;");
        getChildren().add(text);
    }

    /** Shows {@code shown} (nothing happens when it already does). */
    void show(CharSequence shown) {
        if (Decimals.same(text.getText(), shown)) {
            return;
        }
        text.setText(shown.toString());
        if (computePrefWidth(-1) > getWidth() || computePrefHeight(-1) > getHeight()) {
            requestLayout(); // it grew: the only change the parent hears of
        }
    }

    /** The text shown now. */
    public String getText() {
        return text.getText();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + Math.ceil(text.getLayoutBounds().getWidth()) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + Math.ceil(text.getLayoutBounds().getHeight()) + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        text.relocate(snappedLeftInset(), snappedTopInset());
    }
}
