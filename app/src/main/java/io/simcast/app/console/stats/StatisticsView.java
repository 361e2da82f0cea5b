package io.simcast.app.console.stats;

import io.simcast.app.console.stats.StatisticsViewModel.Chart;
import io.simcast.app.console.stats.StatisticsViewModel.Point;
import io.simcast.app.console.stats.StatisticsViewModel.Series;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * The statistics panel: one line chart per {@link Chart} of the view-model, without animation or symbols (a few
 * hundred points move twice a second). Mirrors the view-model's lists into chart series. Binds only; JavaFX thread.
 */
public final class StatisticsView extends ScrollPane {
    private static final double CHART_HEIGHT = 190;

    public StatisticsView(StatisticsViewModel statistics) {
        setId("statistics");
        setFitToWidth(true);
        VBox charts = new VBox(4);
        statistics.charts().forEach(chart -> charts.getChildren().add(lineChart(chart)));
        setContent(charts);
    }

    private static LineChart<Number, Number> lineChart(Chart chart) {
        NumberAxis time = new NumberAxis();
        time.setForceZeroInRange(false);
        time.setAutoRanging(true);
        NumberAxis value = new NumberAxis();
        LineChart<Number, Number> lines = new LineChart<>(time, value);
        lines.setId(chart.id());
        lines.setTitle(chart.title());
        lines.setAnimated(false);
        lines.setCreateSymbols(false);
        lines.setPrefHeight(CHART_HEIGHT);
        lines.setMinHeight(CHART_HEIGHT);
        Map<Series, XYChart.Series<Number, Number>> shown = new IdentityHashMap<>();
        chart.series().forEach(series -> show(lines, shown, series));
        chart.series().addListener((ListChangeListener<Series>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(series -> lines.getData().remove(shown.remove(series)));
                change.getAddedSubList().forEach(series -> show(lines, shown, series));
            }
        });
        return lines;
    }

    /** Adds a chart line that follows {@code series}: points added at the end, dropped at the front. */
    private static void show(LineChart<Number, Number> lines, Map<Series, XYChart.Series<Number, Number>> shown,
                             Series series) {
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName(series.name());
        series.points().forEach(point -> line.getData().add(data(point)));
        series.points().addListener((ListChangeListener<Point>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    line.getData().remove(change.getFrom(), change.getFrom() + change.getRemovedSize());
                }
                if (change.wasAdded()) {
                    line.getData().addAll(change.getFrom(),
                            change.getAddedSubList().stream().map(StatisticsView::data).toList());
                }
            }
        });
        shown.put(series, line);
        lines.getData().add(line);
    }

    private static XYChart.Data<Number, Number> data(Point point) {
        return new XYChart.Data<>(point.seconds(), point.value());
    }
}
