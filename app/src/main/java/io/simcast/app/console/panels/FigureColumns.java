package io.simcast.app.console.panels;

import javafx.scene.layout.HBox;

/**
 * simulate's overlay of figures (its info, its profiler's numbers): a column of names beside a column of values,
 * each a {@link Readout}, following a {@link PanelsViewModel.Figures} while they are on screen (hidden, they catch
 * up with the next change, a tenth of a second later). JavaFX thread.
 */
public final class FigureColumns extends HBox {
    private final Readout names = new Readout();
    private final Readout values = new Readout();
    private final PanelsViewModel.Figures figures;

    FigureColumns(PanelsViewModel.Figures figures, String id) {
        super(12);
        setId(id);
        names.setId(id + "-names");
        values.setId(id + "-values");
        this.figures = figures;
        getChildren().addAll(names, values);
        show();
        figures.names().addListener((property, was, now) -> showIfOnScreen());
        figures.values().addListener((property, was, now) -> showIfOnScreen());
    }

    /** Brings both columns up to date, unless nobody can see them (a closed section, another tab). */
    private void showIfOnScreen() {
        if (OnScreen.isShown(this)) {
            show();
        }
    }

    private void show() {
        names.show(figures.names().get());
        values.show(figures.values().get());
    }

    /** The figures as lines of "name value" (tests read them as a person would). */
    public String getText() {
        String[] named = names.getText().split("\n", -1);
        String[] shown = values.getText().split("\n", -1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < named.length; i++) {
            text.append(i == 0 ? "" : "\n").append(named[i]).append(' ').append(i < shown.length ? shown[i] : "");
        }
        return text.toString();
    }
}
