package io.simcast.app.console.help;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.scene.MjcfSchema;
import io.simcast.app.console.keys.ConsoleKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The help page documents what the console does: every key, and every element the editor completes. */
class HelpPageTest {
    private static String page;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = HelpPageTest.class.getResourceAsStream("/io/simcast/app/console/help/help.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void namesEveryConsoleKey() {
        for (ConsoleKey key : ConsoleKey.values()) {
            assertThat(page).as(key.name()).contains("<kbd>" + key.label() + "</kbd>");
        }
    }

    @Test
    void describesEveryElementTheEditorCompletes() {
        for (String element : MjcfSchema.mujoco().elementNames()) {
            assertThat(page).as(element).contains("<code>" + element + "</code>");
        }
    }
}
