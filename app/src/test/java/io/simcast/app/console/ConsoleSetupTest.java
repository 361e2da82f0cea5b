package io.simcast.app.console;

import io.simcast.app.console.kit.Texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.physics.SimCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the console can open, and which scene it starts with (its folders: UserFoldersTest in sim). */
class ConsoleSetupTest {

    @TempDir
    Path folder;

    @Test
    void aWindowNeedsAnX11OrWaylandDisplay() {
        assertThat(ConsoleLauncher.displayAvailable(Map.of())).isFalse();
        assertThat(ConsoleLauncher.displayAvailable(Map.of("DISPLAY", ""))).isFalse();
        assertThat(ConsoleLauncher.displayAvailable(Map.of("DISPLAY", ":0"))).isTrue();
        assertThat(ConsoleLauncher.displayAvailable(Map.of("WAYLAND_DISPLAY", "wayland-0"))).isTrue();
    }

    @Test
    void startsWithPendulumThenWithTheLastScene() {
        try (ConsoleServices first = ConsoleServices.start(TestOptions.of(folder, null))) {
            assertThat(first.session().snapshot().sceneId()).isEqualTo("pendulum");
            assertThat(first.firstDocument().preset().id()).isEqualTo("pendulum");
            first.preferences().rememberScene("cartpole");
        }
        try (ConsoleServices next = ConsoleServices.start(TestOptions.of(folder, null))) {
            assertThat(next.session().snapshot().sceneId()).isEqualTo("cartpole");
            assertThat(next.startupNotes()).containsExactly("Started with Cart-pole", Texts.SHARING_OFF);
        }
    }

    @Test
    void aSceneThatDoesNotCompileOpensInTheEditorWhileTheDefaultRuns() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.xml"), "<mujoco><worldbody><bad/></worldbody></mujoco>");
        try (ConsoleServices services = ConsoleServices.start(TestOptions.of(folder.resolve("data"), broken.toString()))) {
            assertThat(services.session().snapshot().sceneId()).isEqualTo("pendulum");
            assertThat(services.firstDocument().file()).isEqualTo(broken);
            assertThat(services.startupNotes().getFirst()).startsWith("Could not load " + broken)
                    .endsWith("broken.xml is open in the editor.");
            services.session().submit(new SimCommand.Pause());
        }
    }

    @Test
    void anUnknownSceneFallsBackToTheDefault() {
        try (ConsoleServices services = ConsoleServices.start(TestOptions.of(folder, "no-such-scene"))) {
            assertThat(services.session().snapshot().sceneId()).isEqualTo("pendulum");
            assertThat(services.firstDocument().preset().id()).isEqualTo("pendulum");
            assertThat(services.startupNotes().getFirst()).startsWith("Could not load no-such-scene (No preset");
        }
    }
}
