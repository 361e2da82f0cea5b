package io.simcast.sim.scene;

/**
 * Size limits for scenes that arrive from outside (browsers, LLMs, files).
 *
 * @param maxXmlBytes largest XML document, includes counted one by one
 * @param maxAssetBytes largest single asset file (mesh, texture, height field)
 */
public record SceneLimits(long maxXmlBytes, long maxAssetBytes) {
    /** 2 MiB of XML is ten times the largest MuJoCo Menagerie model; 64 MiB covers any sensible mesh. */
    public static final SceneLimits DEFAULT = new SceneLimits(2L << 20, 64L << 20);

    public SceneLimits {
        if (maxXmlBytes <= 0 || maxAssetBytes <= 0) {
            throw new IllegalArgumentException("scene limits must be positive");
        }
    }
}
