package io.simcast.generate;

import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLoadException;
import io.simcast.sim.scene.SceneSource;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles candidates in this JVM with {@link SceneCompiler} (sandbox, outside-model defaults). MuJoCo 2.2.2 aborts
 * the whole process on a {@code <composite>} with a huge count (std::bad_alloc), which no error handler can catch,
 * so any composite is refused before MuJoCo sees it; a compiler in a separate process would not need this rule.
 * Thread-safe.
 */
final class InProcessCandidateCompiler implements CandidateCompiler {
    /** In any letter case: MuJoCo matches element names without regard to case. */
    private static final Pattern COMPOSITE = Pattern.compile("<\\s*composite\\b", Pattern.CASE_INSENSITIVE);

    private final SceneCompiler compiler;

    InProcessCandidateCompiler(SceneCompiler compiler) {
        this.compiler = compiler;
    }

    @Override
    public Scene compile(SceneSource source) throws SceneLoadException {
        Matcher composite = COMPOSITE.matcher(source.xml());
        if (composite.find()) {
            int line = 1 + (int) source.xml().substring(0, composite.start()).chars().filter(c -> c == '\n').count();
            throw new SceneLoadException(LlmMessages.compositeRefused(line));
        }
        return compiler.compile(source);
    }
}
