package io.simcast.sim.rl;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The RL environments open in this process, by id: what the REST layer wraps ({@code GET /api/rl/robots} is
 * {@link RlCatalog#robots()}; {@code POST /api/rl/create} is {@link #create}; {@code POST /api/rl/{id}/reset} and
 * {@code /step} go to {@link #get}'s environment; {@code DELETE /api/rl/{id}} is {@link #close(String)}).
 *
 * <p>Errors carry user-facing words ({@link RlMessages}): {@link IllegalArgumentException} for a bad request,
 * {@link NoSuchElementException} for an unknown robot, task or id, {@link IllegalStateException} for a call out of
 * order. Thread-safe: any thread; each environment serialises its own calls.
 */
public final class RlEnvironments implements AutoCloseable {
    private final ConcurrentMap<String, VectorEnv> open = new ConcurrentHashMap<>();
    private final int maxEnvironments;
    private final int maxCopies;

    /** At most {@value RlLimits#MAX_OPEN_ENVIRONMENTS} environments, {@value RlLimits#MAX_OPEN_COPIES} copies. */
    public RlEnvironments() {
        this(RlLimits.MAX_OPEN_ENVIRONMENTS, RlLimits.MAX_OPEN_COPIES);
    }

    /** At most {@code maxEnvironments} environments with {@code maxCopies} copies in all open at once. */
    public RlEnvironments(int maxEnvironments, int maxCopies) {
        this.maxEnvironments = maxEnvironments;
        this.maxCopies = maxCopies;
    }

    /**
     * Opens {@code numEnvs} copies of a task; see {@link VectorEnv#create(String, String, Long, int, Integer)}.
     *
     * @throws IllegalArgumentException when more environments or copies than allowed would be open
     */
    public synchronized VectorEnv create(String robot, String task, Long seed, int numEnvs, Integer maxEpisodeSteps) {
        if (open.size() >= maxEnvironments) {
            throw new IllegalArgumentException(RlMessages.tooManyEnvironments(maxEnvironments));
        }
        int copies = open.values().stream().mapToInt(VectorEnv::numEnvs).sum();
        if (copies + numEnvs > maxCopies) {
            throw new IllegalArgumentException(RlMessages.tooManyCopies(numEnvs, copies, maxCopies));
        }
        VectorEnv env = VectorEnv.create(robot, task, seed, numEnvs, maxEpisodeSteps);
        open.put(env.id(), env);
        return env;
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
