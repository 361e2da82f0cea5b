package io.simcast.sim.rl;

import static io.simcast.sim.mujoco.global.MuJoCo.mj_forward;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_resetDataKeyframe;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_step;
import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.mujoco.mjModel;
import io.simcast.sim.core.SimData;
import io.simcast.sim.scene.Scene;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyframeResetTest {

    @Test
    void afterAWildEpisodeItLeavesTheStateMujocosOwnKeyframeResetLeavesStepForStep() {
        Scene scene = RlCatalog.builtIn().compileScene("panda", "pick-cube");
        try (SimData used = new SimData(scene.model()); SimData fresh = new SimData(scene.model())) {
            mjModel m = scene.model().pointer();
            SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < 500; i++) { // the arm flails, hits the table and the cube: warm start, contacts
                for (int u = 0; u < m.nu(); u++) {
                    used.ctrl().put(u, random.nextDouble(-3, 3));
                }
                mj_step(m, used.pointer());
            }
            used.xfrcApplied().put(6 * 3 + 2, 50.0);

            new KeyframeReset(m, new StateArrays(used)).apply(0);
            mj_forward(m, used.pointer());
            mj_resetDataKeyframe(m, fresh.pointer(), 0);
            mj_forward(m, fresh.pointer());

            for (int step = 0; step < 300; step++) {
                assertThat(used.time()).isEqualTo(fresh.time());
                assertThat(used.qpos().copy()).as("qpos at step %d", step).containsExactly(fresh.qpos().copy());
                assertThat(used.qvel().copy()).as("qvel at step %d", step).containsExactly(fresh.qvel().copy());
                assertThat(used.mocapPos().copy()).containsExactly(fresh.mocapPos().copy());
                mj_step(m, used.pointer());
                mj_step(m, fresh.pointer());
            }
        } finally {
            scene.release();
        }
    }
}
