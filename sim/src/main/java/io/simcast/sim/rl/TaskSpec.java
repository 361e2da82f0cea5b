package io.simcast.sim.rl;

import java.util.List;

/**
 * What the catalogue says about one task of one robot; also what {@code GET /api/rl/robots} lists. Immutable.
 *
 * @param robot the robot's id
 * @param id the task's id, unique for the robot
 * @param title a name for people
 * @param description observation, action, reward and episode end in one paragraph (docs/RL.md has the detail)
 * @param observationSpace what {@code reset} and {@code step} return for one copy
 * @param actionSpace what {@code step} takes for one copy
 * @param frameSkip physics steps per environment step
 * @param maxEpisodeSteps default step limit of an episode (truncation)
 * @param resetOptions names of the options {@code reset} accepts
 * @param taskOptions names of the options {@code create} accepts for the whole environment ({@code task_options})
 * @param reference the published design the task follows, and where it departs from it
 */
public record TaskSpec(String robot, String id, String title, String description, Box observationSpace,
                       Box actionSpace, int frameSkip, int maxEpisodeSteps, List<String> resetOptions,
                       List<String> taskOptions, String reference) {
    public TaskSpec {
        resetOptions = List.copyOf(resetOptions);
        taskOptions = List.copyOf(taskOptions);
    }
}
