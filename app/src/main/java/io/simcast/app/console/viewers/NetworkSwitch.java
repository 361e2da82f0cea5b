package io.simcast.app.console.viewers;

import io.simcast.app.console.files.ConsolePreferences;
import io.simcast.app.console.kit.Failures;
import io.simcast.app.console.kit.Texts;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The viewers panel's "Share on the network" switch: moves the running host onto this machine's address (as
 * {@code serve --public} binds) or back onto the loopback address at once ({@link Sharing#shareOnNetwork}), and is
 * remembered in the console's preferences for the next start. While the host moves the switch is busy and the note
 * under it says so; should the address be refused, the switch goes back and the note says why.
 *
 * <p>JavaFX thread; the host moves on the sharing thread and reports back through {@code fx}.
 */
public final class NetworkSwitch {
    private final ConsolePreferences preferences;
    private final Sharing sharing;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper on;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

    public NetworkSwitch(ConsolePreferences preferences, Sharing sharing, Executor fx) {
        this.preferences = preferences;
        this.sharing = sharing;
        this.fx = fx;
        this.on = new ReadOnlyBooleanWrapper(sharing.onNetwork());
    }

    /** Whether the host listens on the network (or is on its way there). */
    public ReadOnlyBooleanProperty on() {
        return on.getReadOnlyProperty();
    }

    /** True while the host moves. */
    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** The switch was turned: the host moves now, and the choice is remembered. */
    public void set(boolean network) {
        if (busy.get() || network == on.get()) {
            return;
        }
        on.set(network);
        busy.set(true);
        note.set(Texts.movingHost(network));
        sharing.shareOnNetwork(network).whenCompleteAsync((done, failure) -> {
            busy.set(false);
            if (failure == null) {
                preferences.shareOnNetwork(network);
                note.set("");
            } else {
                on.set(sharing.onNetwork());
                note.set(Texts.cannotMoveHost(network, Failures.cause(failure).getMessage()));
            }
        }, fx);
    }

    /** What is happening to the host, or why it could not move; empty otherwise. */
    public ReadOnlyStringProperty note() {
        return note.getReadOnlyProperty();
    }

    /** Whether the switch belongs in the panel: the host is configured for this computer only (not --public). */
    boolean offered() {
        return sharing.switchable();
    }
}
