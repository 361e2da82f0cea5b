package io.simcast.sim.physics;

import static io.simcast.sim.mujoco.global.MuJoCo.mj_forward;

import io.simcast.sim.core.Model;
import io.simcast.sim.core.SimData;
import io.simcast.sim.mujoco.mjContact;
import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjModel;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;

/**
 * What MuJoCo derives from a {@link SimulationSnapshot}: body poses, sensor readings and contacts. The snapshot holds
 * only the state (qpos, qvel, act, ctrl, mocap poses, time); the probe copies it into an {@code mjData} of its own
 * and runs {@code mj_forward}, as the renderer does, so readers never touch the physics thread's data. Forces a user
 * applied are not in the snapshot, so acceleration-stage sensors (accelerometer, force, torque) read as if none were.
 *
 * <p>Reading the snapshot it read last (a paused simulation, or readers faster than the physics publishes) answers
 * the same {@link Derived} again without another forward pass.
 *
 * <p>Any thread; calls are serialised. The probe's data follows the snapshot's model and is freed by {@link #close}.
 */
public final class StateProbe implements AutoCloseable {
    /** The derived state of one snapshot. Arrays are the probe's copies, immutable by contract. */
    public record Derived(SimulationSnapshot snapshot, double[] bodyPositions, double[] bodyQuaternions,
                          double[] sensorData, List<Contact> contacts) {
        public Derived {
            contacts = List.copyOf(contacts);
        }
    }

    /**
     * One contact between two geoms.
     *
     * @param distance distance between the nearest points (negative: penetration), metres
     * @param position the contact point (midway between the geoms), world frame
     * @param normal the contact normal, from geom1 towards geom2
     */
    public record Contact(int geom1, int geom2, int body1, int body2, double distance, double[] position,
                          double[] normal) {}

    private SimData data;
    private Derived last;

    /**
     * @throws IllegalStateException when the snapshot's scene was replaced and freed meanwhile (read the newest
     *     snapshot again)
     */
    public synchronized Derived read(SimulationSnapshot snapshot) {
        if (last != null && last.snapshot() == snapshot) {
            return last;
        }
        Model model = snapshot.scene().model();
        if (data == null || data.model() != model) {
            if (!model.tryRetain()) {
                throw new IllegalStateException("the scene was replaced while it was being read");
            }
            try {
                close();
                data = new SimData(model);
            } finally {
                model.release();
            }
        }
        mjModel m = model.pointer();
        mjData d = data.pointer();
        snapshot.writeTo(data);
        mj_forward(m, d);
        List<Contact> contacts = new ArrayList<>(d.ncon());
        for (int i = 0; i < d.ncon(); i++) {
            mjContact c = d.contact().getPointer(i);
            contacts.add(new Contact(c.geom1(), c.geom2(), m.geom_bodyid().get(c.geom1()),
                    m.geom_bodyid().get(c.geom2()), c.dist(), new double[] {c.pos(0), c.pos(1), c.pos(2)},
                    new double[] {c.frame(0), c.frame(1), c.frame(2)}));
        }
        last = new Derived(snapshot, copy(d.xpos(), 3L * m.nbody()), copy(d.xquat(), 4L * m.nbody()),
                copy(d.sensordata(), m.nsensordata()), contacts);
        return last;
    }

    private static double[] copy(DoublePointer pointer, long count) {
        double[] values = new double[(int) count];
        if (count > 0) {
            pointer.capacity(count).get(values);
        }
        return values;
    }

    /** Frees the probe's data; the next read makes it again. */
    @Override
    public synchronized void close() {
        last = null;
        if (data != null) {
            data.close();
            data = null;
        }
    }
}
