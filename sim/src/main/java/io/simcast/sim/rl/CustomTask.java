package io.simcast.sim.rl;

import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_ACTUATOR;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_BODY;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_GEOM;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_JOINT;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_KEY;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_SENSOR;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_SITE;

import io.simcast.sim.mujoco.mjModel;
import io.simcast.sim.core.Model;
import io.simcast.sim.scene.Scene;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

/**
 * The rules of an environment made from a model of one's own ({@link CustomSpec}): actions drive the named actuators
 * ([-1, 1] spans each limited actuator's control range; an unlimited one takes the action as its control), the
 * observation is the named slices of the state, the reward the weighted sum of the terms. Names are resolved once
 * against the model ({@link Layout}), so every refusal names what the model lacks and what it has. Per copy;
 * stepping thread only.
 */
final class CustomTask implements Task {
    /** Names listed in a refusal, at most. */
    private static final int LISTED_NAMES = 30;

    /** Where a point is read: body, site or geom positions, row {@code index}. */
    private record Point(int source, int index) {
        static final int BODY = 0;
        static final int SITE = 1;
        static final int GEOM = 2;
    }

    /** A run of observation values: {@code length} numbers of source {@code source} from {@code from}. */
    private record Slice(int source, int from, int length) {
        static final int QPOS = 0;
        static final int QVEL = 1;
        static final int SENSOR = 2;
        static final int POINT = 3;
    }

    /** A term with its points resolved. */
    private record Resolved(CustomSpec.Term term, Point[] points, int axis) {}

    /** Everything the names resolve to, computed once per environment from the model. Immutable. */
    private record Layout(int[] actuators, double[] low, double[] high, boolean[] limited, List<Slice> observations,
                          List<Point> observedPoints, List<Resolved> reward, List<Resolved> termination, int keyframe,
                          int observationSize) {}

    /**
     * Opens copies of a model of one's own; takes over {@code scene}'s reference.
     *
     * @throws IllegalArgumentException naming what the model lacks
     */
    static VectorEnv open(CustomSpec spec, Scene scene, VectorEnv.Settings settings, RlLimits limits) {
        AtomicBoolean handedOver = new AtomicBoolean();
        try {
            Layout layout = layout(spec, scene.model());
            TaskSpec task = new TaskSpec("custom", scene.id(), spec.title(),
                    "A model of your own: " + layout.actuators().length + " actions, " + layout.observationSize()
                            + " observations, reward from " + spec.reward().size() + " terms.",
                    Box.unbounded(layout.observationSize()), Box.of(layout.actuators().length, -1, 1),
                    spec.frameSkip(), 1000, List.of(), List.of(), "Your own definition (docs/RL.md, Your own model).");
            TaskTemplate template = new TaskTemplate(task, xml -> xml,
                    (physics, options) -> new CustomTask(physics, spec, layout));
            return VectorEnv.open(template, ignored -> {
                handedOver.set(true); // open() releases the reference once the copies hold their own
                return scene;
            }, settings, limits);
        } finally {
            if (!handedOver.get()) {
                scene.release();
            }
        }
    }

    private final PhysicsView physics;
    private final CustomSpec spec;
    private final Layout layout;
    private final double[][] before;
    private final double stepSeconds;

    private CustomTask(PhysicsView physics, CustomSpec spec, Layout layout) {
        this.physics = physics;
        this.spec = spec;
        this.layout = layout;
        this.before = new double[layout.reward().size()][];
        this.stepSeconds = physics.timestep() * spec.frameSkip();
    }

    @Override
    public void reset(RandomGenerator random, ResetOptions options) {
        if (layout.keyframe() >= 0) {
            physics.resetToKeyframe(layout.keyframe());
        } else {
            physics.resetToReference();
        }
        if (spec.resetNoise() > 0) {
            for (int i = 0; i < physics.qpos.capacity(); i++) {
                physics.qpos.put(i, physics.qpos.get(i) + random.nextDouble(-spec.resetNoise(), spec.resetNoise()));
            }
            for (int i = 0; i < physics.qvel.capacity(); i++) {
                physics.qvel.put(i, physics.qvel.get(i) + random.nextDouble(-spec.resetNoise(), spec.resetNoise()));
            }
        }
    }

