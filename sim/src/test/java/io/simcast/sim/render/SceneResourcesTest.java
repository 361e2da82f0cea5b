package io.simcast.sim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lwjgl.opengl.GL32C.GL_RENDERBUFFER;
import static org.lwjgl.opengl.GL32C.GL_RENDERBUFFER_HEIGHT;
import static org.lwjgl.opengl.GL32C.GL_RENDERBUFFER_SAMPLES;
import static org.lwjgl.opengl.GL32C.GL_RENDERBUFFER_WIDTH;
import static org.lwjgl.opengl.GL32C.glBindRenderbuffer;
import static org.lwjgl.opengl.GL32C.glGetRenderbufferParameteri;

import io.simcast.sim.mujoco.mjrContext;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.TestScenes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SceneResourcesTest {

    /** Width, height and samples of each of MuJoCo's offscreen renderbuffers, read on a render thread. */
    private static List<int[]> offscreenBuffers(Scene scene) throws Exception {
        CompletableFuture<List<int[]>> sizes = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (EglContext egl = EglContext.create();
                 SceneResources resources = SceneResources.open(scene.model(), 0)) {
                mjrContext context = resources.context();
                List<int[]> found = new ArrayList<>();
                for (int renderbuffer : new int[] {context.offColor(), context.offDepthStencil(),
                        context.offColor_r(), context.offDepthStencil_r()}) {
                    glBindRenderbuffer(GL_RENDERBUFFER, renderbuffer);
                    found.add(new int[] {glGetRenderbufferParameteri(GL_RENDERBUFFER, GL_RENDERBUFFER_WIDTH),
                            glGetRenderbufferParameteri(GL_RENDERBUFFER, GL_RENDERBUFFER_HEIGHT),
                            glGetRenderbufferParameteri(GL_RENDERBUFFER, GL_RENDERBUFFER_SAMPLES)});
                }
                glBindRenderbuffer(GL_RENDERBUFFER, 0);
                sizes.complete(found);
            } catch (Throwable t) {
                sizes.completeExceptionally(t);
            }
        }, "scene-resources-test");
        thread.start();
        return sizes.get(60, TimeUnit.SECONDS);
    }

    @Test
    void mujocosOwnFullHdOffscreenBufferWhichNoViewDrawsIntoShrinksToOnePixelKeepingItsSamples() throws Exception {
        // The presets' setting: 1920 x 1080 with 4 samples, about 85 MB in main memory under llvmpipe.
        Scene scene = TestScenes.compile(TestScenes.PENDULUM.replace("<worldbody>",
                "<visual><global offwidth=\"1920\" offheight=\"1080\"/><quality offsamples=\"4\"/></visual>"
                        + "<worldbody>"));
        try {
            List<int[]> buffers = offscreenBuffers(scene);
            assertThat(buffers).hasSize(4);
            assertThat(buffers.get(0)).as("multisampled colour").containsExactly(1, 1, 4);
            assertThat(buffers.get(1)).as("multisampled depth and stencil").containsExactly(1, 1, 4);
            assertThat(buffers.get(2)).as("resolved colour").containsExactly(1, 1, 0);
            assertThat(buffers.get(3)).as("resolved depth and stencil").containsExactly(1, 1, 0);
        } finally {
            scene.release();
        }
    }
}
