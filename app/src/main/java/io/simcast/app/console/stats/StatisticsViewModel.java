package io.simcast.app.console.stats;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.monitor.ConsoleSample;
import io.simcast.streaming.viewer.ViewerStats;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The statistics panel's charts, filled from {@link ConsoleSample}s: the simulation's real-time factor; the frame
 * rates of the renderer (all views) and of the live view; each viewer's bitrate; and latency: the live view's
 * (renderer readback to screen) and each viewer's round trip. Each series keeps the last {@value #HISTORY} samples; a
 * viewer's series go when the viewer does.
 *
 * <p>JavaFX thread.
 */
public final class StatisticsViewModel {
    /** A minute of history at the sampler's rate. */
    public static final int HISTORY = 120;

    /** One value at a time, seconds since the console started. */
    public record Point(double seconds, double value) {}

    /** A named line of a chart. */
    public record Series(String key, String name, ObservableList<Point> points) {
        void add(Point point) {
            points.add(point);
            if (points.size() > HISTORY) {
                points.remove(0, points.size() - HISTORY);
            }
        }
    }

    /** One chart: its title and its lines. */
    public record Chart(String id, String title, ObservableList<Series> series) {
        Series series(String key, String name) {
            for (Series line : series) {
                if (line.key().equals(key)) {
                    return line;
                }
            }
            Series line = new Series(key, name, FXCollections.observableArrayList());
            series.add(line);
            return line;
        }

        /** Drops the viewers' lines whose viewer is gone. */
        void keepViewers(Set<String> present) {
            series.removeIf(line -> line.key().startsWith(VIEWER) && !present.contains(line.key()));
        }
    }

    private static final String VIEWER = "viewer:";

    private final Chart realTime = chart("chart-real-time", Texts.CHART_REAL_TIME);
    private final Chart frameRates = chart("chart-frame-rates", Texts.CHART_FRAME_RATES);
    private final Chart bitrates = chart("chart-bitrates", Texts.CHART_BITRATES);
    private final Chart latency = chart("chart-latency", Texts.CHART_LATENCY);

    private static Chart chart(String id, String title) {
        return new Chart(id, title, FXCollections.observableArrayList());
    }

    /** The charts, top to bottom. */
    public List<Chart> charts() {
        return List.of(realTime, frameRates, bitrates, latency);
    }

    /** Adds one sample to every line. */
    public void update(ConsoleSample sample) {
        double t = sample.seconds();
        realTime.series("rtf", Texts.SERIES_REAL_TIME).add(new Point(t, sample.realTimeFactor()));
        frameRates.series("render", Texts.SERIES_RENDERER).add(new Point(t, sample.renderFps()));
        frameRates.series("live", Texts.SERIES_LIVE_VIEW).add(new Point(t, sample.liveViewFps()));
        latency.series("live", Texts.SERIES_LIVE_VIEW).add(new Point(t, sample.liveViewLatencyMillis()));
        Set<String> present = new HashSet<>();
        for (ViewerStats viewer : sample.viewers()) {
            String key = VIEWER + viewer.id();
            present.add(key);
            addViewer(bitrates, key, Texts.seriesViewer(viewer.id()), t, viewer, ViewerStats::bitrateKbps);
            addViewer(latency, key, Texts.seriesRoundTrip(viewer.id()), t, viewer, ViewerStats::roundTripMs);
        }
        bitrates.keepViewers(present);
        latency.keepViewers(present);
    }

    /** A viewer's value, when it has been measured (statistics report -1 before the first RTCP report). */
    private static void addViewer(Chart chart, String key, String name, double t, ViewerStats viewer,
                                  ToDoubleFunction<ViewerStats> value) {
        Series line = chart.series(key, name);
        double measured = value.applyAsDouble(viewer);
        if (measured >= 0) {
            line.add(new Point(t, measured));
        }
    }
}
