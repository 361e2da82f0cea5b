package io.simcast.sim.render;

import static io.simcast.sim.mujoco.global.MuJoCo.mjv_defaultOption;
import static org.lwjgl.opengl.GL11C.GL_NO_ERROR;
import static org.lwjgl.opengl.GL11C.glFinish;
import static org.lwjgl.opengl.GL11C.glGetError;

import io.simcast.sim.mujoco.mjvOption;
import io.simcast.sim.core.MuJoCoLibrary;
import io.simcast.sim.scene.CompiledSceneCheck;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneLoadException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The renderer's part of the isolated compile check: makes an EGL context, has MuJoCo build its GL resources for the
 * model ({@code mjr_makeContext}: display lists for every mesh, height field and built-in shape, the textures, the
 * offscreen and shadow buffers) and draws one small frame at full quality. Whatever crashes, stalls or eats memory
 * there does it in the check's child process, under its memory cap and deadline, not in the host's render thread.
 * MuJoCo's errors and its "OpenGL error in or before mjr_makeContext" warning (a texture or buffer larger than the
 * driver allows) refuse the scene. Where this process has no EGL the host cannot draw either, and the check passes.
 *
 * <p>Found by the child through {@link java.util.ServiceLoader}; runs on the child's main thread, which owns the
 * context for the check's short life.
 */
public final class RenderCheck implements CompiledSceneCheck {
    private static final Logger log = LoggerFactory.getLogger(RenderCheck.class);
    /** Enough pixels to run every stage of MuJoCo's renderer (shadows, reflections, multisampling). */
    private static final int SIZE = 64;

    @Override
    public void check(Scene scene) throws SceneLoadException {
        EglContext egl;
        try {
            egl = EglContext.create();
        } catch (RenderUnavailableException e) {
            log.info("The render check was skipped: {}", e.getMessage());
            return;
        }
        while (glGetError() != GL_NO_ERROR) {
            // start clean: only what MuJoCo does with this model counts
        }
        MuJoCoLibrary.drainWarnings();
        try (egl;
                SceneResources resources = SceneResources.open(scene.model(), 0);
                ViewCamera camera = new ViewCamera();
                mjvOption option = new mjvOption()) {
            refuseOpenGlErrors(MuJoCoLibrary.drainWarnings());
            resources.data().resetToInitialState();
            camera.reset(resources);
            mjv_defaultOption(option);
            try (RenderTarget target = RenderTarget.create(SIZE, SIZE,
                    Quality.QUALITY.samples(resources.modelSamples()))) {
                resources.draw(camera, option, VisualOptions.of(Quality.QUALITY), target);
                glFinish();
            }
        } catch (RuntimeException e) {
            throw new SceneLoadException(RenderMessages.cannotDraw(e.getMessage()), e);
        }
    }

    private static void refuseOpenGlErrors(List<String> warnings) throws SceneLoadException {
        for (String warning : warnings) {
            if (warning.contains("OpenGL error")) {
                throw new SceneLoadException(RenderMessages.openGlErrorPreparing(warning));
            }
        }
    }
}
