package io.simcast.sim.render;

/** How a drag perturbs the selected body, as simulate's Ctrl+left (rotate) and Ctrl+right (translate) drags. */
public enum PerturbMode {
    /** A spring turns the body toward the dragged orientation. */
    ROTATE,
    /** A spring pulls the grab point toward the dragged position. */
    TRANSLATE;

    /** The drag action simulate uses for this mode; {@code horizontal} is its Shift variant. */
    DragAction action(boolean horizontal) {
        return switch (this) {
            case ROTATE -> horizontal ? DragAction.ROTATE_HORIZONTAL : DragAction.ROTATE_VERTICAL;
            case TRANSLATE -> horizontal ? DragAction.MOVE_HORIZONTAL : DragAction.MOVE_VERTICAL;
        };
    }
}
