package io.simcast.sim.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simcast.sim.scene.TestScenes;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A model of one's own as an environment: actions, observations, reward terms, terminations, options. */
class CustomTaskTest {
    /** A planar two-link arm reaching a mocap goal, with a motor per joint and one sensor. */
    static final String REACHER = """
            <mujoco model="reacher">
              <option timestep="0.01"/>
              <worldbody>
                <geom type="plane" size="1 1 0.1"/>
                <body name="arm" pos="0 0 0.1">
                  <joint name="shoulder" type="hinge" axis="0 0 1" damping="0.01"/>
                  <geom type="capsule" fromto="0 0 0 0.2 0 0" size="0.02" contype="0" conaffinity="0"/>
                  <body name="forearm" pos="0.2 0 0">
                    <joint name="elbow" type="hinge" axis="0 0 1" damping="0.01"/>
                    <geom type="capsule" fromto="0 0 0 0.2 0 0" size="0.02" contype="0" conaffinity="0"/>
                    <site name="tip" pos="0.2 0 0"/>
                  </body>
                </body>
                <body name="goal" pos="0.1 0.3 0.1" mocap="true">
                  <geom type="sphere" size="0.02" contype="0" conaffinity="0"/>
                </body>
              </worldbody>
              <actuator>
                <motor name="shoulder_motor" joint="shoulder" ctrllimited="true" ctrlrange="-0.5 1.5"/>
                <motor name="elbow_motor" joint="elbow" ctrllimited="true" ctrlrange="-1 1"/>
              </actuator>
              <sensor><jointpos name="elbow_angle" joint="elbow"/></sensor>
            </mujoco>
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RlEnvironments environments = new RlEnvironments();

    @AfterEach
    void closeAll() {
        environments.close();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private VectorEnv reacher(String definition, int copies) {
        return environments.createCustom(CustomSpec.parse(json(definition)), () -> TestScenes.compile(REACHER),
                VectorEnv.Settings.of(copies, 3L, 50));
    }

    private static final String DEFINITION = """
            {"actions": ["elbow_motor", "shoulder_motor"],
             "observations": ["qpos", "qvel:elbow", "site:tip", "sensor:elbow_angle"],
             "reward": [{"term": "distance", "of": ["site:tip", "body:goal"], "weight": -1},
                        {"term": "control", "weight": -0.01},
                        {"term": "velocity", "of": "site:tip", "axis": "y", "weight": 0.5},
                        {"term": "alive", "weight": 0.1}],
             "terminate_when": [{"term": "distance", "of": ["site:tip", "body:goal"], "below": 0.05}],
             "frame_skip": 2, "reset_noise": 0.01}
            """;

    @Test
    void theNamedActuatorsActTheNamedValuesAreObservedAndTheRewardIsTheWeightedSumOfTheTerms() {
        VectorEnv env = reacher(DEFINITION, 2);
        assertThat(env.singleActionSpace().size()).isEqualTo(2);
        assertThat(env.singleObservationSpace().size()).as("qpos 2, qvel:elbow 1, site 3, sensor 1").isEqualTo(7);
        assertThat(env.controlTimestep()).isEqualTo(0.02);
        assertThat(env.maxEpisodeSteps()).isEqualTo(50);

        double[] start = env.reset(1L, ResetOptions.NONE).observations()[0];
        assertThat(Math.abs(start[0])).as("reset noise").isBetween(1e-9, 0.01);
        assertThat(start[6]).as("the sensor reads the elbow angle").isEqualTo(start[1]);
        double[] tipBefore = Arrays.copyOfRange(start, 3, 6);

        double[] action = {1, -1}; // elbow +1 (ctrl 1), shoulder -1 (ctrl -0.5, the bottom of its range)
        VectorEnv.Step step = env.step(new double[][] {action, {0, 0}});
        double[] o = step.observations()[0];
        assertThat(o[2]).as("the elbow turned positive").isGreaterThan(0);
        double distance = Math.sqrt(Math.pow(o[3] - 0.1, 2) + Math.pow(o[4] - 0.3, 2) + Math.pow(o[5] - 0.1, 2));
        double velocityY = (o[4] - tipBefore[1]) / 0.02;
        assertThat(step.rewards()[0]).isCloseTo(-distance - 0.01 * 2 + 0.5 * velocityY + 0.1, within(1e-12));
        assertThat(step.terminated()[0]).isFalse();
    }

    @Test
    void anEpisodeTerminatesWhenAConditionHoldsAndTruncatesAtItsLength() {
        VectorEnv far = reacher("""
                {"reward": [{"term": "alive", "weight": 1}],
                 "terminate_when": [{"term": "height", "of": "site:tip", "above": 0.05}]}""", 1);
        far.reset(1L, ResetOptions.NONE);
        assertThat(far.step(new double[] {0, 0}).terminated()).as("the tip is 0.1 m up").containsExactly(true);

        VectorEnv never = reacher("{\"reward\": [{\"term\": \"alive\", \"weight\": 1}]}", 1);
        never.reset(1L, ResetOptions.NONE);
        VectorEnv.Step step = null;
        for (int t = 0; t < 50; t++) {
            step = never.step(new double[] {0, 0});
        }
        assertThat(step.truncated()).containsExactly(true);
        assertThat(step.rewards()).containsExactly(1.0);
    }

    @Test
    void theSameSeedGivesTheSameEpisodeAndDefaultsObserveQposAndQvelOfEveryActuator() {
        VectorEnv a = reacher("{}", 1);
        VectorEnv b = reacher("{}", 1);
        assertThat(a.singleActionSpace().size()).isEqualTo(2);
        assertThat(a.singleObservationSpace().size()).isEqualTo(4);
        assertThat(a.reset(5L, ResetOptions.NONE).observations()).isDeepEqualTo(b.reset(5L, ResetOptions.NONE)
                .observations());
        for (int t = 0; t < 10; t++) {
            assertThat(a.step(new double[] {0.3, -0.7}).observations())
                    .isDeepEqualTo(b.step(new double[] {0.3, -0.7}).observations());
        }
    }

    @Test
    void namesTheModelLacksAreRefusedNamingWhatItHas() {
        assertThatThrownBy(() -> reacher("{\"actions\": [\"wrist_motor\"]}", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("custom.actions[0]: the model has no actuator named 'wrist_motor'; its actuator names:"
                        + " shoulder_motor, elbow_motor");
        assertThatThrownBy(() -> reacher("{\"observations\": [\"site:toe\"]}", 1))
                .hasMessage("custom.observations[0]: the model has no site named 'toe'; its site names: tip");
        assertThatThrownBy(() -> reacher("{\"observations\": [\"angle:elbow\"]}", 1))
                .hasMessage("custom.observations[0] = 'angle:elbow' is not an observation; use qpos, qvel,"
                        + " qpos:JOINT, qvel:JOINT, sensor:NAME, body:NAME, site:NAME or geom:NAME");
        assertThatThrownBy(() -> reacher("{\"reward\": [{\"term\": \"distance\", \"of\": [\"site:tip\"],"
                + " \"weight\": 1}]}", 1))
                .hasMessage("custom.reward[0].of: a distance term measures 2 points (body:NAME, site:NAME or"
                        + " geom:NAME), got 1");
        assertThatThrownBy(() -> reacher("{\"reward\": [{\"term\": \"fun\", \"weight\": 1}]}", 1))
                .hasMessage("custom.reward[0].term must be one of distance, height, velocity, control, alive,"
                        + " got 'fun'");
        assertThatThrownBy(() -> reacher("{\"reward\": [{\"term\": \"alive\"}]}", 1))
                .hasMessage("custom.reward[0].weight must be a number");
        assertThatThrownBy(() -> reacher("{\"frame_skip\": 0}", 1))
                .hasMessage("custom.frame_skip must be a whole number from 1 to 1000");
        assertThatThrownBy(() -> reacher("{\"keyframe\": \"home\"}", 1))
                .hasMessage("custom.keyframe: the model has no keyframe named 'home'; its keyframe names: none");
        assertThatThrownBy(() -> reacher("{\"gravity\": 1}", 1))
                .hasMessageStartingWith("custom.gravity is not a field of a custom environment");
        assertThat(environments.list()).isEmpty();
    }

    @Test
    void aCustomCopyCanBeWatchedLikeAnyOther() {
        VectorEnv env = reacher(DEFINITION, 1);
        env.reset(2L, ResetOptions.NONE);
        try (CopyWatch watch = env.watch(0)) {
            env.step(new double[] {1, 1});
            assertThat(watch.get().scene().id()).isEqualTo(env.spec().id());
            assertThat(watch.get().steps()).isEqualTo(2);
        }
    }
}
