package io.simcast.sim.scene;

/**
 * Size limits for scenes: what a document may read, and how much its compiled model may ask of the simulation and the
 * renderer. The model's limits guard the host's renderer above all: MuJoCo 2.2.2 draws height fields, meshes and its
 * built-in shapes through display lists with every cell, face and division in them, so a model that is cheap to
 * compile (a 5000 x 5000 height field is 100 MB of floats) can take seconds per frame and gigabytes of driver memory
 * to draw. README's "Scenes from outside" and docs/SECURITY.md list the defaults.
 *
 * @param maxXmlBytes largest XML document, includes counted one by one
 * @param maxAssetBytes largest single asset file (mesh, texture, height field, material library)
 * @param maxHeightFieldCells height-field cells ({@code nrow * ncol}) of all height fields together
 * @param maxTexturePixels texture pixels ({@code width * height}, six faces for a cube) of all textures together
 * @param maxMeshVertices vertices of all meshes and skins together
 * @param maxMeshFaces faces of all meshes and skins together
 * @param maxStackBytes the simulation's stack ({@code <size nstack>} times 8 bytes), one per copy of the state
 * @param maxDrawDivisions {@code <visual><quality numslices, numstacks, numquads>}: MuJoCo draws every sphere,
 *     capsule, cylinder, box and plane with that many divisions, per frame (its defaults: 28, 16, 4)
 * @param maxRenderBufferBytes graphics memory of the offscreen buffer and shadow map MuJoCo allocates for the model:
 *     {@code offwidth * offheight * 8 * (offsamples + 1) + shadowsize^2 * 4} (its defaults: 640 x 480 x 4 samples,
 *     4096: 76 MiB)
 */
public record SceneLimits(long maxXmlBytes, long maxAssetBytes, long maxHeightFieldCells, long maxTexturePixels,
        long maxMeshVertices, long maxMeshFaces, long maxStackBytes, int maxDrawDivisions, long maxRenderBufferBytes) {
    /**
     * 2 MiB of XML is ten times the largest MuJoCo Menagerie model and 64 MiB covers any sensible mesh. The drawing
     * limits come from docs/PERFORMANCE.md's "Drawing cost of a model": in software (llvmpipe) a 512 x 512 height field
     * draws 36 times slower than a plain scene and a 2048 x 2048 one 900 times (seconds a frame, minutes to prepare);
     * 64 divisions make a sphere five times MuJoCo's default. 32 Mpixels of texture hold a 4096 x 4096 image and a
     * 1024-pixel skybox; 2 M faces are beyond any Menagerie robot. 512 MiB of stack and of render buffers hold MuJoCo's
     * own largest samples (composite/particle.xml asks 381 MiB of stack; an 8192-pixel shadow map is 256 MiB).
     */
    public static final SceneLimits DEFAULT = new SceneLimits(2L << 20, 64L << 20, 512L * 512, 32L << 20, 2L << 20,
            2L << 20, 512L << 20, 64, 512L << 20);

    public SceneLimits {
        if (maxXmlBytes <= 0 || maxAssetBytes <= 0 || maxHeightFieldCells <= 0 || maxTexturePixels <= 0
                || maxMeshVertices <= 0 || maxMeshFaces <= 0 || maxStackBytes <= 0 || maxDrawDivisions <= 0
                || maxRenderBufferBytes <= 0) {
            throw new IllegalArgumentException("scene limits must be positive");
        }
    }

    public SceneLimits withMaxXmlBytes(long bytes) {
        return new SceneLimits(bytes, maxAssetBytes, maxHeightFieldCells, maxTexturePixels, maxMeshVertices,
                maxMeshFaces, maxStackBytes, maxDrawDivisions, maxRenderBufferBytes);
    }

    public SceneLimits withMaxAssetBytes(long bytes) {
        return new SceneLimits(maxXmlBytes, bytes, maxHeightFieldCells, maxTexturePixels, maxMeshVertices,
                maxMeshFaces, maxStackBytes, maxDrawDivisions, maxRenderBufferBytes);
    }

    public SceneLimits withMaxMeshSize(long vertices, long faces) {
        return new SceneLimits(maxXmlBytes, maxAssetBytes, maxHeightFieldCells, maxTexturePixels, vertices, faces,
                maxStackBytes, maxDrawDivisions, maxRenderBufferBytes);
    }
}
