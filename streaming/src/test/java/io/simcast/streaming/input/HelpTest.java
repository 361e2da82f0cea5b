package io.simcast.streaming.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The help (F1) lists every key of the one table, named for people, with its action's words, and the mouse. */
class HelpTest {
    @Test
    void everyKeyOfTheTableIsListedOnceWithWhatItsActionDoes() {
        List<Help.Line> keys = Help.of().keys();
        for (var entry : KeyMap.table().entrySet()) {
            String label = KeyMap.label(entry.getKey());
            assertThat(keys).as(entry.getKey()).filteredOn(line -> List.of(line.input().split(" / ")).contains(label))
                    .singleElement().extracting(Help.Line::does).isEqualTo(entry.getValue().does());
        }
        assertThat(keys.getFirst()).isEqualTo(new Help.Line("Space", "Play or pause"));
        assertThat(keys).contains(new Help.Line("Right arrow", KeyAction.STEP.does()),
                new Help.Line("F1", "Show or hide this help"));
    }

    @Test
    void theMouseGesturesAreListedToo() {
        assertThat(Help.of().mouse()).extracting(Help.Line::input).contains("Left drag", "Right drag", "Scroll",
                "Double-click");
    }
}