    @Override
    public void applyAction(double[] action) {
        for (int i = 0; i < action.length; i++) {
            double control = layout.limited()[i]
                    ? layout.low()[i] + (action[i] + 1) / 2 * (layout.high()[i] - layout.low()[i])
                    : action[i];
            physics.ctrl.put(layout.actuators()[i], control);
        }
        for (int t = 0; t < before.length; t++) {
            Resolved term = layout.reward().get(t);
            if (term.term().kind().equals(CustomSpec.Term.VELOCITY)) {
                before[t] = position(term.points()[0]);
            }
        }
    }

    @Override
    public void observe(double[] observation) {
        int at = 0;
        for (Slice slice : layout.observations()) {
            DoubleBuffer source = switch (slice.source()) {
                case Slice.QPOS -> physics.qpos;
                case Slice.QVEL -> physics.qvel;
                case Slice.SENSOR -> physics.sensordata;
                default -> null;
            };
            if (source == null) {
                double[] point = position(layout.observedPoints().get(slice.from()));
                System.arraycopy(point, 0, observation, at, 3);
            } else {
                for (int i = 0; i < slice.length(); i++) {
                    observation[at + i] = source.get(slice.from() + i);
                }
            }
            at += slice.length();
        }
    }

    @Override
    public double reward(double[] action) {
        double reward = 0;
        for (int t = 0; t < layout.reward().size(); t++) {
            Resolved term = layout.reward().get(t);
            reward += term.term().weight() * value(term, action, before[t]);
        }
        return reward;
    }

    @Override
    public boolean terminated() {
        for (Resolved condition : layout.termination()) {
            double value = value(condition, null, null);
            if (condition.term().below().isPresent() && value < condition.term().below().getAsDouble()
                    || condition.term().above().isPresent() && value > condition.term().above().getAsDouble()) {
                return true;
            }
        }
        return false;
    }

    /** A term's value now; velocity needs the point's position before the step (for a condition: no velocity). */
    private double value(Resolved term, double[] action, double[] positionBefore) {
        return switch (term.term().kind()) {
            case CustomSpec.Term.DISTANCE -> Points.distance(axis -> position(term.points()[0])[axis],
                    axis -> position(term.points()[1])[axis]);
            case CustomSpec.Term.HEIGHT -> position(term.points()[0])[2];
            case CustomSpec.Term.VELOCITY -> positionBefore == null ? 0
                    : (position(term.points()[0])[term.axis()] - positionBefore[term.axis()]) / stepSeconds;
            case CustomSpec.Term.CONTROL -> {
                double sum = 0;
                for (double a : action) {
                    sum += a * a;
                }
                yield sum;
            }
            default -> 1; // alive
        };
    }

    private double[] position(Point point) {
        DoubleBuffer rows = switch (point.source()) {
            case Point.BODY -> physics.xpos;
            case Point.SITE -> physics.siteXpos;
            default -> physics.geomXpos;
        };
        return new double[] {rows.get(3 * point.index()), rows.get(3 * point.index() + 1),
                rows.get(3 * point.index() + 2)};
    }

    // ---- resolving names ---------------------------------------------------------------------------------------

