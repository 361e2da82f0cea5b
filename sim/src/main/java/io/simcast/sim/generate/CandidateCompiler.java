package io.simcast.sim.generate;

import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLoadException;
import io.simcast.sim.scene.SceneSource;

/**
 * Compiles MJCF that nobody has reviewed (an LLM's reply). Behind this interface so that compiling in a separate,
 * short-lived process (which survives the inputs that make native MuJoCo abort) can replace the in-process compiler
 * without touching the generation loop. Implementations are called on the generation thread.
 */
@FunctionalInterface
public interface CandidateCompiler {
    /**
     * @return the compiled scene; the caller owns its model reference
     * @throws SceneLoadException with MuJoCo's message and line, or the rule that refused the document
     */
    Scene compile(SceneSource source) throws SceneLoadException;

    /** Compiles in this JVM with {@link SceneCompiler}, refusing what is known to abort it. */
    static CandidateCompiler inProcess() {
        return new InProcessCandidateCompiler(new SceneCompiler());
    }
}
