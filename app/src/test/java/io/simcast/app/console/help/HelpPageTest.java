package io.simcast.app.console.help;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.scene.MjcfSchema;
import io.simcast.app.console.keys.ConsoleKey;
import io.simcast.streaming.input.Help;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The help page documents what the console does: every key (the shared table's lines, as the browser page's help has
 * them), and every element the editor completes.
 */
class HelpPageTest {
    private static String page;

    @BeforeAll
    static void read() {
        page = HelpPage.html();
    }

    @Test
    void namesEveryConsoleKey() {
        for (ConsoleKey key : ConsoleKey.values()) {
            assertThat(page).as(key.name()).contains("<kbd>" + key.label() + "</kbd>");
        }
    }

    @Test
    void listsTheSharedHelpThePageShowsToo() {
        for (Help.Line line : Help.of().keys()) {
            assertThat(page).as(line.input()).contains("<td>" + line.does() + "</td>");
        }
        for (Help.Line line : Help.of().mouse()) {
            assertThat(page).as(line.input()).contains("<tr><td>" + line.input() + "</td><td>" + line.does());
        }
        assertThat(page).doesNotContain("<!--");
    }

    @Test
    void describesEveryElementTheEditorCompletes() {
        for (String element : MjcfSchema.mujoco().elementNames()) {
            assertThat(page).as(element).contains("<code>" + element + "</code>");
        }
    }
}
