package io.simcast.streaming.rl;

import io.simcast.sim.rl.RlEnvironments;
import io.simcast.sim.rl.VectorEnv;
import io.simcast.streaming.StreamingMessages;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's RL environments: {@link RlEnvironments} plus when each was last used. Environments nobody called for
 * longer than the idle timeout (a training script that crashed or was stopped without closing them) are closed on
 * {@code simcast-rl-idle}; a later call for one is answered with why it went. Listeners hear when the list changes
 * and when an environment closes (the signalling hub, the viewers watching a copy of it).
 *
 * <p>Thread-safe: REST workers call in; the idle check runs on its own thread; listeners are called on the thread
 * that opened or closed the environment and must not block.
 */
public final class RlSessions implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RlSessions.class);
    /** Closed environments whose reason is kept for later callers. */
    private static final int REMEMBERED_CLOSURES = 64;

    /** Hears about environments; called on the thread that opened or closed one, must not block. */
    public interface Listener {
        /** An environment opened or closed. */
        default void changed(List<Summary> open) {}

        /** Environment {@code id} closed; {@code reason} says why, in words for the people watching it. */
        default void closed(String id, String reason) {}
    }

    /**
     * One open environment as {@code GET /api/rl} lists it.
     *
     * @param id its id
     * @param robot the robot
     * @param task the task
     * @param numEnvs its copies
     * @param maxEpisodeSteps its episode limit
     * @param idleSeconds seconds since its last call
     */
    public record Summary(String id, String robot, String task, int numEnvs, int maxEpisodeSteps,
                          double idleSeconds) {}

    /** An open environment and when it was last used (written by callers, read by the idle check). */
    private static final class Session {
        private final VectorEnv env;
        private final long createdNanos = System.nanoTime();
        private volatile long lastUsedNanos = createdNanos;

        Session(VectorEnv env) {
            this.env = env;
        }

        VectorEnv env() {
            return env;
        }

        long createdNanos() {
            return createdNanos;
        }

        void touch() {
            lastUsedNanos = System.nanoTime();
        }

        long idleNanos(long now) {
            return now - lastUsedNanos;
        }
    }

    private final RlEnvironments environments;
    private final Duration idleTimeout;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> closedReasons = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > REMEMBERED_CLOSURES;
                }
            });
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService idleCheck;

    /** Closes environments idle for longer than {@code idleTimeout}, checking a few times per timeout. */
    public RlSessions(RlEnvironments environments, Duration idleTimeout) {
        this.environments = environments;
        this.idleTimeout = idleTimeout;
        this.idleCheck = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simcast-rl-idle");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.clamp(idleTimeout.toMillis() / 4, 50, 10_000);
        idleCheck.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Opens an environment; see {@link RlEnvironments#create}, whose exceptions pass through. */
    public VectorEnv create(String robot, String task, Long seed, int numEnvs, Integer maxEpisodeSteps) {
        VectorEnv env = environments.create(robot, task, seed, numEnvs, maxEpisodeSteps);
        sessions.put(env.id(), new Session(env));
        log.info("RL environment {} opened: {}/{}, {} copies", env.id(), robot, task, env.numEnvs());
        changed();
        return env;
    }

    /**
     * Environment {@code id} for a call, which counts as use.
     *
     * @throws NoSuchElementException naming the id, and why it closed when it was closed lately
     */
    public VectorEnv use(String id) {
        Session session = session(id);
        session.touch();
        return session.env();
    }

    /** Environment {@code id} without counting as use (watching is not training). */
    public VectorEnv find(String id) {
        return session(id).env();
    }

    /** Whether {@code id} is open now. */
    public boolean isOpen(String id) {
        return sessions.containsKey(id);
    }

    /** Every open environment, oldest first. */
    public List<Summary> list() {
        long now = System.nanoTime();
        return sessions.values().stream().sorted(Comparator.comparingLong(Session::createdNanos))
                .map(s -> new Summary(s.env().id(), s.env().spec().robot(), s.env().spec().id(), s.env().numEnvs(),
                        s.env().maxEpisodeSteps(), Math.round(s.idleNanos(now) / 1e8) / 10.0))
                .toList();
    }

    /** Closes environment {@code id} on request ({@code DELETE /api/rl/{id}}). */
    public void close(String id) {
        close(id, StreamingMessages.rlClosedOnRequest(id));
    }

    private void close(String id, String reason) {
        if (sessions.remove(id) == null) {
            session(id); // throws why it is not open
        }
        closedReasons.put(id, reason);
        try {
            environments.close(id); // waits for a step in progress, then frees the copies
        } catch (NoSuchElementException e) {
            // closed at the same moment by another caller
        }
        log.info("{}", reason);
        for (Listener listener : listeners) {
            listener.closed(id, reason);
        }
        changed();
    }

    /**
     * The session of {@code id}.
     *
     * @throws NoSuchElementException saying how it closed when that was lately, else in the RL layer's words
     */
    private Session session(String id) {
        Session session = sessions.get(id);
        if (session != null) {
            return session;
        }
        String reason = closedReasons.get(id);
        if (reason != null) {
            throw new NoSuchElementException(StreamingMessages.rlEnvironmentGone(reason));
        }
        return new Session(environments.get(id)); // throws for an id never opened (or one being opened right now)
    }

    private void changed() {
        List<Summary> open = list();
        for (Listener listener : listeners) {
            listener.changed(open);
        }
    }

    /** Idle-check thread. */
    private void closeIdle() {
        try {
            long now = System.nanoTime();
            for (Session session : List.copyOf(sessions.values())) {
                if (session.idleNanos(now) > idleTimeout.toNanos()) {
                    try {
                        close(session.env().id(), StreamingMessages.rlClosedIdle(session.env().id(),
                                idleTimeout.toSeconds()));
                    } catch (NoSuchElementException e) {
                        // deleted meanwhile
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Closing idle RL environments failed", e);
        }
    }

    /** Stops the idle check and closes every environment (host shutdown; nobody is told). */
    @Override
    public void close() {
        idleCheck.shutdownNow();
        sessions.clear();
        environments.close();
    }
}
