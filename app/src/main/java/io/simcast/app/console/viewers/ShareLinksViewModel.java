package io.simcast.app.console.viewers;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.log.LogViewModel;
import io.simcast.streaming.host.StreamingHost;
import io.simcast.streaming.Role;
import io.simcast.streaming.access.ShareLink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The share links of the embedded host: making one for a viewer or a controller (optionally expiring), the one shown
 * (its address and QR code), revoking one (its viewers are disconnected at once), and the list kept in step with the
 * host's, where links also come and go through {@code POST /api/links} or by expiring.
 *
 * <p>JavaFX thread. Making and revoking links takes microseconds, so it happens right here.
 */
public final class ShareLinksViewModel {
    /** How long a new link works. */
    public enum Lifetime {
        NEVER(null, Texts.NEVER_EXPIRES),
        HOUR(Duration.ofHours(1), Texts.EXPIRES_IN_AN_HOUR),
        DAY(Duration.ofDays(1), Texts.EXPIRES_IN_A_DAY),
        WEEK(Duration.ofDays(7), Texts.EXPIRES_IN_A_WEEK);

        private final Duration duration;
        private final String text;

        Lifetime(Duration duration, String text) {
            this.duration = duration;
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** One link as the list shows it. */
    public record LinkRow(ShareLink link, Optional<String> url, String label) {
        public String id() {
            return link.id();
        }
    }

    private final boolean available;
    private final LogViewModel log;
    private StreamingHost host;
    private final ObservableList<LinkRow> links = FXCollections.observableArrayList();
    private final ObjectProperty<LinkRow> shown = new SimpleObjectProperty<>();

    /** @param host the embedded host, or null when nothing is shared (then nothing here does anything) */
    public ShareLinksViewModel(StreamingHost host, LogViewModel log) {
        this.available = host != null;
        this.host = host;
        this.log = log;
        refresh();
    }

    /** Whether links can be made: the console shares. */
    public boolean available() {
        return available;
    }

    /**
     * The host moved (onto the network or back): its links are the same (kept in the link file), their addresses
     * follow the new page address; a link whose token this console never saw stays without one.
     */
    void host(StreamingHost moved) {
        host = moved;
        if (moved == null) {
            links.clear();
            shown.set(null);
            return;
        }
        LinkRow before = shown.get();
        links.replaceAll(row -> row(row.link()));
        refresh();
        if (before != null) {
            links.stream().filter(row -> row.id().equals(before.id())).findFirst().ifPresent(shown::set);
        }
    }

    /** The live links, oldest first. */
    public ObservableList<LinkRow> links() {
        return links;
    }

    /** The link whose address and QR code are on show, or null. */
    public ObjectProperty<LinkRow> shown() {
        return shown;
    }

    /** Makes a link and shows it. */
    public LinkRow create(Role role, Lifetime lifetime) {
        if (host == null) {
            return null;
        }
        ShareLink link = host.links().create(role, lifetime.duration, 0);
        LinkRow row = row(link);
        links.add(row);
        shown.set(row);
        log.info(Texts.linkMade(Texts.roleName(role), link.id()));
        return row;
    }

    /** Revokes a link: it stops working and everyone who came through it is disconnected. */
    public void revoke(LinkRow row) {
        if (host != null && host.links().revoke(row.id())) {
            log.info(Texts.linkRevoked(Texts.roleName(row.link().role()), row.id()));
        }
        refresh();
    }

    /** Takes in links made or ended elsewhere (the REST API, expiry). */
    public void refresh() {
        if (host == null) {
            return;
        }
        List<ShareLink> active = host.links().active();
        Set<String> live = active.stream().map(ShareLink::id).collect(Collectors.toSet());
        links.removeIf(row -> !live.contains(row.id()));
        for (ShareLink link : active) {
            if (links.stream().noneMatch(row -> row.id().equals(link.id()))) {
                links.add(row(link));
            }
        }
        if (shown.get() != null && !live.contains(shown.get().id())) {
            shown.set(null);
        }
    }

    private LinkRow row(ShareLink link) {
        // The host keeps digests only: a link's address is shown when it is made, and never again.
        return new LinkRow(link, link.token().map(token -> link.address(host.pageAddress()).toString()),
                Texts.linkLabel(Texts.roleName(link.role()), link.id(), link.expires()));
    }
}
