package io.simcast.sim.rl;

import io.simcast.sim.scene.Scene;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The RL environments open in this process, by id: what the REST layer wraps ({@code GET /api/rl/robots} is
 * {@link RlCatalog#robots()}; {@code POST /api/rl/create} is {@link #create} or {@link #createCustom};
 * {@code POST /api/rl/{id}/reset} and {@code /step} go to {@link #get}'s environment; {@code DELETE /api/rl/{id}}
 * is {@link #close(String)}), within the host's {@link RlLimits}.
 *
 * <p>Errors carry user-facing words ({@link RlMessages}): {@link IllegalArgumentException} for a bad request or a
 * limit reached, {@link NoSuchElementException} for an unknown robot, task or id, {@link IllegalStateException} for
 * a call out of order. Thread-safe: any thread; each environment serialises its own calls. Creating one (compiling
 * its scene, a second or so for a model from outside) runs outside the registry's lock.
 */
public final class RlEnvironments implements AutoCloseable {
    private final ConcurrentMap<String, VectorEnv> open = new ConcurrentHashMap<>();
    private final RlLimits limits;

    /** With the {@linkplain RlLimits#DEFAULT default limits}. */
    public RlEnvironments() {
        this(RlLimits.DEFAULT);
    }

    public RlEnvironments(RlLimits limits) {
        this.limits = limits;
    }

    public RlLimits limits() {
        return limits;
    }

    /**
     * Opens copies of a catalogue task; see {@link VectorEnv#create(String, String, VectorEnv.Settings)}.
     *
     * @throws IllegalArgumentException when more environments or copies than the limits allow would be open
     */
    public VectorEnv create(String robot, String task, VectorEnv.Settings settings) {
        TaskTemplate template = RlCatalog.builtIn().template(robot, task);
        return register(settings.numEnvs(), () -> VectorEnv.open(template, RlCatalog::compile, settings, limits));
    }

    /**
     * Opens copies of a model of one's own; see {@link CustomTask}. {@code scene} compiles the model (an outside one
     * through the sandbox and the isolated check) and is called only when the limits leave room; the environment
     * takes over the reference it returns.
     *
     * @throws IllegalArgumentException for a limit reached or a definition that does not fit the model
     */
    public VectorEnv createCustom(CustomSpec spec, Supplier<Scene> scene, VectorEnv.Settings settings) {
        return register(settings.numEnvs(), () -> CustomTask.open(spec, scene.get(), settings, limits));
    }

    /** Checks the limits, makes the environment outside the lock, then checks again as it joins the open ones. */
    private VectorEnv register(int numEnvs, Supplier<VectorEnv> make) {
        limits.checkNumEnvs(numEnvs);
        synchronized (this) {
            checkRoom(numEnvs);
        }
        VectorEnv env = make.get();
        synchronized (this) {
            try {
                checkRoom(numEnvs);
            } catch (RuntimeException e) {
                env.close();
                throw e;
            }
            open.put(env.id(), env);
        }
        return env;
    }

    private void checkRoom(int numEnvs) {
        if (open.size() >= limits.maxEnvironments()) {
            throw new IllegalArgumentException(RlMessages.tooManyEnvironments(limits.maxEnvironments()));
        }
        int copies = open.values().stream().mapToInt(VectorEnv::numEnvs).sum();
        if (copies + numEnvs > limits.maxCopies()) {
            throw new IllegalArgumentException(RlMessages.tooManyCopies(numEnvs, copies, limits.maxCopies()));
        }
    }

    /** The open environment {@code id}. */
    public VectorEnv get(String id) {
        VectorEnv env = open.get(id);
        if (env == null) {
            throw new NoSuchElementException(RlMessages.unknownEnvironment(id));
        }
        return env;
    }

    /** Every open environment. */
    public List<VectorEnv> list() {
        return List.copyOf(open.values());
    }

    /** Closes environment {@code id} and forgets it. */
    public void close(String id) {
        VectorEnv env = open.remove(id);
        if (env == null) {
            throw new NoSuchElementException(RlMessages.unknownEnvironment(id));
        }
        env.close();
    }

    /** Closes every environment (at shutdown). */
    @Override
    public synchronized void close() {
        open.keySet().forEach(id -> {
            VectorEnv env = open.remove(id);
            if (env != null) {
                env.close();
            }
        });
    }
}
