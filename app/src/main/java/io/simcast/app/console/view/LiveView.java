package io.simcast.app.console.view;

import io.simcast.app.console.kit.Texts;
import io.simcast.sim.render.Modifiers;
import io.simcast.sim.render.PointerButton;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.util.Duration;

/**
 * The live view in the window ({@code #live-view}): the renderer's frames for the console's view, shown through a
 * {@link PixelBuffer}-backed {@link WritableImage} (no AWT, no per-frame allocation), and the mouse of simulate. The
 * frames arrive through {@link FrameFeed}; once per pulse the newest one is copied into the image (a memory copy of
 * pixels already in JavaFX's layout), so the JavaFX thread never waits for rendering. Without a renderer the area
 * says why. Binds and delegates to {@link LiveViewModel}; JavaFX thread.
 */
public final class LiveView {
    /** simulate zooms one step per wheel notch; JavaFX reports a notch as this many pixels when it says nothing. */
    private static final double PIXELS_PER_NOTCH = 40;
    private static final double LABEL_INSET = 8;

    private final LiveViewModel model;
    private final Area area = new Area();
    private final ImageView imageView = new ImageView();
    /** "Paused" in the view's corner, as simulate writes it. */
    private final Label paused = new Label(Texts.PAUSED);
    /** "Selected: link3" in the other corner while a body is selected. */
    private final Label selected = new Label();
    /** The camera's name at the bottom left for a moment after it changes, as simulate shows it in its panel. */
    private final Label camera = new Label();
    private final PauseTransition cameraFades = new PauseTransition(Duration.seconds(3));
    private final AnimationTimer pulses;
    private FrameFeed feed;
    private PixelBuffer<ByteBuffer> pixels;
    private WritableImage image;

