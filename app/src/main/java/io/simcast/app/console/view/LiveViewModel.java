package io.simcast.app.console.view;

import io.simcast.app.console.kit.Failures;
import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.log.LogViewModel;
import io.simcast.app.png.PngFile;
import io.simcast.sim.render.Modifiers;
import io.simcast.sim.render.PointerButton;
import io.simcast.sim.render.View;
import io.simcast.sim.render.ViewInput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The live view's behaviour: the console's {@link View} follows the size the window gives it, pointer gestures go
 * through {@link ViewInput} exactly as simulate's (and the browser page's), and Ctrl+P writes what the view shows to
 * a PNG file (the camera keys are the {@code ControlViewModel}'s). Without a renderer every action does nothing and
 * {@link #problem()} says why.
 *
 * <p>JavaFX thread: view calls only queue work for the render thread; PNG files are written on the IO thread and
 * reported through {@code fx}.
 */
public final class LiveViewModel {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final int MIN_SIZE = 16;

    private final View view;
    private final String problem;
    private final ViewInput gestures;
    private final FrameMeter meter = new FrameMeter();
    private final Path screenshots;
    private final Supplier<String> sceneId;
    private final LogViewModel log;
    private final Executor io;
    private final Executor fx;
    private double scale = 1;

    /**
     * @param screenshots the folder Ctrl+P writes to
     * @param sceneId names the running scene in screenshot file names
     */
    public LiveViewModel(LiveRendering rendering, Path screenshots, Supplier<String> sceneId, LogViewModel log,
                         Executor io, Executor fx) {
        this.view = rendering.view().orElse(null);
        this.problem = rendering.problem();
        this.gestures = view == null ? null : new ViewInput(view);
        this.screenshots = screenshots;
        this.sceneId = sceneId;
        this.log = log;
        this.io = io;
        this.fx = fx;
    }

    /** The console's view, or empty without a renderer. */
    public Optional<View> view() {
        return Optional.ofNullable(view);
    }

    /** What the view area says instead of a picture, or null when it shows one. */
    public String problem() {
        return problem == null ? null : Texts.noLiveView(problem);
    }

    /** Frames shown, their delay and the JavaFX pulse gaps. */
    public FrameMeter meter() {
        return meter;
    }

    /**
     * The view area is {@code width} x {@code height} layout units on a screen with {@code pixelScale} pixels per
     * unit: the view renders that many pixels (at least {@value MIN_SIZE} a side), so the picture is shown 1:1.
     */
    public void layout(double width, double height, double pixelScale) {
        if (view == null || width <= 0 || height <= 0) {
            return;
        }
        int pixelsWide = Math.max(MIN_SIZE, (int) Math.round(width * pixelScale));
        int pixelsHigh = Math.max(MIN_SIZE, (int) Math.round(height * pixelScale));
        scale = pixelsWide / width;
        if (pixelsWide != view.width() || pixelsHigh != view.height()) {
            view.resize(pixelsWide, pixelsHigh);
        }
    }

    // ---- pointer: positions in layout units from the view area's top-left corner ------------------------------

    public void press(double x, double y, PointerButton button, Modifiers modifiers) {
        if (gestures != null) {
            gestures.pointerDown(x * scale, y * scale, button, modifiers);
        }
    }

    public void drag(double x, double y, Modifiers modifiers) {
        if (gestures != null) {
            gestures.pointerMove(x * scale, y * scale, modifiers);
        }
    }

    public void release(double x, double y, PointerButton button) {
        if (gestures != null) {
            gestures.pointerUp(x * scale, y * scale, button);
        }
    }

    /** The wheel turned {@code notches}, positive away from the user (zooms in). */
    public void wheel(double notches) {
        if (gestures != null) {
            gestures.wheel(0, notches);
        }
    }

    public void doubleClick(double x, double y, PointerButton button, Modifiers modifiers) {
        if (gestures != null) {
            gestures.doubleClick(x * scale, y * scale, button, modifiers);
        }
    }

    // ---- Ctrl+P ----------------------------------------------------------------------------------------------

    /**
     * Writes the picture on screen ({@code argb}, top row first) to a new PNG file in the screenshots folder and
     * logs where; {@code argb} null means nothing is shown yet.
     *
     * @return completes with the file, or with null when nothing was written
     */
    public CompletableFuture<Path> saveScreenshot(int[] argb, int width, int height) {
        if (argb == null) {
            log.problem(Texts.NO_PICTURE_YET);
            return CompletableFuture.completedFuture(null);
        }
        Path file = screenshots.resolve("simcast-" + sceneId.get().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + FILE_TIME.format(ZonedDateTime.now(ZoneId.systemDefault())) + ".png");
        return CompletableFuture.supplyAsync(() -> {
            try {
                PngFile.write(argb, width, height, true, file);
                return file;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io).handleAsync((written, failure) -> {
            if (failure != null) {
                log.problem(Texts.cannotSaveScreenshot(file, Failures.cause(failure).getMessage()));
                return null;
            }
            log.info(Texts.screenshotSaved(written));
            return written;
        }, fx);
    }
}
