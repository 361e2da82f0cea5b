package io.simcast.app.console.keys;

import java.util.EnumMap;
import java.util.Map;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.GenericStyledArea;

/**
 * Runs the action of a {@link ConsoleKey} pressed anywhere in the window, except while the editor or a text field
 * has the focus: there a key types (the editor's own shortcuts stay the editor's). A scene event filter; JavaFX
 * thread.
 */
public final class KeyDispatcher implements EventHandler<KeyEvent> {
    private final Map<ConsoleKey, Runnable> actions = new EnumMap<>(ConsoleKey.class);
    private final Scene scene;

    private KeyDispatcher(Scene scene) {
        this.scene = scene;
    }

    /** Installs a dispatcher on {@code scene}; keys act once {@link #bind bound}. */
    public static KeyDispatcher install(Scene scene) {
        KeyDispatcher dispatcher = new KeyDispatcher(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, dispatcher);
        return dispatcher;
    }

    public void bind(ConsoleKey key, Runnable action) {
        actions.put(key, action);
    }

    @Override
    public void handle(KeyEvent event) {
        if (typing(scene.getFocusOwner())) {
            return;
        }
        ConsoleKey.of(event).map(actions::get).ifPresent(action -> {
            action.run();
            event.consume();
        });
    }

    /** Whether keys typed into {@code focus} are text. */
    private static boolean typing(Node focus) {
        return focus instanceof TextInputControl || focus instanceof GenericStyledArea<?, ?, ?>;
    }
}
