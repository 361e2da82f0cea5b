package io.simcast.app.console.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.log.LogViewModel;
import io.simcast.app.console.monitor.ConsoleSample;
import io.simcast.app.console.viewers.ViewersViewModel.ViewerRow;
import io.simcast.streaming.viewer.ViewerStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewersViewModelTest {
    private static final String SINCE = "2026-11-27T10:15:30Z";

    private static ViewerStats viewer(String id, String door, String view, double fpsReceived, double kbps,
                                      double roundTrip) {
        return new ViewerStats(id, door, view, "simulation", SINCE, "connected", "H264", "OpenH264", 30, fpsReceived, 0, kbps,
                roundTrip, 0, 0, "none", -1);
    }

    private static ConsoleSample sample(ViewerStats... viewers) {
        return new ConsoleSample(1, true, 1, 60, 60, 5, List.of(viewers));
    }

    private final ViewersViewModel model = new ViewersViewModel(Sharing.start(null, false, null, null, null),
            new LogViewModel(),
            Runnable::run);

    @Test
    void aViewerIsShownInWordsAndRoundedNumbers() {
        model.update(sample(viewer("0123456789abcdef", "websocket", "own", 29.7, 1250, 12.4)));

        ViewerRow row = model.viewers().getFirst();
        assertThat(row.shortId()).isEqualTo("012345");
        assertThat(row.watching().get()).isEqualTo("own camera");
        assertThat(row.state().get()).isEqualTo("connected");
        assertThat(row.framesPerSecond().get()).isEqualTo("30");
        assertThat(row.bitrate().get()).isEqualTo("1.25 Mb/s");
        assertThat(row.roundTrip().get()).isEqualTo("12 ms");
        assertThat(row.since().get()).isEqualTo(Texts.since(SINCE)).matches("\\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void beforeThePageReportsTheSentRateShowsAndUnmeasuredTimesADash() {
        model.update(sample(viewer("aaaaaaaaaaaaaaaa", "whep", "host", -1, 850, -1)));

        ViewerRow row = model.viewers().getFirst();
        assertThat(row.watching().get()).isEqualTo("host view (WHEP)");
        assertThat(row.framesPerSecond().get()).isEqualTo("30");
        assertThat(row.bitrate().get()).isEqualTo("850 kb/s");
        assertThat(row.roundTrip().get()).isEqualTo("–");
    }

    @Test
    void rowsAreUpdatedInPlaceAndGoWithTheirViewer() {
        model.update(sample(viewer("aaaaaaaaaaaaaaaa", "websocket", "own", 30, 800, 10),
                viewer("bbbbbbbbbbbbbbbb", "websocket", "own", 30, 900, 10)));
        ViewerRow first = model.viewers().getFirst();

        model.update(sample(viewer("aaaaaaaaaaaaaaaa", "websocket", "own", 30, 1500, 10)));

        assertThat(model.viewers()).containsExactly(first);
        assertThat(first.bitrate().get()).isEqualTo("1.50 Mb/s");
    }

    @Test
    void withoutSharingThereIsNoAddressButTheReason() {
        assertThat(model.address().get()).isNull();
        assertThat(model.localOnly().get()).isFalse();
        assertThat(model.problem().get()).isEqualTo("Sharing is off: this console was started with --no-share");
    }
}
