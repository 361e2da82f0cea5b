package io.simcast.generate;

import static io.simcast.sim.mujoco.global.MuJoCo.mjGEOM_PLANE;
import static io.simcast.sim.mujoco.global.MuJoCo.mjJNT_BALL;
import static io.simcast.sim.mujoco.global.MuJoCo.mjJNT_FREE;
import static io.simcast.sim.mujoco.global.MuJoCo.mjJNT_SLIDE;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_BODY;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_JOINT;

import io.simcast.sim.mujoco.mjModel;
import io.simcast.sim.core.Model;
import io.simcast.sim.scene.Rollout;
import io.simcast.sim.scene.Scene;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a compiled scene is one Simcast can show: it follows the conventions (a floor, a light, named
 * bodies), compiled without warnings, and, run with {@link Rollout} for a few simulated seconds from its initial state,
 * stays sane: no NaN, no MuJoCo warning, no free body below the floor, nothing far away or still moving at explosive
 * speed at the end. Each problem is one sentence, read by the operator and sent back to the model. Runs on the calling
 * thread (the generation thread); the scene is only read.
 */
final class SceneCheck {
    /** A body this far from the origin after a few seconds was thrown, not placed. */
    static final double MAX_DISTANCE = 100;
    /** Faster than this at the end of the run (m/s), something exploded rather than moved. */
    static final double MAX_LINEAR_SPEED = 50;
    /** About 16 turns a second: a wheel may spin, a body settling on the floor does not. */
    static final double MAX_ANGULAR_SPEED = 100;
    /** Caps the run for scenes with a tiny time step. */
    static final long MAX_STEPS = 200_000;
    /** A plane whose normal is this close to +z counts as a floor. */
    private static final double HORIZONTAL = 0.99;

    private final double seconds;

    SceneCheck(double seconds) {
        this.seconds = seconds;
    }

    /** Everything wrong with {@code scene}; empty when it passes. */
    List<String> problems(Scene scene) {
        Model model = scene.model();
        mjModel m = model.pointer();
        List<String> problems = new ArrayList<>();
        Double floor = floorHeight(m);
        if (floor == null) {
            problems.add(LlmMessages.noFloor());
        }
        if (m.nlight() == 0) {
            problems.add(LlmMessages.noLight());
        }
        int unnamed = 0;
        for (int body = 1; body < model.nbody(); body++) {
            unnamed += model.name(mjOBJ_BODY, body).isEmpty() ? 1 : 0;
        }
        if (unnamed > 0) {
            problems.add(LlmMessages.unnamedBodies(unnamed));
        }
        scene.warnings().forEach(warning -> problems.add(LlmMessages.compileWarning(warning)));

        long steps = Math.min(MAX_STEPS, (long) Math.ceil(seconds / model.timestep()));
        Rollout.Result run = Rollout.run(scene, steps);
        if (!run.warnings().isEmpty()) {
            run.warnings().forEach(warning -> problems.add(LlmMessages.runWarning(warning, run.time())));
        } else if (!Double.isFinite(run.maxAbsPosition())) {
            problems.add(LlmMessages.notFinite(run.time()));
        } else {
            checkFinalState(model, run, floor, problems);
        }
        return problems;
    }

    private static void checkFinalState(Model model, Rollout.Result run, Double floor, List<String> problems) {
        mjModel m = model.pointer();
        double[] qpos = run.qpos();
        double[] qvel = run.qvel();
        for (int joint = 0; joint < m.njnt(); joint++) {
            int type = m.jnt_type().get(joint);
            int q = m.jnt_qposadr().get(joint);
            int v = m.jnt_dofadr().get(joint);
            if (type == mjJNT_FREE) {
                int body = m.jnt_bodyid().get(joint);
                String name = bodyName(model, body);
                double z = qpos[q + 2];
                double distance = norm(qpos, q, 3);
                if (floor != null && z + extent(m, body) < floor) {
                    problems.add(LlmMessages.fellThroughFloor(name, run.time(), z, floor));
                } else if (distance > MAX_DISTANCE) {
                    problems.add(LlmMessages.flewAway(name, run.time(), distance));
                }
                tooFast("body '" + name + "'", norm(qvel, v, 3), MAX_LINEAR_SPEED, "m/s", run, problems);
                tooFast("body '" + name + "'", norm(qvel, v + 3, 3), MAX_ANGULAR_SPEED, "rad/s", run, problems);
            } else {
                String name = "joint '" + jointName(model, joint) + "'";
                if (type == mjJNT_SLIDE) {
                    tooFast(name, Math.abs(qvel[v]), MAX_LINEAR_SPEED, "m/s", run, problems);
                } else {
                    double speed = type == mjJNT_BALL ? norm(qvel, v, 3) : Math.abs(qvel[v]);
                    tooFast(name, speed, MAX_ANGULAR_SPEED, "rad/s", run, problems);
                }
            }
        }
    }

    private static void tooFast(String what, double speed, double limit, String unit, Rollout.Result run,
                                List<String> problems) {
        if (speed > limit) {
            problems.add(LlmMessages.tooFast(what, run.time(), speed, unit));
        }
    }

    /** The height of the lowest horizontal plane in the world body, or null when there is none. */
    private static Double floorHeight(mjModel m) {
        Double floor = null;
        for (int geom = 0; geom < m.ngeom(); geom++) {
            if (m.geom_type().get(geom) != mjGEOM_PLANE || m.geom_bodyid().get(geom) != 0) {
                continue;
            }
            double x = m.geom_quat().get(4L * geom + 1);
            double y = m.geom_quat().get(4L * geom + 2);
            double normalZ = 1 - 2 * (x * x + y * y); // z of the plane's normal, rotated by its unit quaternion
            double height = m.geom_pos().get(3L * geom + 2);
            if (normalZ > HORIZONTAL && (floor == null || height < floor)) {
                floor = height;
            }
        }
        return floor;
    }

    /** How far the body's geoms reach from its origin: a body is under the floor only when all of it is. */
    private static double extent(mjModel m, int body) {
        double extent = 0;
        int first = m.body_geomadr().get(body);
        for (int geom = first; first >= 0 && geom < first + m.body_geomnum().get(body); geom++) {
            double offset = Math.sqrt(square(m.geom_pos().get(3L * geom)) + square(m.geom_pos().get(3L * geom + 1))
                    + square(m.geom_pos().get(3L * geom + 2)));
            extent = Math.max(extent, offset + m.geom_rbound().get(geom));
        }
        return extent;
    }

    private static String bodyName(Model model, int body) {
        return model.label(mjOBJ_BODY, body);
    }

    private static String jointName(Model model, int joint) {
        return model.label(mjOBJ_JOINT, joint);
    }

    private static double norm(double[] values, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += values[i] * values[i];
        }
        return Math.sqrt(sum);
    }

    private static double square(double value) {
        return value * value;
    }
}
