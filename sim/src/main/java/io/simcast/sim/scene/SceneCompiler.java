package io.simcast.sim.scene;

import static io.simcast.sim.mujoco.global.MuJoCo.mjENBL_ENERGY;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_defaultVFS;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_deleteVFS;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_loadXML;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_makeEmptyFileVFS;

import io.simcast.sim.mujoco.mjModel;
import io.simcast.sim.mujoco.mjVFS;
import io.simcast.sim.core.Model;
import io.simcast.sim.core.MuJoCoLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a {@link SceneSource} into a {@link Scene}: sandbox check, MuJoCo's own compiler, then the model's budget
 * ({@link ModelBudget}: what it would ask of the renderer and the simulation).
 *
 * <p>The root document is handed to MuJoCo through a virtual file system, so MuJoCo reads exactly the text that was
 * checked; assets come from the scene folder. Outside models (not Simcast's presets) are compiled with
 * {@code autolimits="true"}, MuJoCo 3's default that most MJCF written today assumes; a document that sets
 * autolimits itself keeps its choice.
 *
 * <p>Any thread may compile; compiling never touches a running simulation.
 */
public final class SceneCompiler {
    private static final Logger log = LoggerFactory.getLogger(SceneCompiler.class);
    private static final int ERROR_BUFFER = 1000;
    private static volatile Path emptyFolder;

    private final SceneSandbox sandbox;
    private final SceneLimits limits;

    public SceneCompiler(SceneLimits limits) {
        this.sandbox = new SceneSandbox(limits);
        this.limits = limits;
    }

    public SceneCompiler() {
        this(SceneLimits.DEFAULT);
    }

    /**
     * Checks and compiles {@code source}.
     *
     * @throws SceneLoadException with MuJoCo's message (and line) or the sandbox rule that refused it
     */
    public Scene compile(SceneSource source) throws SceneLoadException {
        MuJoCoLibrary.load();
        sandbox.check(source);
        String text = source.textForMuJoCo();
        Path folder = source.folder() != null ? source.folder().toAbsolutePath() : emptyFolder();
        Path rootPath = folder.resolve(source.fileName());

        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        mjVFS vfs = new mjVFS();
        BytePointer error = new BytePointer(ERROR_BUFFER);
        try {
            mj_defaultVFS(vfs);
            if (mj_makeEmptyFileVFS(vfs, source.fileName(), bytes.length) != 0) {
                throw new SceneLoadException(SceneMessages.nativeFailure("could not stage the XML in memory"));
            }
            new BytePointer(vfs.filedata(0)).capacity(bytes.length).put(bytes);
            error.zero(); // MuJoCo 2.2.2 leaves stale bytes in the buffer
            mjModel model = mj_loadXML(rootPath.toString(), vfs, error, ERROR_BUFFER);
            List<String> warnings = MuJoCoLibrary.drainWarnings();
            if (model == null || model.isNull()) {
                throw new SceneLoadException(SceneMessages.compileFailed(cleanMessage(error.getString(), folder)));
            }
            // Energy is part of every snapshot; MuJoCo computes it only when asked.
            model.opt().enableflags(model.opt().enableflags() | mjENBL_ENERGY);
            Scene scene = new Scene(source, new Model(model), warnings);
            try {
                ModelBudget.check(scene.model(), limits);
            } catch (SceneLoadException e) {
                scene.release();
                throw e;
            }
            log.debug("Compiled scene {} (nq={}, nv={}, nu={})", source.id(), scene.model().nq(),
                    scene.model().nv(), scene.model().nu());
            return scene;
        } catch (RuntimeException e) {
            MuJoCoLibrary.drainWarnings();
            throw new SceneLoadException(SceneMessages.nativeFailure(e.getMessage()), e);
        } finally {
            mj_deleteVFS(vfs);
            vfs.close();
            error.close();
        }
    }

    /**
     * MuJoCo 2.2.2 pads its message with spaces and names files by absolute path; users see their own relative
     * names (and a remote viewer never learns the host's folders). JavaCPP reads the whole buffer, so the text ends
     * at the first NUL.
     */
    static String cleanMessage(String raw, Path folder) {
        String prefix = folder.toString() + "/";
        int end = raw.indexOf('\0');
        String message = (end >= 0 ? raw.substring(0, end) : raw).replace(prefix, "").lines().map(String::strip).filter(line -> !line.isEmpty())
                .reduce((a, b) -> a + "\n" + b).orElse("");
        return message.isEmpty() ? "MuJoCo could not compile the scene (no message)" : message;
    }

    /** Where MuJoCo looks for the assets of a scene that may have none: an empty private folder. */
    private static Path emptyFolder() {
        Path folder = emptyFolder;
        if (folder == null) {
            synchronized (SceneCompiler.class) {
                if (emptyFolder == null) {
                    try {
                        emptyFolder = Files.createTempDirectory("simcast-no-assets");
                        emptyFolder.toFile().deleteOnExit();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                folder = emptyFolder;
            }
        }
        return folder;
    }
}
