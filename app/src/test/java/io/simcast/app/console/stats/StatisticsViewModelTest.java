package io.simcast.app.console.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.monitor.ConsoleSample;
import io.simcast.app.console.stats.StatisticsViewModel.Chart;
import io.simcast.app.console.stats.StatisticsViewModel.Point;
import io.simcast.app.console.stats.StatisticsViewModel.Series;
import io.simcast.streaming.viewer.ViewerStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsViewModelTest {
    private final StatisticsViewModel model = new StatisticsViewModel();

    private static ViewerStats viewer(String id, double kbps, double roundTrip) {
        return new ViewerStats(id, "websocket", "own", "simulation", "2026-11-27T10:15:30Z", "connected", "H264", "OpenH264", 30,
                30, 0, kbps, roundTrip, 0, 0, "none", -1);
    }

    private Chart chart(String id) {
        return model.charts().stream().filter(chart -> chart.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> names(Chart chart) {
        return chart.series().stream().map(Series::name).toList();
    }

    @Test
    void eachSampleAddsAPointToEveryLine() {
        model.update(new ConsoleSample(0.5, true, 0.998, 92, 58.5, 6.2, List.of()));

        assertThat(model.charts()).extracting(Chart::title).containsExactly("Real-time factor", "Frames per second",
                "Bitrate to each viewer (kbit/s)", "Latency (ms)");
        assertThat(chart("chart-real-time").series().getFirst().points()).containsExactly(new Point(0.5, 0.998));
        assertThat(names(chart("chart-frame-rates"))).containsExactly("renderer, all views", "live view");
        assertThat(chart("chart-frame-rates").series().get(1).points()).containsExactly(new Point(0.5, 58.5));
        assertThat(chart("chart-latency").series().getFirst().points()).containsExactly(new Point(0.5, 6.2));
    }

    @Test
    void linesKeepTheLastMinute() {
        for (int i = 0; i < StatisticsViewModel.HISTORY + 30; i++) {
            model.update(new ConsoleSample(i * 0.5, true, 1, 60, 60, 5, List.of()));
        }

        List<Point> points = chart("chart-real-time").series().getFirst().points();
        assertThat(points).hasSize(StatisticsViewModel.HISTORY);
        assertThat(points.getFirst().seconds()).isEqualTo(15);
        assertThat(points.getLast().seconds()).isEqualTo((StatisticsViewModel.HISTORY + 29) * 0.5);
    }

    @Test
    void eachViewerHasItsLinesUntilItLeavesAndUnmeasuredValuesAreLeftOut() {
        model.update(new ConsoleSample(1, true, 1, 60, 60, 5,
                List.of(viewer("0123456789abcdef", 900, -1), viewer("fedcba9876543210", 1100, 14))));

        assertThat(names(chart("chart-bitrates"))).containsExactly("viewer 012345", "viewer fedcba");
        assertThat(names(chart("chart-latency"))).containsExactly("live view", "viewer 012345, round trip",
                "viewer fedcba, round trip");
        assertThat(chart("chart-latency").series().get(1).points()).isEmpty();
        assertThat(chart("chart-latency").series().get(2).points()).containsExactly(new Point(1, 14));

        model.update(new ConsoleSample(1.5, true, 1, 60, 60, 5, List.of(viewer("fedcba9876543210", 1000, 15))));

        assertThat(names(chart("chart-bitrates"))).containsExactly("viewer fedcba");
        assertThat(chart("chart-bitrates").series().getFirst().points()).extracting(Point::value)
                .containsExactly(1100.0, 1000.0);
    }
}
