package io.simcast.sim.render;

import java.util.List;

/** Every message about rendering a user can read, in one place (tests assert these words). */
final class RenderMessages {
    /** The Debian packages that give a machine without a GPU driver a software EGL and OpenGL (Mesa llvmpipe). */
    static final String MESA_PACKAGES = "libegl1 libegl-mesa0 libgl1-mesa-dri";

    private RenderMessages() {}

    static String noEglLibrary(Throwable cause) {
        return "No EGL library (libEGL.so.1): install " + MESA_PACKAGES + " (" + cause.getMessage() + ")";
    }

    static String noEglDisplay(String tried) {
        return "No EGL display: install " + MESA_PACKAGES + " (or the GPU vendor's EGL driver); tried " + tried;
    }

    static String noOpenGl(String step, int eglError) {
        return "EGL could not " + step + " (EGL error 0x" + Integer.toHexString(eglError)
                + "); the EGL driver has no desktop OpenGL: install " + MESA_PACKAGES;
    }

    static String openGlTooOld(String version) {
        return "OpenGL 3.2 or newer with the compatibility profile is needed for rendering; this driver offers "
                + version;
    }

    static String startTimedOut() {
        return "The render thread did not start within 30 s (EGL or OpenGL initialisation hung)";
    }

    static String incompleteFramebuffer(int status, int width, int height, int samples) {
        return "OpenGL refused a " + width + "x" + height + " framebuffer with " + samples + " samples (status 0x"
                + Integer.toHexString(status) + ")";
    }

    static String rendererClosed() {
        return "the renderer is closed";
    }

    static String viewClosed() {
        return "the view is closed";
    }

    static String noFixedCamera(int index, int count) {
        return count == 0 ? "this scene has no fixed cameras"
                : "fixed camera must be between 0 and " + (count - 1) + ", got " + index;
    }

    static String noCameraNamed(String name, List<String> names) {
        return "No camera named '" + name + "' in this scene; "
                + (names.isEmpty() ? "it has none" : "its cameras: " + String.join(", ", names));
    }

    static String badFreeCamera() {
        return "A free camera needs a look-at point of three finite numbers, a distance above 0 and finite azimuth and"
                + " elevation in degrees";
    }

    static String cannotDraw(String mujocoMessage) {
        return "MuJoCo could not prepare this scene for drawing (" + mujocoMessage
                + "); the scene was refused and the host is unaffected";
    }

    static String openGlErrorPreparing(String mujocoWarning) {
        return "MuJoCo's renderer failed preparing this scene (" + mujocoWarning + "): a texture or buffer larger than"
                + " the graphics driver allows; the scene was refused and the host is unaffected";
    }
}
