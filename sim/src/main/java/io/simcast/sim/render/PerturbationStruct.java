package io.simcast.sim.render;

import static io.simcast.sim.mujoco.global.MuJoCo.mjPERT_ROTATE;
import static io.simcast.sim.mujoco.global.MuJoCo.mjPERT_TRANSLATE;

import io.simcast.sim.mujoco.mjvPerturb;
import io.simcast.sim.physics.Perturbation;

/** Copies between the simulation's {@link Perturbation} record and MuJoCo's {@code mjvPerturb}. Any thread. */
final class PerturbationStruct {
    private PerturbationStruct() {}

    static void write(Perturbation perturbation, mjvPerturb target) {
        target.select(perturbation.body());
        target.skinselect(-1);
        target.active((perturbation.translate() ? mjPERT_TRANSLATE : 0) | (perturbation.rotate() ? mjPERT_ROTATE : 0));
        target.active2(0);
        double[] refpos = perturbation.referencePosition();
        double[] refquat = perturbation.referenceQuaternion();
        double[] localpos = perturbation.localPosition();
        for (int i = 0; i < 3; i++) {
            target.refpos(i, refpos[i]);
            target.localpos(i, localpos[i]);
        }
        for (int i = 0; i < 4; i++) {
            target.refquat(i, refquat[i]);
        }
        target.scale(perturbation.scale());
    }

    static Perturbation read(mjvPerturb source) {
        double[] refpos = new double[3];
        double[] refquat = new double[4];
        double[] localpos = new double[3];
        for (int i = 0; i < 3; i++) {
            refpos[i] = source.refpos(i);
            localpos[i] = source.localpos(i);
        }
        for (int i = 0; i < 4; i++) {
            refquat[i] = source.refquat(i);
        }
        return new Perturbation(source.select(), (source.active() & mjPERT_TRANSLATE) != 0,
                (source.active() & mjPERT_ROTATE) != 0, refpos, refquat, localpos, source.scale());
    }
}
