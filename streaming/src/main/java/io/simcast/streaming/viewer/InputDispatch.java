package io.simcast.streaming.viewer;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.input.InputEvent;
import io.simcast.streaming.input.InputPolicy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Viewers' input on its way to the simulation and their cameras. Each message is parsed and checked against the
 * viewer's role on the thread it arrived on (Undertow IO, libwebrtc's signalling thread), then left in the viewer's
 * {@link io.simcast.streaming.input.InputMailbox}; this class's thread, {@code simcast-input}, applies each viewer's
 * events in arrival order, up to {@value #TURN} from one viewer before the next viewer's turn, so a flooder delays
 * only itself. Each viewer's {@link io.simcast.streaming.input.ViewerInput} (its drag state, its claims) lives on
 * that thread.
 */
final class InputDispatch implements AutoCloseable {
    /** Mailboxes waiting for the input thread: one per viewer at most, so this bound is never reached. */
    private static final int BACKLOG = 4096;
    /** Events the input thread takes from one viewer before the next viewer's turn. */
    private static final int TURN = 16;

    private final Admission admission;
    private final ExecutorService thread;

    InputDispatch(Admission admission) {
        this.admission = admission;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(BACKLOG),
                Thread.ofPlatform().name("simcast-input").daemon().factory());
    }

    /**
     * One input message: parsed and checked against the viewer's role here, then left in the viewer's mailbox for
     * the input thread. Refusals are answered on the viewer's channel. Any thread.
     */
    void input(Viewer viewer, JsonNode message) {
        InputEvent event;
        try {
            event = InputEvent.parse(message);
        } catch (IllegalArgumentException e) {
            admission.refuse(viewer, "bad_input", e.getMessage());
            return;
        }
        String refusal = InputPolicy.refusal(viewer.grant().role(), event);
        if (refusal != null) {
            admission.refuse(viewer, "forbidden", refusal);
            return;
        }
        switch (viewer.mailbox().offer(event)) {
            case WAKE -> schedule(viewer);
            case DROPPED -> {
                if (viewer.conduct().reportDropNow(System.nanoTime())) {
                    viewer.channel().error("input_dropped", StreamingMessages.inputDropped());
                }
            }
            case QUEUED -> { }
        }
    }

    private void schedule(Viewer viewer) {
        try {
            thread.execute(() -> drain(viewer));
        } catch (RejectedExecutionException e) {
            viewer.mailbox().poll(); // shutting down: nothing will drain it
        }
    }

    /** Input thread: applies a turn's worth of the viewer's events, then lets the next viewer have a turn. */
    private void drain(Viewer viewer) {
        for (int i = 0; i < TURN; i++) {
            InputEvent event = viewer.mailbox().poll();
            if (event == null) {
                return;
            }
            if (viewer.isClosed()) {
                continue;
            }
            try {
                viewer.input().apply(event);
            } catch (IllegalArgumentException e) {
                viewer.channel().error("bad_input", e.getMessage());
            }
        }
        schedule(viewer);
    }

    /** Stops the input thread after the turns already queued. */
    @Override
    public void close() {
        thread.shutdown();
    }
}