    private static Layout layout(CustomSpec spec, Model model) {
        mjModel m = model.pointer();
        int[] actuators;
        if (spec.actions().isEmpty()) {
            actuators = new int[m.nu()];
            for (int i = 0; i < actuators.length; i++) {
                actuators[i] = i;
            }
        } else {
            actuators = new int[spec.actions().size()];
            for (int i = 0; i < actuators.length; i++) {
                actuators[i] = find(model, mjOBJ_ACTUATOR, "actuator", m.nu(), spec.actions().get(i),
                        "custom.actions[" + i + "]");
            }
        }
        if (actuators.length == 0) {
            throw new IllegalArgumentException(RlMessages.customNoActuators());
        }
        double[] low = new double[actuators.length];
        double[] high = new double[actuators.length];
        boolean[] limited = new boolean[actuators.length];
        for (int i = 0; i < actuators.length; i++) {
            limited[i] = m.actuator_ctrllimited().get(actuators[i]) != 0;
            low[i] = m.actuator_ctrlrange().get(2L * actuators[i]);
            high[i] = m.actuator_ctrlrange().get(2L * actuators[i] + 1);
        }
        List<Slice> slices = new ArrayList<>();
        List<Point> observedPoints = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < spec.observations().size(); i++) {
            Slice slice = slice(model, spec.observations().get(i), "custom.observations[" + i + "]", observedPoints);
            slices.add(slice);
            size += slice.length();
        }
        if (size == 0) {
            throw new IllegalArgumentException(RlMessages.customNoObservations());
        }
        int keyframe = spec.keyframe().map(name -> find(model, mjOBJ_KEY, "keyframe", m.nkey(), name,
                "custom.keyframe")).orElse(-1);
        return new Layout(actuators, low, high, limited, List.copyOf(slices), List.copyOf(observedPoints),
                resolve(model, spec.reward(), "custom.reward"), resolve(model, spec.termination(),
                "custom.terminate_when"), keyframe, size);
    }

    private static List<Resolved> resolve(Model model, List<CustomSpec.Term> terms, String where) {
        List<Resolved> resolved = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            CustomSpec.Term term = terms.get(t);
            Point[] points = new Point[term.of().size()];
            for (int p = 0; p < points.length; p++) {
                points[p] = point(model, term.of().get(p), where + "[" + t + "].of[" + p + "]");
            }
            resolved.add(new Resolved(term, points, "xyz".indexOf(term.axis())));
        }
        return List.copyOf(resolved);
    }

    private static Slice slice(Model model, String item, String where, List<Point> points) {
        mjModel m = model.pointer();
        if (item.equals("qpos")) {
            return new Slice(Slice.QPOS, 0, m.nq());
        }
        if (item.equals("qvel")) {
            return new Slice(Slice.QVEL, 0, m.nv());
        }
        int colon = item.indexOf(':');
        String kind = colon < 0 ? item : item.substring(0, colon);
        String name = colon < 0 ? "" : item.substring(colon + 1);
        switch (kind) {
            case "qpos", "qvel" -> {
                int joint = find(model, mjOBJ_JOINT, "joint", m.njnt(), name, where);
                boolean positions = kind.equals("qpos");
                int from = positions ? m.jnt_qposadr().get(joint) : m.jnt_dofadr().get(joint);
                int end = joint + 1 < m.njnt()
                        ? (positions ? m.jnt_qposadr().get(joint + 1) : m.jnt_dofadr().get(joint + 1))
                        : (positions ? m.nq() : m.nv());
                return new Slice(positions ? Slice.QPOS : Slice.QVEL, from, end - from);
            }
            case "sensor" -> {
                int sensor = find(model, mjOBJ_SENSOR, "sensor", m.nsensor(), name, where);
                return new Slice(Slice.SENSOR, m.sensor_adr().get(sensor), m.sensor_dim().get(sensor));
            }
            case "body", "site", "geom" -> {
                points.add(point(model, item, where));
                return new Slice(Slice.POINT, points.size() - 1, 3);
            }
            default -> throw new IllegalArgumentException(RlMessages.customUnknownObservation(where, item));
        }
    }

    private static Point point(Model model, String item, String where) {
        mjModel m = model.pointer();
        int colon = item.indexOf(':');
        String kind = colon < 0 ? "" : item.substring(0, colon);
        String name = item.substring(colon + 1);
        return switch (kind) {
            case "body" -> new Point(Point.BODY, find(model, mjOBJ_BODY, "body", m.nbody(), name, where));
            case "site" -> new Point(Point.SITE, find(model, mjOBJ_SITE, "site", m.nsite(), name, where));
            case "geom" -> new Point(Point.GEOM, find(model, mjOBJ_GEOM, "geom", m.ngeom(), name, where));
            default -> throw new IllegalArgumentException(RlMessages.customUnknownPoint(where, item));
        };
    }

    /** The id of a named element, or a refusal that lists the model's names of that kind. */
    private static int find(Model model, int type, String kind, int count, String name, String where) {
        int id = name.isEmpty() ? -1 : model.id(type, name);
        if (id >= 0) {
            return id;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count && names.size() < LISTED_NAMES; i++) {
            String other = model.name(type, i);
            if (other != null && !other.isEmpty()) {
                names.add(other);
            }
        }
        throw new IllegalArgumentException(RlMessages.customUnknownName(where, kind, name, names));
    }
}
