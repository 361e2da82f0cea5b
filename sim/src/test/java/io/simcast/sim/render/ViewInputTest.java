package io.simcast.sim.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Pointer events become exactly simulate's gestures; the console and browsers share this mapping. */
class ViewInputTest {

    /** Records what the input asked of the view. */
    private static final class RecordingView implements ViewControls {
        final List<String> calls = new ArrayList<>();

        @Override
        public int height() {
            return 200;
        }

        @Override
        public void move(DragAction action, double reldx, double reldy) {
            calls.add("move " + action + " " + reldx + " " + reldy);
        }

        @Override
        public CompletableFuture<Pick> select(double x, double y) {
            calls.add("select " + x + " " + y);
            return CompletableFuture.completedFuture(Pick.NONE);
        }

        @Override
        public CompletableFuture<Pick> lookAt(double x, double y) {
            calls.add("lookAt " + x + " " + y);
            return CompletableFuture.completedFuture(Pick.NONE);
        }

        @Override
        public CompletableFuture<Pick> trackAt(double x, double y) {
            calls.add("trackAt " + x + " " + y);
            return CompletableFuture.completedFuture(Pick.NONE);
        }

        @Override
        public void beginPerturb(PerturbMode mode, double x, double y) {
            calls.add("begin " + mode + " " + x + " " + y);
        }

        @Override
        public void dragPerturb(double x, double y, boolean horizontal) {
            calls.add("drag " + x + " " + y + (horizontal ? " horizontal" : ""));
        }

        @Override
        public void endPerturb() {
            calls.add("end");
        }
    }

    private final RecordingView view = new RecordingView();
    private final ViewInput input = new ViewInput(view);

    private List<String> drag(PointerButton button, Modifiers modifiers) {
        input.pointerDown(100, 100, button, modifiers);
        input.pointerMove(120, 90, modifiers);
        input.pointerUp(120, 90, button);
        return view.calls;
    }

    @Test
    void leftDragRotatesRightDragMovesMiddleDragZoomsByPixelsOverTheViewHeight() {
        assertThat(drag(PointerButton.LEFT, Modifiers.NONE)).containsExactly("move ROTATE_VERTICAL 0.1 -0.05");
        view.calls.clear();
        assertThat(drag(PointerButton.RIGHT, Modifiers.NONE)).containsExactly("move MOVE_VERTICAL 0.1 -0.05");
        view.calls.clear();
        assertThat(drag(PointerButton.MIDDLE, Modifiers.NONE)).containsExactly("move ZOOM 0.1 -0.05");
    }

    @Test
    void shiftGivesTheHorizontalVariants() {
        assertThat(drag(PointerButton.LEFT, Modifiers.SHIFT)).containsExactly("move ROTATE_HORIZONTAL 0.1 -0.05");
        view.calls.clear();
        assertThat(drag(PointerButton.RIGHT, Modifiers.SHIFT)).containsExactly("move MOVE_HORIZONTAL 0.1 -0.05");
    }

    @Test
    void ctrlLeftDragRotatesAndCtrlRightDragTranslatesTheSelectedBody() {
        assertThat(drag(PointerButton.LEFT, Modifiers.CONTROL))
                .containsExactly("begin ROTATE 100.0 100.0", "drag 120.0 90.0", "end");
        view.calls.clear();
        assertThat(drag(PointerButton.RIGHT, Modifiers.CONTROL))
                .containsExactly("begin TRANSLATE 100.0 100.0", "drag 120.0 90.0", "end");
        view.calls.clear();
        assertThat(drag(PointerButton.RIGHT, new Modifiers(true, true)))
                .containsExactly("begin TRANSLATE 100.0 100.0", "drag 120.0 90.0 horizontal", "end");
        view.calls.clear();
        assertThat(drag(PointerButton.MIDDLE, Modifiers.CONTROL)).as("Ctrl+middle still zooms")
                .containsExactly("move ZOOM 0.1 -0.05");
    }

    @Test
    void theWheelZoomsFivePercentPerNotchAsSimulate() {
        input.wheel(0, 2);
        input.wheel(3, 0);
        assertThat(view.calls).containsExactly("move ZOOM 0.0 -0.1");
    }

    @Test
    void doubleClicksSelectLookAtAndTrack() {
        input.doubleClick(10, 20, PointerButton.LEFT, Modifiers.NONE);
        input.doubleClick(10, 20, PointerButton.RIGHT, Modifiers.NONE);
        input.doubleClick(10, 20, PointerButton.RIGHT, Modifiers.CONTROL);
        input.doubleClick(10, 20, PointerButton.MIDDLE, Modifiers.NONE);
        assertThat(view.calls).containsExactly("select 10.0 20.0", "lookAt 10.0 20.0", "trackAt 10.0 20.0");
    }

    @Test
    void hoveringDoesNothingAndTheFirstButtonOwnsTheDrag() {
        input.pointerMove(5, 5, Modifiers.NONE);
        input.pointerDown(100, 100, PointerButton.LEFT, Modifiers.NONE);
        input.pointerDown(100, 100, PointerButton.RIGHT, Modifiers.CONTROL); // ignored: left owns the drag
        input.pointerMove(100, 120, Modifiers.NONE);
        input.pointerUp(100, 120, PointerButton.RIGHT); // not the owner
        input.pointerMove(100, 140, Modifiers.NONE);
        input.pointerUp(100, 140, PointerButton.LEFT);
        input.pointerMove(100, 160, Modifiers.NONE);
        assertThat(view.calls).containsExactly("move ROTATE_VERTICAL 0.0 0.1", "move ROTATE_VERTICAL 0.0 0.1");
    }

    @Test
    void aDragThroughTheInputMovesARealViewLikeTheDirectCall() throws Exception {
        try (RenderFixture fixture = new RenderFixture(RenderScenes.COLOURED_BOXES)) {
            View dragged = fixture.view(160, 120, Quality.FAST);
            View direct = fixture.view(160, 120, Quality.FAST);
            ViewInput mouse = new ViewInput(dragged);
            mouse.pointerDown(50, 50, PointerButton.LEFT, Modifiers.NONE);
            mouse.pointerMove(74, 62, Modifiers.NONE);
            mouse.pointerUp(74, 62, PointerButton.LEFT);
            direct.orbit(24.0 / 120, 12.0 / 120);
            Picture a = RenderFixture.after(dragged);
            Picture b = RenderFixture.after(direct);
            assertThat(a.differingFraction(b, 0)).isZero();
            assertThat(a.differingFraction(RenderFixture.after(fixture.view(160, 120, Quality.FAST)), 8))
                    .isGreaterThan(0.05);
        }
    }
}
