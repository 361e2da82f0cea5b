package io.simcast.sim.scene;

import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_HFIELD;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_MESH;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_SKIN;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_TEXTURE;

import io.simcast.sim.mujoco.mjModel;
import io.simcast.sim.mujoco.mjVisual;
import io.simcast.sim.core.Model;
import java.util.function.IntToLongFunction;

/**
 * Refuses a compiled model that asks more of the renderer or the simulation than {@link SceneLimits} allows: height
 * field cells, texture pixels, mesh and skin vertices and faces, the stack, and the drawing detail and buffer sizes
 * of {@code <visual>}. Each refusal names the setting and the largest offender, so the author knows what to shrink.
 *
 * <p>Runs on the compiling thread right after MuJoCo compiled the model, before anything draws or steps it; for an
 * outside scene that is first in the isolated check's child process, so a refused model never reaches the host.
 */
final class ModelBudget {
    private static final long STACK_ENTRY_BYTES = Double.BYTES;
    /** RGBA8 colour and 24-bit depth with 8-bit stencil; the samples plus MuJoCo's resolve buffer. */
    private static final long OFFSCREEN_PIXEL_BYTES = 8;
    /** A 32-bit depth texture. */
    private static final long SHADOW_PIXEL_BYTES = 4;

    private ModelBudget() {}

    static void check(Model model, SceneLimits limits) throws SceneLoadException {
        mjModel m = model.pointer();
        total(model, "height fields", "cells", mjOBJ_HFIELD, m.nhfield(),
                i -> (long) m.hfield_nrow().get(i) * m.hfield_ncol().get(i), limits.maxHeightFieldCells(),
                "MuJoCo draws every cell: use fewer rows and columns");
        total(model, "textures", "pixels", mjOBJ_TEXTURE, m.ntex(),
                i -> (long) m.tex_width().get(i) * m.tex_height().get(i), limits.maxTexturePixels(),
                "use smaller images");
        meshes(model, "vertices", i -> m.mesh_vertnum().get(i), i -> m.skin_vertnum().get(i),
                limits.maxMeshVertices());
        meshes(model, "faces", i -> m.mesh_facenum().get(i), i -> m.skin_facenum().get(i), limits.maxMeshFaces());
        long stackBytes = m.nstack() * STACK_ENTRY_BYTES;
        if (stackBytes > limits.maxStackBytes()) {
            throw new SceneLoadException(SceneMessages.stackTooLarge(m.nstack(), stackBytes, limits));
        }
        mjVisual visual = m.vis();
        setting("quality", "numslices", visual.quality_numslices(), limits.maxDrawDivisions());
        setting("quality", "numstacks", visual.quality_numstacks(), limits.maxDrawDivisions());
        setting("quality", "numquads", visual.quality_numquads(), limits.maxDrawDivisions());
        long offscreen = (long) visual.global_offwidth() * visual.global_offheight() * OFFSCREEN_PIXEL_BYTES
                * (Math.max(0, visual.quality_offsamples()) + 1L);
        long shadow = (long) visual.quality_shadowsize() * visual.quality_shadowsize() * SHADOW_PIXEL_BYTES;
        if (offscreen + shadow > limits.maxRenderBufferBytes()) {
            throw new SceneLoadException(SceneMessages.renderBuffersTooLarge(visual.global_offwidth(),
                    visual.global_offheight(), visual.quality_offsamples(), visual.quality_shadowsize(),
                    offscreen + shadow, limits));
        }
    }

    /** Meshes and skins are drawn alike, so they share one budget. */
    private static void meshes(Model model, String unit, IntToLongFunction perMesh, IntToLongFunction perSkin,
            long limit) throws SceneLoadException {
        mjModel m = model.pointer();
        Largest meshes = Largest.of(model, mjOBJ_MESH, m.nmesh(), perMesh);
        Largest skins = Largest.of(model, mjOBJ_SKIN, m.nskin(), perSkin);
        long total = meshes.total() + skins.total();
        if (total > limit) {
            Largest largest = meshes.size() >= skins.size() ? meshes : skins;
            String kind = largest == meshes ? "mesh" : "skin";
            throw new SceneLoadException(SceneMessages.tooMuchToDraw("meshes and skins", unit, total,
                    kind + " " + largest.describe(unit), limit, "simplify the meshes"));
        }
    }

    private static void total(Model model, String what, String unit, int objectType, int count,
            IntToLongFunction size, long limit, String advice) throws SceneLoadException {
        Largest largest = Largest.of(model, objectType, count, size);
        if (largest.total() > limit) {
            String kind = what.substring(0, what.length() - 1);
            throw new SceneLoadException(SceneMessages.tooMuchToDraw(what, unit, largest.total(),
                    kind + " " + largest.describe(unit), limit, advice));
        }
    }

    private static void setting(String element, String attribute, int value, int limit) throws SceneLoadException {
        if (value > limit) {
            throw new SceneLoadException(SceneMessages.visualSettingTooLarge(element, attribute, value, limit));
        }
    }

    /** The sum of one size over a kind of object, and the object that contributes most. */
    private record Largest(long total, String name, long size) {
        static Largest of(Model model, int objectType, int count, IntToLongFunction size) {
            long total = 0;
            int largest = -1;
            long largestSize = -1;
            for (int i = 0; i < count; i++) {
                long each = size.applyAsLong(i);
                total += each;
                if (each > largestSize) {
                    largest = i;
                    largestSize = each;
                }
            }
            String name = largest < 0 ? "" : model.name(objectType, largest);
            return new Largest(total, name.isEmpty() ? "#" + largest : "'" + name + "'", largestSize);
        }

        String describe(String unit) {
            return name + " has " + size + " " + unit;
        }
    }
}
