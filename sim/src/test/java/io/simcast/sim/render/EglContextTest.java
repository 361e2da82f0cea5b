package io.simcast.sim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Getting an OpenGL context without X11, and failing clearly without EGL while physics goes on. */
class EglContextTest {

    @Test
    void theProbeOpensAContextAndSaysWhatItRunsOn() {
        RendererInfo info = Renderer.probe();
        assertThat(info.eglPlatform()).isIn("device", "surfaceless");
        assertThat(info.eglVendor()).isNotBlank();
        assertThat(info.glRenderer()).isNotBlank();
        assertThat(glVersion(info)).isGreaterThanOrEqualTo(3.2);
        assertThat(info.summary()).contains(info.glRenderer(), info.eglVendor(), info.glVersion());
    }

    @Test
    void mesasSurfacelessPlatformGivesAContextToo() throws Exception {
        CompletableFuture<RendererInfo> opened = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (EglContext context = EglContext.create(List.of(EglContext.Platform.SURFACELESS))) {
                opened.complete(context.info());
            } catch (RuntimeException e) {
                opened.completeExceptionally(e);
            }
        }, "egl-surfaceless-test");
        thread.start();
        RendererInfo info;
        try {
            info = opened.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            assumeThat(e.getCause().getMessage()).as("Mesa's surfaceless platform is offered")
                    .doesNotContain("surfaceless platform (not offered)");
            throw e;
        }
        assertThat(info.eglPlatform()).isEqualTo("surfaceless");
        assertThat(glVersion(info)).isGreaterThanOrEqualTo(3.2);
    }

    @Test
    void withoutTheEglLibraryRenderingSaysWhatToInstallAndPhysicsStillRuns() throws Exception {
        String output = runProbe(List.of("-Dorg.lwjgl.egl.libname=libEGL-that-is-not-installed.so.1"), Map.of());
        assertThat(output).contains("unavailable: No EGL library (libEGL.so.1): install libegl1 libegl-mesa0 "
                + "libgl1-mesa-dri").contains("physics ran to t=0.200");
    }

    @Test
    void withoutAnEglDriverThereIsNoDisplayAndPhysicsStillRuns() throws Exception {
        // libglvnd finds no vendor library: libEGL.so.1 loads but offers no platform.
        String output = runProbe(List.of(), Map.of("__EGL_VENDOR_LIBRARY_FILENAMES", "/nonexistent/egl-vendor.json"));
        assertThat(output).contains("unavailable: No EGL display: install libegl1 libegl-mesa0 libgl1-mesa-dri")
                .contains("physics ran to t=0.200");
    }

    @Test
    @Tag("gpu")
    void onAnNvidiaMachineTheDevicePlatformUsesNvidiasEgl() { // seen on an H200: docs/PERFORMANCE.md
        RendererInfo info = Renderer.probe();
        assertThat(info.eglPlatform()).isEqualTo("device");
        assertThat(info.eglVendor()).containsIgnoringCase("NVIDIA");
        assertThat(info.glVendor()).containsIgnoringCase("NVIDIA");
    }

    private static double glVersion(RendererInfo info) {
        String[] parts = info.glVersion().split("[ .]");
        return Double.parseDouble(parts[0] + "." + parts[1]);
    }

    /** Runs {@link NoEglProbe} in a child JVM with the test class path and returns what it printed. */
    private static String runProbe(List<String> jvmOptions, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("--sun-misc-unsafe-memory-access=allow");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(NoEglProbe.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
