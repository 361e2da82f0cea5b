package io.simcast.sim.render;

/**
 * Rendering cannot start on this machine: no EGL library, no EGL display, or no suitable OpenGL context. The
 * message says what is missing and how to install it. Physics and everything that does not draw keep working.
 */
public final class RenderUnavailableException extends RuntimeException {
    public RenderUnavailableException(String message) {
        super(message);
    }

    public RenderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
