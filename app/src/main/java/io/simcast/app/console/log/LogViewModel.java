package io.simcast.app.console.log;

import io.simcast.app.console.kit.Texts;
import io.simcast.sim.physics.SimulationEvent;
import java.time.Instant;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The console's log panel: what happened to scenes and files, newest last, the oldest dropped. JavaFX thread. */
public final class LogViewModel {
    private static final int MAX_ENTRIES = 1000;

    /** One line of the log; a problem is shown in the warning colour. */
    public record Entry(Instant time, String text, boolean problem) {
        @Override
        public String toString() {
            return Texts.logLine(time, text);
        }
    }

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();

    public ObservableList<Entry> entries() {
        return entries;
    }

    public void info(String text) {
        add(new Entry(Instant.now(), text, false));
    }

    public void problem(String text) {
        add(new Entry(Instant.now(), text, true));
    }

    /** Logs what the simulation reports (handed over from its event thread). */
    public void simulationEvent(SimulationEvent event) {
        switch (event) {
            case SimulationEvent.SceneLoaded loaded -> info(Texts.loaded(loaded.scene().title()));
            case SimulationEvent.Diverged diverged ->
                    problem(Texts.diverged(diverged.sceneId(), diverged.time(), diverged.reason()));
            case SimulationEvent.Reset reset -> info(Texts.resetScene(reset.sceneId()));
        }
    }

    private void add(Entry entry) {
        entries.add(entry);
        if (entries.size() > MAX_ENTRIES) {
            entries.remove(0, entries.size() - MAX_ENTRIES);
        }
    }
}
