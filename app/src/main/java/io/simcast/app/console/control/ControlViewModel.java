package io.simcast.app.console.control;

import io.simcast.app.console.session.SimulationSession;
import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.SimulationSnapshot;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Play, pause, step, reset and speed, as MuJoCo's simulate offers them: each becomes a {@link SimCommand} for the
 * physics thread; what the toolbar shows comes from snapshots. JavaFX thread.
 */
public final class ControlViewModel {
    private final SimulationSession session;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();

    public ControlViewModel(SimulationSession session) {
        this.session = session;
        update(session.snapshot());
    }

    /** Whether time is running, as of the newest snapshot. */
    public ReadOnlyBooleanProperty playing() {
        return playing.getReadOnlyProperty();
    }

    /** Takes in a new snapshot. */
    public void update(SimulationSnapshot snapshot) {
        playing.set(snapshot.playing());
    }

    public void togglePlay() {
        session.submit(new SimCommand.TogglePlay());
    }

    public void step() {
        session.submit(new SimCommand.Step(1));
    }

    public void reset() {
        session.submit(new SimCommand.Reset());
    }

    /** Half the speed, down to {@value SimCommand#MIN_SPEED}. */
    public void slower() {
        setSpeed(session.snapshot().speed() / 2);
    }

    /** Double the speed, up to {@value SimCommand#MAX_SPEED}. */
    public void faster() {
        setSpeed(session.snapshot().speed() * 2);
    }

    private void setSpeed(double factor) {
        session.submit(new SimCommand.SetSpeed(Math.clamp(factor, SimCommand.MIN_SPEED, SimCommand.MAX_SPEED)));
    }
}
