package io.simcast.app.console.keys;

import java.util.EnumMap;
import java.util.Map;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.GenericStyledArea;

/**
 * Runs the action of a {@link ConsoleKey} pressed anywhere in the window, except while the editor or a text field
 * has the focus: there a key types (the editor's own shortcuts stay the editor's). A Tab pressed elsewhere only moves
 * the focus: the tab character it types never reaches the editor the focus moved to. Scene event filters; JavaFX
 * thread.
 */
public final class KeyDispatcher implements EventHandler<KeyEvent> {
    private final Map<ConsoleKey, Runnable> actions = new EnumMap<>(ConsoleKey.class);
    private final Scene scene;
    /** The last key pressed was a Tab while no text had the focus. */
    private boolean tabFromElsewhere;

    private KeyDispatcher(Scene scene) {
        this.scene = scene;
    }

    /** Installs a dispatcher on {@code scene}; keys act once {@link #bind bound}. */
    public static KeyDispatcher install(Scene scene) {
        KeyDispatcher dispatcher = new KeyDispatcher(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, dispatcher);
        scene.addEventFilter(KeyEvent.KEY_TYPED, dispatcher::typed);
        return dispatcher;
    }

    public void bind(ConsoleKey key, Runnable action) {
        actions.put(key, action);
    }

    @Override
    public void handle(KeyEvent event) {
        if (typing(scene.getFocusOwner())) {
            tabFromElsewhere = false;
            return;
        }
        tabFromElsewhere = event.getCode() == KeyCode.TAB;
        ConsoleKey.of(event).map(actions::get).ifPresent(action -> {
            action.run();
            event.consume();
        });
    }

    /** Drops the tab typed by a Tab that moved the focus into the editor or a text field. */
    private void typed(KeyEvent event) {
        if (tabFromElsewhere && "\t".equals(event.getCharacter())) {
            event.consume();
        }
        tabFromElsewhere = false;
    }

    /** Whether keys typed into {@code focus} are text. */
    private static boolean typing(Node focus) {
        return focus instanceof TextInputControl || focus instanceof GenericStyledArea<?, ?, ?>;
    }
}
