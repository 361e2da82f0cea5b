package io.simcast.streaming.input;

import java.util.ArrayDeque;

/**
 * One viewer's input on its way to the input thread, so that a flood costs the flooder and nobody else: pointer moves
 * that follow each other collapse into the newest (only where the pointer is matters), wheel turns that follow each
 * other add up, and anything else waits in a queue of at most {@value #CAPACITY} events; past that, events are
 * dropped and the sender is told. Each viewer has its own mailbox, and the input thread takes a few events from each
 * in turn, so one viewer's backlog never delays another's gestures.
 *
 * <p>Thread-safe: filled on whichever thread received the message (Undertow IO, libwebrtc), emptied on
 * {@code simcast-input}.
 */
public final class InputMailbox {
    /** Presses, keys and commands waiting; a person makes a few a second, a page never more than a handful at once. */
    public static final int CAPACITY = 64;

    /** What {@link #offer} did. */
    public enum Offer {
        /** Queued or merged; the input thread already has this mailbox in its queue. */
        QUEUED,
        /** Queued into an idle mailbox: hand the mailbox to the input thread. */
        WAKE,
        /** Full: the event was dropped. */
        DROPPED
    }

    private final ArrayDeque<InputEvent> events = new ArrayDeque<>();
    private boolean scheduled;

    public synchronized Offer offer(InputEvent event) {
        InputEvent last = events.peekLast();
        if (event instanceof InputEvent.PointerMove && last instanceof InputEvent.PointerMove) {
            events.pollLast();
        } else if (event instanceof InputEvent.Wheel wheel && last instanceof InputEvent.Wheel previous) {
            events.pollLast();
            event = new InputEvent.Wheel(previous.dx() + wheel.dx(), previous.dy() + wheel.dy());
        } else if (events.size() >= CAPACITY) {
            return Offer.DROPPED;
        }
        events.addLast(event);
        if (scheduled) {
            return Offer.QUEUED;
        }
        scheduled = true;
        return Offer.WAKE;
    }

    /**
     * The next event, or null when the mailbox is empty; from then on the next {@link #offer} wakes the input thread
     * again. Input thread only.
     */
    public synchronized InputEvent poll() {
        InputEvent next = events.pollFirst();
        if (next == null) {
            scheduled = false;
        }
        return next;
    }

    /** Events waiting now. */
    public synchronized int size() {
        return events.size();
    }
}
