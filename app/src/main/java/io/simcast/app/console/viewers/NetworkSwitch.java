package io.simcast.app.console.viewers;

import io.simcast.app.console.files.ConsolePreferences;
import io.simcast.app.console.kit.Texts;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The viewers panel's "Share on the network" switch: remembered in the console's preferences and applied when the
 * console next starts (its services bind the host as {@code serve --public} does). The running host is not swapped
 * under the panels, recordings and viewers that use it; the note under the switch says when the change takes effect.
 *
 * <p>JavaFX thread; the preferences write on their IO thread.
 */
public final class NetworkSwitch {
    private final ConsolePreferences preferences;
    private final boolean onNetworkNow;
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

    /**
     * @param onNetworkNow whether the running host already listens on this machine's address
     */
    public NetworkSwitch(ConsolePreferences preferences, boolean onNetworkNow) {
        this.preferences = preferences;
        this.onNetworkNow = onNetworkNow;
    }

    /** Whether the console shares on the network from its next start. */
    public boolean on() {
        return preferences.shareOnNetwork();
    }

    /** The switch was turned: remembered, and said when it takes effect. */
    public void set(boolean on) {
        preferences.shareOnNetwork(on);
        note.set(on == onNetworkNow ? "" : Texts.sharingFromNextStart(on));
    }

    /** What changes and when, once the switch differs from the running host; empty otherwise. */
    public ReadOnlyStringProperty note() {
        return note.getReadOnlyProperty();
    }

    /** Whether the switch belongs in the panel: the host is local-only, or the switch made it public. */
    boolean offered() {
        return !onNetworkNow || on();
    }
}
