package io.simcast.sim.render;

import static io.simcast.sim.mujoco.global.MuJoCo.mjCAT_ALL;
import static io.simcast.sim.mujoco.global.MuJoCo.mjFB_OFFSCREEN;
import static io.simcast.sim.mujoco.global.MuJoCo.mjFONTSCALE_100;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_forward;
import static io.simcast.sim.mujoco.global.MuJoCo.mjr_defaultContext;
import static io.simcast.sim.mujoco.global.MuJoCo.mjr_freeContext;
import static io.simcast.sim.mujoco.global.MuJoCo.mjr_makeContext;
import static io.simcast.sim.mujoco.global.MuJoCo.mjr_render;
import static io.simcast.sim.mujoco.global.MuJoCo.mjr_setBuffer;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_defaultPerturb;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_defaultScene;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_freeScene;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_makeScene;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_updateScene;
import static org.lwjgl.opengl.GL32C.GL_RENDERBUFFER;
import static org.lwjgl.opengl.GL32C.GL_RENDERBUFFER_INTERNAL_FORMAT;
import static org.lwjgl.opengl.GL32C.GL_RENDERBUFFER_SAMPLES;
import static org.lwjgl.opengl.GL32C.glBindRenderbuffer;
import static org.lwjgl.opengl.GL32C.glGetRenderbufferParameteri;
import static org.lwjgl.opengl.GL32C.glRenderbufferStorageMultisample;

import io.simcast.sim.mujoco.mjModel;
import io.simcast.sim.mujoco.mjrContext;
import io.simcast.sim.mujoco.mjrRect;
import io.simcast.sim.mujoco.mjvOption;
import io.simcast.sim.mujoco.mjvPerturb;
import io.simcast.sim.mujoco.mjvScene;
import io.simcast.sim.core.Model;
import io.simcast.sim.core.MuJoCoLibrary;
import io.simcast.sim.core.SimData;
import io.simcast.sim.physics.SimulationSnapshot;

/**
 * What the render thread keeps for one scene: a private copy of the simulation state ({@code mjData}, brought up
 * to date from the newest snapshot once and shared by every view), MuJoCo's abstract scene ({@code mjvScene},
 * rebuilt for each view's camera just before it is drawn), and MuJoCo's GL context ({@code mjrContext}: the model's
 * meshes and textures uploaded to OpenGL).
 *
 * <p>Render thread only, with its GL context current. Holds a model reference (through its {@link SimData}) until
 * closed, so the model outlives a scene swap until the render thread lets go.
 */
final class SceneResources implements AutoCloseable {
    /** Geoms the abstract scene has room for; simulate uses the same. */
    private static final int MAX_GEOMS = 10_000;

    private final long generation;
    private final SimData data;
    private final mjvScene scene = new mjvScene();
    private final mjrContext context = new mjrContext();
    private final mjvPerturb shownPerturbation = new mjvPerturb();
    private final mjrRect viewport = new mjrRect();
    private long loadedSequence = -1;
    private boolean closed;

    private SceneResources(long generation, SimData data) {
        this.generation = generation;
        this.data = data;
        mjv_defaultPerturb(shownPerturbation);
        mjv_defaultScene(scene);
        mjr_defaultContext(context);
        try {
            mjv_makeScene(model(), scene, MAX_GEOMS);
            mjr_makeContext(model(), context, mjFONTSCALE_100);
            shrinkOffscreenBuffer();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Gives back the memory of MuJoCo's own offscreen buffer, which no view draws into (each has a {@link RenderTarget}
     * of its size, swapped in for the draw). {@code mjr_makeContext} sizes it from the model's {@code <global offwidth
     * offheight>} with its multisamples: 1920 x 1080 x 4 samples in the presets, about 85 MB of colour, depth and
     * resolve buffers that llvmpipe keeps in main memory, half the idle host's native memory. The buffers are
     * re-specified at 1 x 1 with their own formats and sample counts, what MuJoCo 3's {@code mjr_resizeOffscreen}
     * does; MuJoCo 2.2.2 has no such call.
     */
    private void shrinkOffscreenBuffer() {
        for (int renderbuffer : new int[] {context.offColor(), context.offDepthStencil(), context.offColor_r(),
                context.offDepthStencil_r()}) {
            if (renderbuffer != 0) {
                glBindRenderbuffer(GL_RENDERBUFFER, renderbuffer);
                int format = glGetRenderbufferParameteri(GL_RENDERBUFFER, GL_RENDERBUFFER_INTERNAL_FORMAT);
                int samples = glGetRenderbufferParameteri(GL_RENDERBUFFER, GL_RENDERBUFFER_SAMPLES);
                glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, format, 1, 1);
            }
        }
        glBindRenderbuffer(GL_RENDERBUFFER, 0);
        context.offWidth(1).offHeight(1);
    }

    /**
     * Resources for {@code model}, or null when the model was already freed (its scene was replaced: read a newer
     * snapshot). The state copy starts as MuJoCo made it; {@link #load} fills it.
     *
     * @param generation the scene generation these resources serve
     * @throws RuntimeException with MuJoCo's message when MuJoCo cannot make its GL context for the model
     */
    static SceneResources open(Model model, long generation) {
        if (!model.tryRetain()) {
            return null;
        }
        try {
            return new SceneResources(generation, new SimData(model));
        } finally {
            model.release(); // the SimData holds its own reference
        }
    }

    long generation() {
        return generation;
    }

    mjModel model() {
        return data.model().pointer();
    }

    Model modelHandle() {
        return data.model();
    }

    SimData data() {
        return data;
    }

    mjvScene scene() {
        return scene;
    }

    /** MuJoCo's GL context for the model (textures, meshes, its own small offscreen buffer). */
    mjrContext context() {
        return context;
    }

    /** Multisamples the model asks for ({@code <quality offsamples>}). */
    int modelSamples() {
        return model().vis().quality_offsamples();
    }

    /** Brings the private state up to the snapshot (copy, then mj_forward) unless it is there already. */
    void load(SimulationSnapshot snapshot) {
        if (snapshot.sequence() == loadedSequence) {
            return;
        }
        snapshot.writeTo(data);
        mj_forward(model(), data.pointer());
        PerturbationStruct.write(snapshot.perturbation(), shownPerturbation);
        loadedSequence = snapshot.sequence();
        MuJoCoLibrary.drainWarnings(); // the physics thread reports instability; here they would only pile up
    }

    /** Draws the loaded state from {@code camera} into {@code target}, leaving it ready to read back. */
    void draw(ViewCamera camera, mjvOption option, VisualOptions visual, RenderTarget target) {
        visual.applyTo(option, scene);
        mjv_updateScene(model(), data.pointer(), option, shownPerturbation, camera.pointer(), mjCAT_ALL, scene);
        // mjr_render rebinds the context's offscreen framebuffer after its shadow pass: aim it at the view's own
        // (each view has its size and sample count), and put MuJoCo's back before anyone else looks.
        int own = context.offFBO();
        context.offFBO(target.framebuffer());
        try {
            mjr_setBuffer(mjFB_OFFSCREEN, context);
            mjr_render(viewport.left(0).bottom(0).width(target.width()).height(target.height()), scene, context);
        } finally {
            context.offFBO(own);
        }
        target.finishDrawing();
    }

    /** Frees the GL context, the abstract scene and the state copy (once); the GL context must be current. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        mjr_freeContext(context);
        mjv_freeScene(scene);
        context.close();
        scene.close();
        shownPerturbation.close();
        viewport.close();
        data.close();
    }
}
