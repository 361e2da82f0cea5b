package io.simcast.sim.render;

import static org.lwjgl.egl.EGL10.EGL_BLUE_SIZE;
import static org.lwjgl.egl.EGL10.EGL_DEPTH_SIZE;
import static org.lwjgl.egl.EGL10.EGL_EXTENSIONS;
import static org.lwjgl.egl.EGL10.EGL_GREEN_SIZE;
import static org.lwjgl.egl.EGL10.EGL_NONE;
import static org.lwjgl.egl.EGL10.EGL_PBUFFER_BIT;
import static org.lwjgl.egl.EGL10.EGL_RED_SIZE;
import static org.lwjgl.egl.EGL10.EGL_STENCIL_SIZE;
import static org.lwjgl.egl.EGL10.EGL_SURFACE_TYPE;
import static org.lwjgl.egl.EGL10.EGL_NO_CONTEXT;
import static org.lwjgl.egl.EGL10.EGL_NO_DISPLAY;
import static org.lwjgl.egl.EGL10.EGL_NO_SURFACE;
import static org.lwjgl.egl.EGL10.EGL_VENDOR;
import static org.lwjgl.egl.EGL10.EGL_VERSION;
import static org.lwjgl.egl.EGL10.eglChooseConfig;
import static org.lwjgl.egl.EGL10.eglDestroyContext;
import static org.lwjgl.egl.EGL10.eglGetError;
import static org.lwjgl.egl.EGL10.eglInitialize;
import static org.lwjgl.egl.EGL10.eglMakeCurrent;
import static org.lwjgl.egl.EGL10.eglQueryString;
import static org.lwjgl.egl.EGL10.eglTerminate;
import static org.lwjgl.egl.EGL12.eglBindAPI;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lwjgl.BufferUtils;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EXTDeviceEnumeration;
import org.lwjgl.egl.EXTDeviceQuery;
import org.lwjgl.egl.EXTPlatformDevice;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11C;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.JNI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenGL context without a window or X11, made current on the thread that creates it.
 *
 * <p>Opens an EGL display on the EGL device platform first (a hardware device before Mesa's software one, so
 * NVIDIA's EGL wins on a GPU machine and llvmpipe serves a CPU-only one), then on Mesa's surfaceless platform. The
 * context is a desktop OpenGL one created without attributes, which gives the compatibility profile MuJoCo 2.2.2's
 * fixed-function renderer needs, and it is made current without any surface (we draw into our own framebuffers),
 * which every display must offer (EGL_KHR_surfaceless_context).
 *
 * <p>Thread: created, used and closed by one thread, the render thread that owns it. When libEGL, a display or a
 * usable OpenGL is missing, {@link #create} throws {@link RenderUnavailableException} saying which.
 */
final class EglContext implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EglContext.class);
    /** EGL_MESA_platform_surfaceless; LWJGL has no constant for it. */
    private static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;
    /** EGL_KHR_no_config_context: create a context without choosing a config. */
    private static final long EGL_NO_CONFIG_KHR = 0L;
    /** Displays are per process: count the contexts on each so one renderer's close never ends another's. */
    private static final Map<Long, Integer> displayUsers = new HashMap<>();

    static {
        // Otherwise LWJGL loads libGL.so.1 and its GLX entry points; everything must come from EGL.
        Configuration.OPENGL_EXPLICIT_INIT.set(true);
    }

    /** Where to look for a display, in order. */
    enum Platform {
        DEVICE("device"),
        SURFACELESS("surfaceless");

        final String label;

        Platform(String label) {
            this.label = label;
        }
    }

    private final long display;
    private final long context;
    private final RendererInfo info;
    private boolean closed;

    private EglContext(long display, long context, RendererInfo info) {
        this.display = display;
        this.context = context;
        this.info = info;
    }

    /** Creates a context on the device platform, else the surfaceless one, and makes it current here. */
    static EglContext create() {
        return create(List.of(Platform.DEVICE, Platform.SURFACELESS));
    }

    /** Creates a context on the first platform in {@code order} that opens, and makes it current here. */
    static EglContext create(List<Platform> order) {
        String clientExtensions = clientExtensions();
        Opened opened = null;
        List<String> tried = new ArrayList<>();
        for (Platform platform : order) {
            opened = open(platform, clientExtensions, tried);
            if (opened != null) {
                break;
            }
        }
        if (opened == null) {
            throw new RenderUnavailableException(RenderMessages.noEglDisplay(String.join(", ", tried)));
        }
        if (!tried.isEmpty()) {
            log.info("EGL {} platform in use; before it: {}", opened.platform().label, String.join(", ", tried));
        }
        long display = opened.display();
        try {
            if (!eglBindAPI(EGL_OPENGL_API)) {
                throw new RenderUnavailableException(RenderMessages.noOpenGl("bind the OpenGL API", eglGetError()));
            }
            long context = JNI.callPPPPP(display, chooseConfig(display), EGL_NO_CONTEXT, 0L,
                    EGL.getCapabilities().eglCreateContext);
            if (context == EGL_NO_CONTEXT) {
                throw new RenderUnavailableException(RenderMessages.noOpenGl("create an OpenGL context", eglGetError()));
            }
            try {
                if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
                    throw new RenderUnavailableException(
                            RenderMessages.noOpenGl("make the context current", eglGetError()));
                }
                RendererInfo info = loadOpenGl(display, opened.platform());
                log.debug("EGL context: {}", info.summary());
                return new EglContext(display, context, info);
            } catch (RuntimeException e) {
                GL.setCapabilities(null);
                eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
                eglDestroyContext(display, context);
                throw e;
            }
        } catch (RuntimeException e) {
            releaseDisplay(display);
            throw e;
        }
    }

    RendererInfo info() {
        return info;
    }

    /** Releases the context from this thread and destroys it; the display goes with its last context. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        GL.setCapabilities(null);
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display, context);
        releaseDisplay(display);
    }

    private record Opened(long display, Platform platform) {}

    /** The client extension string; loading LWJGL's EGL class loads libEGL.so.1. */
    private static String clientExtensions() {
        try {
            EGL.getCapabilities();
            String extensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
            return extensions == null ? "" : extensions;
        } catch (LinkageError | IllegalStateException e) {
            throw new RenderUnavailableException(RenderMessages.noEglLibrary(e), e);
        }
    }

    private static Opened open(Platform platform, String clientExtensions, List<String> tried) {
        return switch (platform) {
            // NVIDIA (through glvnd) offers enumeration as part of EGL_EXT_device_base; Mesa names it separately.
            case DEVICE -> clientExtensions.contains("EGL_EXT_platform_device")
                    && (clientExtensions.contains("EGL_EXT_device_enumeration")
                            || clientExtensions.contains("EGL_EXT_device_base")) ? openDevice(tried) : skip(platform, tried);
            case SURFACELESS -> clientExtensions.contains("EGL_MESA_platform_surfaceless")
                    ? initialize(platformDisplay(EGL_PLATFORM_SURFACELESS_MESA, 0L), platform, tried)
                    : skip(platform, tried);
        };
    }

    private static Opened skip(Platform platform, List<String> tried) {
        tried.add(platform.label + " platform (not offered by " + clientExtensionsForLog() + ")");
        return null;
    }

    private static String clientExtensionsForLog() {
        String extensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
        return extensions == null ? "no client extensions" : "client extensions: " + extensions;
    }

    /** Hardware devices first: Mesa's software device marks itself with EGL_MESA_device_software. */
    private static Opened openDevice(List<String> tried) {
        int[] count = new int[1];
        if (!EXTDeviceEnumeration.eglQueryDevicesEXT(null, count) || count[0] == 0) {
            tried.add("device platform (no devices)");
            return null;
        }
        PointerBuffer devices = BufferUtils.createPointerBuffer(count[0]);
        EXTDeviceEnumeration.eglQueryDevicesEXT(devices, count);
        List<Long> hardware = new ArrayList<>();
        List<Long> software = new ArrayList<>();
        for (int i = 0; i < count[0]; i++) {
            String extensions = EXTDeviceQuery.eglQueryDeviceStringEXT(devices.get(i), EGL_EXTENSIONS);
            boolean isSoftware = extensions != null && extensions.contains("EGL_MESA_device_software");
            (isSoftware ? software : hardware).add(devices.get(i));
        }
        hardware.addAll(software);
        for (long device : hardware) {
            Opened opened = initialize(platformDisplay(EXTPlatformDevice.EGL_PLATFORM_DEVICE_EXT, device),
                    Platform.DEVICE, tried);
            if (opened != null) {
                return opened;
            }
        }
        return null;
    }

    /** eglGetPlatformDisplayEXT called directly: LWJGL's wrappers refuse the NULL native display of surfaceless. */
    private static long platformDisplay(int platform, long nativeDisplay) {
        return JNI.callPPP(platform, nativeDisplay, 0L, EGL.getCapabilities().eglGetPlatformDisplayEXT);
    }

    private static Opened initialize(long display, Platform platform, List<String> tried) {
        if (display == EGL_NO_DISPLAY) {
            tried.add(platform.label + " platform (no display, EGL error 0x" + Integer.toHexString(eglGetError()) + ")");
            return null;
        }
        int[] major = new int[1];
        int[] minor = new int[1];
        synchronized (displayUsers) {
            if (!eglInitialize(display, major, minor)) {
                tried.add(platform.label + " platform (eglInitialize failed, EGL error 0x"
                        + Integer.toHexString(eglGetError()) + ")");
                return null;
            }
            displayUsers.merge(display, 1, Integer::sum);
        }
        String extensions = eglQueryString(display, EGL_EXTENSIONS);
        if (extensions == null || !extensions.contains("EGL_KHR_surfaceless_context")) {
            tried.add(platform.label + " platform (" + eglQueryString(display, EGL_VENDOR)
                    + " lacks EGL_KHR_surfaceless_context)");
            releaseDisplay(display);
            return null;
        }
        return new Opened(display, platform);
    }

    /**
     * An OpenGL-capable pbuffer config (what NVIDIA's EGL offers), else no config at all (EGL_KHR_no_config_context:
     * Mesa's device platform offers no OpenGL config but accepts a context without one).
     */
    private static long chooseConfig(long display) {
        int[] attributes = {
            EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8,
            EGL_BLUE_SIZE, 8, EGL_DEPTH_SIZE, 24, EGL_STENCIL_SIZE, 8, EGL_NONE,
        };
        PointerBuffer configs = BufferUtils.createPointerBuffer(1);
        int[] count = new int[1];
        if (eglChooseConfig(display, attributes, configs, count) && count[0] > 0) {
            return configs.get(0);
        }
        return EGL_NO_CONFIG_KHR;
    }

    /** Loads OpenGL entry points through EGL (once per process) and this thread's capabilities. */
    private static RendererInfo loadOpenGl(long display, Platform platform) {
        synchronized (displayUsers) {
            if (GL.getFunctionProvider() == null) {
                GL.create(EGL.getFunctionProvider());
            }
        }
        GLCapabilities capabilities = GL.createCapabilities();
        String version = GL11C.glGetString(GL11C.GL_VERSION);
        if (!capabilities.OpenGL32 || version == null || version.contains("Core Profile")) {
            throw new RenderUnavailableException(RenderMessages.openGlTooOld(version));
        }
        return new RendererInfo(platform.label, eglQueryString(display, EGL_VENDOR), eglQueryString(display, EGL_VERSION),
                GL11C.glGetString(GL11C.GL_VENDOR), GL11C.glGetString(GL11C.GL_RENDERER), version);
    }

    private static void releaseDisplay(long display) {
        synchronized (displayUsers) {
            Integer users = displayUsers.get(display);
            if (users == null) {
                return;
            }
            if (users > 1) {
                displayUsers.put(display, users - 1);
            } else {
                displayUsers.remove(display);
                eglTerminate(display);
            }
        }
    }
}
