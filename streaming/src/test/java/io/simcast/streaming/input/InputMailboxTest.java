package io.simcast.streaming.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.render.Modifiers;
import io.simcast.sim.render.PointerButton;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputMailboxTest {
    private final InputMailbox mailbox = new InputMailbox();

    private List<InputEvent> drain() {
        List<InputEvent> events = new ArrayList<>();
        InputEvent event;
        while ((event = mailbox.poll()) != null) {
            events.add(event);
        }
        return events;
    }

    @Test
    void aFloodOfMovesAndWheelTurnsCollapsesIntoTheNewestPositionAndTheSumOfTheTurns() {
        mailbox.offer(new InputEvent.Press(true, 0, 0, PointerButton.LEFT, Modifiers.NONE));
        for (int i = 1; i <= 100_000; i++) {
            mailbox.offer(new InputEvent.PointerMove(i, i, 1, Modifiers.NONE));
        }
        for (int i = 0; i < 1000; i++) {
            mailbox.offer(new InputEvent.Wheel(0, -1));
        }

        assertThat(drain()).containsExactly(
                new InputEvent.Press(true, 0, 0, PointerButton.LEFT, Modifiers.NONE),
                new InputEvent.PointerMove(100_000, 100_000, 1, Modifiers.NONE),
                new InputEvent.Wheel(0, -1000));
    }

    @Test
    void otherEventsQueueUpToTheCapacityAndTheRestAreDropped() {
        InputEvent pause = new InputEvent.Command("pause", new SimCommand.Pause());
        List<InputMailbox.Offer> offers = new ArrayList<>();
        for (int i = 0; i < InputMailbox.CAPACITY + 10; i++) {
            offers.add(mailbox.offer(pause));
        }

        assertThat(offers.getFirst()).isEqualTo(InputMailbox.Offer.WAKE);
        assertThat(offers.subList(1, InputMailbox.CAPACITY)).containsOnly(InputMailbox.Offer.QUEUED);
        assertThat(offers.subList(InputMailbox.CAPACITY, offers.size())).containsOnly(InputMailbox.Offer.DROPPED);
        assertThat(drain()).hasSize(InputMailbox.CAPACITY);
    }

    @Test
    void anEmptiedMailboxWakesTheInputThreadAgainOnTheNextEvent() {
        InputEvent wheel = new InputEvent.Wheel(0, 1);
        assertThat(mailbox.offer(wheel)).isEqualTo(InputMailbox.Offer.WAKE);
        assertThat(mailbox.offer(new InputEvent.Key(true, "Space", false, false, false, false)))
                .isEqualTo(InputMailbox.Offer.QUEUED);

        drain();

        assertThat(mailbox.offer(wheel)).isEqualTo(InputMailbox.Offer.WAKE);
    }
}