    public LiveView(LiveViewModel model) {
        this.model = model;
        area.setId("live-view");
        area.getStyleClass().add("live-view");
        area.setFocusTraversable(true);
        imageView.setId("live-view-image");
        imageView.setManaged(false);
        area.getChildren().add(imageView);
        paused.setId("live-view-paused");
        paused.getStyleClass().add("view-label");
        paused.setVisible(false);
        paused.setMouseTransparent(true);
        area.getChildren().add(paused);
        selected.setId("live-view-selected");
        selected.getStyleClass().add("view-label");
        selected.setMouseTransparent(true);
        selected.visibleProperty().bind(selected.textProperty().isNotEmpty());
        area.getChildren().add(selected);
        camera.setId("live-view-camera");
        camera.getStyleClass().add("view-label");
        camera.setMouseTransparent(true);
        camera.setVisible(false);
        cameraFades.setOnFinished(event -> camera.setVisible(false));
        area.getChildren().add(camera);
        if (model.problem() != null) {
            Label message = new Label(model.problem());
            message.setId("live-view-message");
            message.setWrapText(true);
            message.setPadding(new Insets(24));
            area.getChildren().add(message);
        }
        area.setOnMousePressed(this::pressed);
        area.setOnMouseDragged(event -> model.drag(event.getX(), event.getY(), modifiers(event)));
        area.setOnMouseReleased(event -> button(event.getButton())
                .ifPresent(button -> model.release(event.getX(), event.getY(), button)));
        area.setOnMouseClicked(this::clicked);
        area.setOnScroll(this::scrolled);
        pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse();
            }
        };
    }

    public Node node() {
        return area;
    }

    /** Writes "Paused" over the picture while {@code playing} is false. */
    public void showPaused(ObservableBooleanValue playing) {
        paused.visibleProperty().bind(Bindings.not(playing));
    }

    /** Names the selected body in the view's top left corner ({@code text} empty: nothing selected). */
    public void showSelected(ObservableStringValue text) {
        selected.textProperty().bind(text);
    }

    /** Names the camera just chosen ("Camera: top", "Free camera") for a few seconds. */
    public void showCamera(String text) {
        camera.setText(text);
        camera.setVisible(true);
        cameraFades.playFromStart();
    }

    /** Starts taking frames (the view renders while someone takes them). */
    public void start() {
        model.view().ifPresent(view -> {
            feed = new FrameFeed(view);
            pulses.start();
        });
    }

    /** Stops taking frames; the view stops rendering for the console. */
    public void stop() {
        pulses.stop();
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }

    /** The picture on screen as ARGB ints, top row first, {@link #shownWidth()} wide; null before the first frame. */
    public int[] shownPixels() {
        if (image == null) {
            return null;
        }
        int width = shownWidth();
        int height = shownHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return argb;
    }

    public int shownWidth() {
        return image == null ? 0 : (int) image.getWidth();
    }

    public int shownHeight() {
        return image == null ? 0 : (int) image.getHeight();
    }

    /**
     * Saves what the view shows (Ctrl+P).
     *
     * @return completes on the JavaFX thread with the file, or with null when nothing was written
     */
    public CompletableFuture<Path> saveScreenshot() {
        return model.saveScreenshot(shownPixels(), shownWidth(), shownHeight());
    }

    private void pulse() {
        FrameMeter meter = model.meter();
        meter.pulse(System.nanoTime());
        Picture picture = feed.poll();
        if (picture == null) {
            return;
        }
        long start = System.nanoTime();
        show(picture);
        meter.shown(picture.number(), picture.capturedNanos(), start, System.nanoTime());
        feed.recycle(picture);
    }

    /** Copies the picture into the image, making a new image only when the size changed. */
    private void show(Picture picture) {
        if (pixels == null || pixels.getWidth() != picture.width() || pixels.getHeight() != picture.height()) {
            pixels = new PixelBuffer<>(picture.width(), picture.height(),
                    ByteBuffer.allocateDirect(picture.width() * picture.height() * 4),
                    PixelFormat.getByteBgraPreInstance());
            image = new WritableImage(pixels);
            imageView.setImage(image);
        }
        pixels.updateBuffer(buffer -> {
            buffer.getBuffer().clear().put(picture.bgra());
            return null; // all of it changed
        });
    }

    private void pressed(MouseEvent event) {
        area.requestFocus();
        button(event.getButton()).ifPresent(button -> model.press(event.getX(), event.getY(), button,
                modifiers(event)));
    }

    private void clicked(MouseEvent event) {
        if (event.getClickCount() == 2 && event.isStillSincePress()) {
            button(event.getButton()).ifPresent(button -> model.doubleClick(event.getX(), event.getY(), button,
                    modifiers(event)));
        }
    }

    private void scrolled(ScrollEvent event) {
        double perNotch = event.getMultiplierY() > 0 ? event.getMultiplierY() : PIXELS_PER_NOTCH;
        model.wheel(event.getDeltaY() / perNotch);
    }

    private static Modifiers modifiers(MouseEvent event) {
        return new Modifiers(event.isShiftDown(), event.isControlDown());
    }

    private static Optional<PointerButton> button(MouseButton button) {
        return Optional.ofNullable(switch (button) {
            case PRIMARY -> PointerButton.LEFT;
            case SECONDARY -> PointerButton.RIGHT;
            case MIDDLE -> PointerButton.MIDDLE;
            default -> null;
        });
    }

    /**
     * The view's area: as small as the split pane wants it (the image never props it open), the image stretched
     * over it until a frame of the new size arrives, and the size handed to the view on every layout.
     */
    private final class Area extends Pane {
        @Override
        protected void layoutChildren() {
            double width = getWidth();
            double height = getHeight();
            imageView.relocate(0, 0);
            imageView.setFitWidth(width);
            imageView.setFitHeight(height);
            paused.autosize();
            paused.relocate(Math.max(0, width - paused.getWidth() - LABEL_INSET), LABEL_INSET);
            selected.autosize();
            selected.relocate(LABEL_INSET, LABEL_INSET);
            camera.autosize();
            camera.relocate(LABEL_INSET, Math.max(0, height - camera.getHeight() - LABEL_INSET));
            getChildren().stream().filter(node -> node instanceof Label && node != paused && node != selected
                            && node != camera)
                    .forEach(label -> {
                        label.resize(width, label.prefHeight(width));
                        label.relocate(0, Math.max(0, (height - label.prefHeight(width)) / 2));
                    });
            double scale = getScene() != null && getScene().getWindow() != null
                    ? getScene().getWindow().getRenderScaleX() : 1;
            model.layout(width, height, scale);
        }

        @Override
        protected double computeMinWidth(double height) {
            return 0;
        }

        @Override
        protected double computeMinHeight(double width) {
            return 0;
        }

        @Override
        protected double computePrefWidth(double height) {
            return LiveRendering.FIRST_WIDTH;
        }

        @Override
        protected double computePrefHeight(double width) {
            return LiveRendering.FIRST_HEIGHT;
        }
    }
}
