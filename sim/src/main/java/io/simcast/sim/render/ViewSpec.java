package io.simcast.sim.render;

/**
 * What a new view renders.
 *
 * @param width image width in pixels, 1 to {@value #MAX_SIZE}
 * @param height image height in pixels, 1 to {@value #MAX_SIZE}
 * @param fps most frames per second, above 0 and at most {@value #MAX_FPS}
 * @param quality the quality preset
 */
public record ViewSpec(int width, int height, double fps, Quality quality) {
    public static final int MAX_SIZE = 4096;
    public static final double MAX_FPS = 240;

    public ViewSpec {
        checkSize(width, height);
        checkFps(fps);
        if (quality == null) {
            throw new IllegalArgumentException("quality must be FAST or QUALITY");
        }
    }

    static void checkSize(int width, int height) {
        if (width < 1 || height < 1 || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("view size must be between 1x1 and " + MAX_SIZE + "x" + MAX_SIZE
                    + ", got " + width + "x" + height);
        }
    }

    static void checkFps(double fps) {
        if (!(fps > 0 && fps <= MAX_FPS)) {
            throw new IllegalArgumentException("fps must be above 0 and at most " + (int) MAX_FPS + ", got " + fps);
        }
    }
}
