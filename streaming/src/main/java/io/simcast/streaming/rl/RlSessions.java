package io.simcast.streaming.rl;

import io.simcast.sim.rl.CustomSpec;
import io.simcast.sim.rl.RlEnvironments;
import io.simcast.sim.rl.VectorEnv;
import io.simcast.sim.scene.Scene;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.Role;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's RL environments: {@link RlEnvironments} plus who created each and when it was last used. An environment
 * belongs to the share link (or the operator) that created it: only that link or the operator may step, reset,
 * change or close it ({@link #use}, {@link #close(String, Grant)}); anyone may watch it ({@link #find}). Environments
 * nobody called for longer than the idle timeout (a training script that crashed or was stopped without closing
 * them) are closed on {@code simcast-rl-idle}; a later call for one is answered with why it went. Listeners hear when
 * the list changes and when an environment closes (the signalling hub, the viewers watching a copy of it).
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
     * @param owner who created it and may drive it, in words ({@code controller link 3f2a}, {@code the operator})
     * @param ownerLink the creating share link's id, or null for the operator
     */
    public record Summary(String id, String robot, String task, int numEnvs, int maxEpisodeSteps,
                          double idleSeconds, String owner, String ownerLink) {
        /** Whether {@code caller} may step, reset, change and close it: its owner's link, or the operator. */
        public boolean drivableBy(Grant caller) {
            return RlSessions.drivable(ownerLink, caller);
        }
    }

    /** An open environment, its owner and when it was last used (written by callers, read by the idle check). */
    private static final class Session {
        private final VectorEnv env;
        private final String ownerLink;
        private final String owner;
        private final long createdNanos = System.nanoTime();
        private volatile long lastUsedNanos = createdNanos;

        Session(VectorEnv env, Grant creator) {
            this.env = env;
            this.ownerLink = creator == null ? null : creator.linkId();
            this.owner = ownerLink == null ? "the operator" : creator.describe();
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

    /** Opens an environment of a catalogue task for {@code creator}; {@link RlEnvironments}'s exceptions pass through. */
    public VectorEnv create(String robot, String task, VectorEnv.Settings settings, Grant creator) {
        return opened(environments.create(robot, task, settings), creator);
    }

    /** Opens an environment of a model of one's own for {@code creator}; see {@link RlEnvironments#createCustom}. */
    public VectorEnv createCustom(CustomSpec spec, Supplier<Scene> scene, VectorEnv.Settings settings,
                                  Grant creator) {
        return opened(environments.createCustom(spec, scene, settings), creator);
    }

    private VectorEnv opened(VectorEnv env, Grant creator) {
        Session session = new Session(env, creator);
        sessions.put(env.id(), session);
        log.info("RL environment {} opened for {}: {}/{}, {} copies", env.id(), session.owner, env.spec().robot(),
                env.spec().id(), env.numEnvs());
        changed();
        return env;
    }

    /**
     * Environment {@code id} for a call that drives it (step, reset, set a state), which counts as use.
     *
     * @throws NoSuchElementException naming the id, and why it closed when it was closed lately
     * @throws SecurityException when {@code caller} is neither its owner's link nor the operator
     */
    public VectorEnv use(String id, Grant caller) {
        Session session = owned(id, caller);
        session.touch();
        return session.env();
    }

    private Session owned(String id, Grant caller) {
        Session session = session(id);
        if (!drivable(session.ownerLink, caller)) {
            throw new SecurityException(StreamingMessages.rlNotYours(id, session.owner));
        }
        return session;
    }

    static boolean drivable(String ownerLink, Grant caller) {
        return caller != null && (caller.role() == Role.OPERATOR
                || caller.linkId() != null && Objects.equals(caller.linkId(), ownerLink));
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
                        s.env().maxEpisodeSteps(), Math.round(s.idleNanos(now) / 1e8) / 10.0, s.owner, s.ownerLink))
                .toList();
    }

    /**
     * Closes environment {@code id} on request ({@code DELETE /api/rl/{id}}).
     *
     * @throws SecurityException when {@code caller} is neither its owner's link nor the operator
     */
    public void close(String id, Grant caller) {
        owned(id, caller);
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
        environments.get(id); // throws in the RL layer's words for an id never opened
        throw new NoSuchElementException(StreamingMessages.rlStillOpening(id)); // its creator has not had it yet
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
