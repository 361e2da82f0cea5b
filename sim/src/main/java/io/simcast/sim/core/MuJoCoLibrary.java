package io.simcast.sim.core;

import static io.simcast.sim.mujoco.global.MuJoCo.mj_versionString;
import static io.simcast.sim.mujoco.global.MuJoCo.mju_user_warning;
import static io.simcast.sim.mujoco.global.MuJoCo.simcast_install_error_handler;

import io.simcast.sim.mujoco.Mju_user_warning_BytePointer;
import io.simcast.sim.mujoco.global.MuJoCo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the native MuJoCo library once and replaces its process-wide handlers.
 *
 * <p>MuJoCo's own error handler calls {@code exit()}; ours (native, see {@code simcast_mujoco.h}) throws, so every
 * MuJoCo error reaches Java as a {@link RuntimeException} whose message starts with {@code "MuJoCo error: "}.
 * Warnings are logged, counted, and kept per calling thread so the physics thread can see what its own step
 * reported (MuJoCo's instability warning resets the data without telling the caller).
 *
 * <p>Thread-safe. Call {@link #load()} before touching any MuJoCo function; every wrapper in this package does.
 */
public final class MuJoCoLibrary {
    private static final Logger log = LoggerFactory.getLogger(MuJoCoLibrary.class);
    private static final AtomicLong warningCount = new AtomicLong();
    private static final ThreadLocal<List<String>> threadWarnings = ThreadLocal.withInitial(ArrayList::new);
    /** Strong reference: the native side keeps only a raw pointer to this callback. */
    private static WarningHandler warningHandler;

    private MuJoCoLibrary() {}

    /** Loads the JNI glue and libmujoco, and installs Simcast's error and warning handlers (idempotent). */
    public static synchronized void load() {
        if (warningHandler != null) {
            return;
        }
        NativeHeap.fixMmapThreshold(); // before MuJoCo allocates its first scene's data
        Loader.load(MuJoCo.class);
        simcast_install_error_handler();
        warningHandler = new WarningHandler();
        mju_user_warning(warningHandler);
        log.debug("MuJoCo {} loaded", version());
    }

    /** MuJoCo's version string, e.g. {@code "2.2.2"}. */
    public static String version() {
        load();
        return mj_versionString().getString();
    }

    /** Warnings MuJoCo reported in this process so far, on any thread. */
    public static long warningCount() {
        return warningCount.get();
    }

    /** Returns and forgets the warnings MuJoCo reported on the calling thread since the last call. */
    public static List<String> drainWarnings() {
        List<String> warnings = threadWarnings.get();
        if (warnings.isEmpty()) {
            return List.of();
        }
        List<String> copy = List.copyOf(warnings);
        warnings.clear();
        return copy;
    }

    /** Called by MuJoCo on whichever thread hit the warning; must never throw. */
    private static final class WarningHandler extends Mju_user_warning_BytePointer {
        @Override
        public void call(BytePointer message) {
            String text = message == null ? "(no message)" : message.getString().strip();
            warningCount.incrementAndGet();
            List<String> warnings = threadWarnings.get();
            if (warnings.size() < 100) {
                warnings.add(text);
            }
            log.warn("MuJoCo warning: {}", text);
        }
    }
}
