package io.simcast.generate;

import io.simcast.sim.scene.IsolatedSceneCompiler;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLoadException;
import io.simcast.sim.scene.SceneSource;

/**
 * Compiles MJCF that nobody has reviewed (an LLM's reply). {@link #isolated()} checks each candidate in a separate,
 * short-lived process first (it survives the inputs that make native MuJoCo abort, hang or eat memory);
 * {@link #inProcess()} is the quick one for candidates known to be harmless (tests of the loop). Implementations are
 * called on the generation thread.
 */
@FunctionalInterface
public interface CandidateCompiler {
    /**
     * @return the compiled scene; the caller owns its model reference
     * @throws SceneLoadException with MuJoCo's message and line, or the rule that refused the document
     */
    Scene compile(SceneSource source) throws SceneLoadException;

    /** Checks in a child process with {@link IsolatedSceneCompiler}, then compiles here: what the host uses. */
    static CandidateCompiler isolated() {
        return new IsolatedSceneCompiler()::compile;
    }

    /** Compiles in this JVM with {@link SceneCompiler}, refusing what is known to abort it. */
    static CandidateCompiler inProcess() {
        return new InProcessCandidateCompiler(new SceneCompiler());
    }
}
