package io.simcast.app.console.viewers;

import io.simcast.app.console.files.ConsolePreferences;
import io.simcast.app.console.kit.Texts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The viewers panel's "Share on the network" switch: remembered in the console's preferences and applied when the
 * console next starts (its services bind the host as {@code serve --public} does). The running host is not swapped
 * under the panels, recordings and viewers that use it; the note under the switch says when the change takes effect.
 *
 * <p>JavaFX thread; the preferences write on their IO thread.
 */
public final class NetworkSwitch {
    private final boolean onNetworkNow;
    private final BooleanProperty on;
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

    /**
     * @param onNetworkNow whether the running host already listens on this machine's address
     */
    public NetworkSwitch(ConsolePreferences preferences, boolean onNetworkNow) {
        this.onNetworkNow = onNetworkNow;
        on = new SimpleBooleanProperty(preferences.shareOnNetwork());
        on.addListener((property, was, now) -> {
            preferences.shareOnNetwork(now);
            note.set(now == onNetworkNow ? "" : Texts.sharingFromNextStart(now));
        });
    }

    /** Whether the console shares on the network from its next start; the switch binds to it. */
    public BooleanProperty on() {
        return on;
    }

    /** What changes and when, once the switch differs from the running host; empty otherwise. */
    public ReadOnlyStringProperty note() {
        return note.getReadOnlyProperty();
    }

    /** Whether the switch belongs in the panel: the host is local-only, or the switch made it public. */
    boolean offered() {
        return !onNetworkNow || on.get();
    }
}
