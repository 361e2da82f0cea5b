package io.simcast.app.console.viewers;

import io.simcast.app.console.kit.Failures;
import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.log.LogViewModel;
import io.simcast.app.console.monitor.ConsoleSample;
import io.simcast.streaming.host.StreamingHost;
import io.simcast.streaming.viewer.ViewerStats;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The viewers panel: the address to share (or why nobody can watch), share links ({@link ShareLinksViewModel}), the
 * viewers connected now with their statistics, and disconnecting one. When the host moves (the "Share on the
 * network" switch) the address, the links and the list follow at once.
 *
 * <p>JavaFX thread. Viewer lists arrive in {@link ConsoleSample}s; disconnecting completes on the host's threads
 * and reports back through {@code fx}, as does a moved host.
 */
public final class ViewersViewModel {
    private final Sharing sharing;
    private StreamingHost host;
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper localOnly = new ReadOnlyBooleanWrapper();
    private final LogViewModel log;
    private final Executor fx;
    private final ObservableList<ViewerRow> viewers = FXCollections.observableArrayList();
    private final ShareLinksViewModel links;

    public ViewersViewModel(Sharing sharing, LogViewModel log, Executor fx) {
        this.sharing = sharing;
        this.log = log;
        this.fx = fx;
        this.links = new ShareLinksViewModel(sharing.host().orElse(null), log);
        show(sharing.host().orElse(null));
        sharing.addListener(() -> fx.execute(this::moved));
    }

    /** The host moved: new address, the same links at it, nobody connected yet. */
    private void moved() {
        StreamingHost now = sharing.host().orElse(null);
        if (now == host) {
            return;
        }
        show(now);
        links.host(now);
        viewers.clear();
        log.info(now == null ? problem.get() : Texts.sharingAt(now.pageAddress()));
    }

    private void show(StreamingHost now) {
        host = now;
        address.set(now == null ? null : now.pageAddress().toString());
        problem.set(sharing.problem());
        localOnly.set(now != null && loopback(now.pageAddress()));
    }

    /** The share links section. */
    public ShareLinksViewModel links() {
        return links;
    }

    /** The page's address for people, e.g. {@code http://127.0.0.1:8000/}; null when nothing is shared. */
    public ReadOnlyStringProperty address() {
        return address.getReadOnlyProperty();
    }

    /** Whether only this computer can open the address (the host listens on the loopback address). */
    public ReadOnlyBooleanProperty localOnly() {
        return localOnly.getReadOnlyProperty();
    }

    private static boolean loopback(URI page) {
        try {
            return InetAddress.getByName(page.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // a name this machine cannot resolve is not its own
        }
    }

    /** A new operator link: the operator's own page in a browser, opened once. Null when nothing is shared. */
    public String operatorPage() {
        return host == null ? null : host.operatorPage().toString();
    }

    /** Why nobody can watch, or null while sharing. */
    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    /** The viewers connected at the last sample, as the panel lists them. */
    public ObservableList<ViewerRow> viewers() {
        return viewers;
    }

    /**
     * Takes in a new sample. Rows of viewers still here are updated in place, so the list changes only when someone
     * joins or leaves (a row replaced twice a second would swallow a click on its button).
     */
    public void update(ConsoleSample sample) {
        links.refresh();
        Map<String, ViewerStats> present = new LinkedHashMap<>();
        sample.viewers().forEach(stats -> present.put(stats.id(), stats));
        viewers.removeIf(row -> !present.containsKey(row.id()));
        for (ViewerStats stats : present.values()) {
            viewers.stream().filter(row -> row.id().equals(stats.id())).findFirst()
                    .ifPresentOrElse(row -> row.show(stats), () -> viewers.add(new ViewerRow(stats)));
        }
    }

    /** Ends a viewer's session; its page says so and stays disconnected. */
    public void disconnect(ViewerRow viewer) {
        if (host == null) {
            return;
        }
        host.disconnect(viewer.id()).whenCompleteAsync((done, failure) -> {
            if (failure != null) {
                log.problem(Texts.cannotDisconnect(viewer.shortId(), Failures.cause(failure).getMessage()));
            } else if (done) {
                log.info(Texts.disconnected(viewer.shortId()));
                viewers.removeIf(row -> row.id().equals(viewer.id()));
            }
        }, fx);
    }

    /** One viewer as the panel shows it: its words and numbers formatted (see {@link Texts}), updated in place. */
    public static final class ViewerRow {
        private final String id;
        private final ReadOnlyStringWrapper watching = new ReadOnlyStringWrapper();
        private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper();
        private final ReadOnlyStringWrapper framesPerSecond = new ReadOnlyStringWrapper();
        private final ReadOnlyStringWrapper bitrate = new ReadOnlyStringWrapper();
        private final ReadOnlyStringWrapper roundTrip = new ReadOnlyStringWrapper();
        private final ReadOnlyStringWrapper since = new ReadOnlyStringWrapper();

        ViewerRow(ViewerStats stats) {
            id = stats.id();
            show(stats);
        }

        void show(ViewerStats stats) {
            watching.set(Texts.watching(stats.view(), stats.door()));
            state.set(stats.state());
            framesPerSecond.set(Texts.framesPerSecond(stats.fpsReceived() >= 0 ? stats.fpsReceived()
                    : stats.fpsSent()));
            bitrate.set(Texts.bitrate(stats.bitrateKbps()));
            roundTrip.set(Texts.milliseconds(stats.roundTripMs()));
            since.set(Texts.since(stats.since()));
        }

        /** The host's id for the viewer. */
        public String id() {
            return id;
        }

        public String shortId() {
            return Texts.shortViewerId(id);
        }

        public ReadOnlyStringProperty watching() {
            return watching.getReadOnlyProperty();
        }

        /** The connection's state in WebRTC's words: new, connecting, connected, disconnected, failed. */
        public ReadOnlyStringProperty state() {
            return state.getReadOnlyProperty();
        }

        /** Frames per second the viewer's page shows (or, until it reports, that the host sends). */
        public ReadOnlyStringProperty framesPerSecond() {
            return framesPerSecond.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty bitrate() {
            return bitrate.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty roundTrip() {
            return roundTrip.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty since() {
            return since.getReadOnlyProperty();
        }
    }
}
