package io.simcast.app.console.ui;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Files dragged from the desktop and dropped on a window, as the platform delivers them: DRAG_OVER, then
 * DRAG_DROPPED, with the files on the dragboard. JavaFX offers no public way to make a dragboard, so this one sits
 * on an in-memory clipboard of JavaFX's internal toolkit interface. JavaFX thread.
 */
final class DesktopDrag implements TKClipboard {
    private final Map<DataFormat, Object> content = new HashMap<>();

    private DesktopDrag(List<File> files) {
        content.put(DataFormat.FILES, List.copyOf(files));
    }

    /** Drags {@code files} over {@code scene} and drops them there. */
    static void drop(Scene scene, List<File> files) {
        Dragboard board = DragboardHelper.createDragboard(new DesktopDrag(files));
        for (var type : List.of(DragEvent.DRAG_OVER, DragEvent.DRAG_DROPPED)) {
            Event.fireEvent(scene, new DragEvent(type, board, 400, 300, 400, 300, TransferMode.COPY, null, null, null));
        }
    }

    @Override
    public Set<DataFormat> getContentTypes() {
        return content.keySet();
    }

    @SafeVarargs
    @Override
    public final boolean putContent(Pair<DataFormat, Object>... pairs) {
        for (Pair<DataFormat, Object> pair : pairs) {
            content.put(pair.getKey(), pair.getValue());
        }
        return true;
    }

    @Override
    public Object getContent(DataFormat format) {
        return content.get(format);
    }

    @Override
    public boolean hasContent(DataFormat format) {
        return content.containsKey(format);
    }

    @Override
    public Set<TransferMode> getTransferModes() {
        return Set.of(TransferMode.COPY, TransferMode.LINK);
    }

    @Override
    public void setDragView(Image image) {
        // a drop from the desktop shows no drag view
    }

    @Override
    public void setDragViewOffsetX(double offsetX) {
        // a drop from the desktop shows no drag view
    }

    @Override
    public void setDragViewOffsetY(double offsetY) {
        // a drop from the desktop shows no drag view
    }

    @Override
    public Image getDragView() {
        return null;
    }

    @Override
    public double getDragViewOffsetX() {
        return 0;
    }

    @Override
    public double getDragViewOffsetY() {
        return 0;
    }
}
