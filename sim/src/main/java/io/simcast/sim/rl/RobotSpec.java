package io.simcast.sim.rl;

import java.util.List;

/**
 * A robot offered for RL and its tasks; what {@code GET /api/rl/robots} lists. Immutable.
 *
 * @param id the robot's id, also the id of the preset scene it comes from
 * @param title a name for people
 * @param tasks its tasks
 */
public record RobotSpec(String id, String title, List<TaskSpec> tasks) {
    public RobotSpec {
        tasks = List.copyOf(tasks);
    }
}
