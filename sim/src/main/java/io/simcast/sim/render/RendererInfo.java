package io.simcast.sim.render;

/**
 * What a renderer runs on, as EGL and OpenGL report it.
 *
 * @param eglPlatform how the display was opened: {@code "device"} (EGL_EXT_platform_device) or {@code "surfaceless"}
 * @param eglVendor EGL_VENDOR, e.g. "Mesa Project" or "NVIDIA"
 * @param eglVersion EGL_VERSION
 * @param glVendor GL_VENDOR
 * @param glRenderer GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"
 * @param glVersion GL_VERSION, e.g. "4.5 (Compatibility Profile) Mesa 22.3.6"
 */
public record RendererInfo(String eglPlatform, String eglVendor, String eglVersion, String glVendor, String glRenderer,
                           String glVersion) {

    /** One line for logs and {@code simcast check}. */
    public String summary() {
        return "EGL " + eglVersion + " (" + eglVendor + ", " + eglPlatform + " platform), OpenGL " + glVersion + " on "
                + glRenderer + " (" + glVendor + ")";
    }
}
