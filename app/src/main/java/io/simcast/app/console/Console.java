package io.simcast.app.console;

import io.simcast.app.console.kit.ToolWindow;
import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.control.ControlBar;
import io.simcast.app.console.control.ControlViewModel;
import io.simcast.app.console.editor.EditorViewModel;
import io.simcast.app.console.editor.MjcfEditor;
import io.simcast.app.console.editor.find.FindViewModel;
import io.simcast.app.console.files.Autosaver;
import io.simcast.app.console.files.DialogService;
import io.simcast.app.console.files.DocumentViewModel;
import io.simcast.app.console.files.FileDrop;
import io.simcast.app.console.files.RecoveryBar;
import io.simcast.app.console.files.RecoveryViewModel;
import io.simcast.app.console.generate.GenerateView;
import io.simcast.app.console.generate.GenerateViewModel;
import io.simcast.app.console.generate.ProvidersView;
import io.simcast.app.console.generate.ProvidersViewModel;
import io.simcast.app.console.help.HelpWindow;
import io.simcast.app.console.keys.ConsoleKey;
import io.simcast.app.console.keys.KeyDispatcher;
import io.simcast.app.console.log.LogView;
import io.simcast.app.console.panels.PanelFeed;
import io.simcast.app.console.panels.PanelsView;
import io.simcast.app.console.panels.PanelsViewModel;
import io.simcast.sim.physics.PanelSample;
import io.simcast.app.console.log.LogViewModel;
import io.simcast.app.console.record.RecordViewModel;
import io.simcast.sim.render.Renderer;
import io.simcast.streaming.host.StreamingHost;
import io.simcast.streaming.input.Control;
import io.simcast.app.console.scenes.ScenesView;
import io.simcast.app.console.scenes.ScenesViewModel;
import io.simcast.app.console.session.SimulationSession;
import io.simcast.app.console.session.SnapshotPoller;
import io.simcast.app.console.status.StatusBar;
import io.simcast.app.console.status.StatusViewModel;
import io.simcast.app.console.viewers.NetworkSwitch;
import io.simcast.app.console.viewers.ViewersView;
import io.simcast.app.console.viewers.ViewersViewModel;
import io.simcast.app.console.monitor.ConsoleSample;
import io.simcast.app.console.monitor.Sampler;
import io.simcast.app.console.stats.StatisticsView;
import io.simcast.app.console.stats.StatisticsViewModel;
import io.simcast.app.console.view.FrameMeter;
import io.simcast.app.console.view.LiveView;
import io.simcast.app.console.view.LiveViewModel;
import io.simcast.generate.ConnectionTester;
import io.simcast.generate.GenerationOptions;
import io.simcast.sim.physics.SimulationListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.scene.Scene;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The operator console: one window with the MJCF editor, the live view's place, the side panels and the status bar,
 * wired to the simulation. The composition root of the console's features; the features themselves live in the
 * sub-packages, each with its view-model and view.
 *
 * <p>Made, shown and closed on the JavaFX thread, which it never makes wait: physics is read from snapshots,
 * compiling and disk work happen on the services' threads.
 */
public final class Console {
    /** Unsaved text is on disk at most this long after a change. */
    public static final Duration AUTOSAVE_PERIOD = Duration.ofSeconds(3);
    /** Where Ctrl+P puts pictures of the live view, inside the data folder. */
    public static final String SCREENSHOTS = "screenshots";
    /** The Record button's video rate: the streaming default. */
    static final int RECORDING_FPS = 30;

    private final Stage stage;
    private final SimulationSession session;
    private final DocumentViewModel documents;
    private final RecoveryViewModel recovery;
    private final MjcfEditor editorView;
    private final HelpWindow help;
    private final ToolWindow generateWindow;
    private final ToolWindow providersWindow;
    private final GenerateViewModel generate;
    private final ProvidersViewModel providers;
    private final SnapshotPoller poller;
    private final SimulationListener logEvents;
    private final Autosaver autosaver;
    private final LiveViewModel live;
    private final LiveView liveView;
    private final ConsoleLayout layout;
    private final Sampler sampler;
    private final PanelFeed panelFeed;
    private final Consumer<PanelSample> panelUpdates;
    private final List<Consumer<ConsoleSample>> sampleConsumers;

    public Console(Stage stage, ConsoleServices services, Function<Window, DialogService> dialogs,
                   Duration autosavePeriod) {
        this.stage = stage;
        this.session = services.session();
        Executor fx = Platform::runLater;
        LogViewModel log = new LogViewModel();
        services.startupNotes().forEach(log::info);
        documents = new DocumentViewModel(services.firstDocument(), services.preferences(), dialogs.apply(stage),
                log, services.io(), fx);
        EditorViewModel editor = new EditorViewModel(documents, session, log, fx);
        StatusViewModel status = new StatusViewModel(session.snapshot(), editor);
        recovery = new RecoveryViewModel(services.recovery(), documents, services.io(), fx);
        autosaver = new Autosaver(services.recovery(), services.io(), autosavePeriod);
        autosaver.watch(documents);
        logEvents = event -> fx.execute(() -> log.simulationEvent(event));
        session.addListener(logEvents);

        live = new LiveViewModel(services.rendering(), services.dataFolder().resolve(SCREENSHOTS),
                () -> session.snapshot().sceneId(), log, services.io(), fx);
        liveView = new LiveView(live);
        ControlViewModel controls = new ControlViewModel(session, live.view());
        liveView.showPaused(controls.playing());
        liveView.showSelected(status.selected());
        controls.onCameraChange(() -> live.view().ifPresent(view -> view.fixedCameraName().thenAcceptAsync(
                name -> liveView.showCamera(name.map(Texts::camera).orElse(Texts.FREE_CAMERA)), fx)));
        Runnable savePicture = () -> liveView.saveScreenshot().thenAccept(file -> {
            if (file != null) {
                status.notice(Texts.screenshotSaved(file));
            }
        });

        editorView = new MjcfEditor(documents, editor, new FindViewModel(), services.analysis());
        help = new HelpWindow(stage);
        providers = new ProvidersViewModel(services::llm, ConnectionTester.DEFAULT_TIMEOUT, services.llmThread(), fx);
        generate = new GenerateViewModel(services::llm, GenerationOptions.DEFAULT, documents, editor, log,
                services.llmThread(), fx);
        providers.addChangeListener(generate::refresh);
        providersWindow = new ToolWindow(stage, Texts.PROVIDERS_TITLE, () -> new ProvidersView(providers), 640, 460);
        generateWindow = new ToolWindow(stage, Texts.GENERATE_TITLE,
                () -> new GenerateView(generate, this::showLlmSettings), 680, 540);
        VBox editorColumn = new VBox(new RecoveryBar(recovery), editorView.node());
        VBox.setVgrow(editorView.node(), Priority.ALWAYS);
        layout = new ConsoleLayout(
                new ConsoleMenu(documents, services.preferences().recentFiles(), editor, editorView, help,
                        this::showGenerate, this::showLlmSettings, this::requestClose),
                new ControlBar(controls, live.view().isPresent(), savePicture,
                        new RecordViewModel(services.sharing().host().map(StreamingHost::recordings), live.view(),
                                RECORDING_FPS, log, services.io(), fx), editor,
                        MjcfEditor.APPLY_KEY.getDisplayText()),
                editorColumn,
                liveView.node(),
                new StatusBar(status, editor));
        layout.addSidePanel(SidePanel.SCENES, new ScenesView(new ScenesViewModel(documents, services.preferences())));
        layout.addSidePanel(SidePanel.LOG, new LogView(log));
        PanelsViewModel panels = new PanelsViewModel(session);
        PanelsView panelsView = new PanelsView(panels, live.view());
        layout.addSidePanel(SidePanel.SIMULATE, panelsView);
        controls.onPanelKey(panel -> {
            if (panel == Control.Panel.HELP) {
                help.show();
            } else if (panelsView.toggle(panel)) {
                layout.selectSidePanel(SidePanel.SIMULATE);
            }
        });
        panelFeed = new PanelFeed(session, Renderer.drawing(services.rendering().renderer()));
        panelUpdates = sample -> {
            panels.update(sample);
            panelsView.show(sample);
        };
        ViewersViewModel viewers = new ViewersViewModel(services.sharing(), log, fx);
        layout.addSidePanel(SidePanel.VIEWERS, new ViewersView(viewers,
                new NetworkSwitch(services.preferences(), viewers.address() != null && !viewers.localOnly())));
        StatisticsViewModel statistics = new StatisticsViewModel();
        layout.addSidePanel(SidePanel.STATISTICS, new StatisticsView(statistics));
        sampler = new Sampler(session::snapshot, services.rendering().renderer(), live.meter(),
                services.sharing().host());
        sampleConsumers = List.of(viewers::update, statistics::update);

        Scene scene = new Scene(layout.root(), 1400, 860);
        scene.getStylesheets().add(Console.class.getResource("console.css").toExternalForm());
        KeyDispatcher keys = KeyDispatcher.install(scene);
        for (ConsoleKey key : ConsoleKey.values()) {
            key.action().ifPresent(action -> keys.bind(key, () -> controls.perform(action)));
        }
        keys.bind(ConsoleKey.SCREENSHOT, savePicture);
        FileDrop.install(scene, documents);
        poller = new SnapshotPoller(session, List.of(controls::update, status::update));
        stage.titleProperty().bind(documents.title());
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            event.consume();
            requestClose();
        });
    }

    /** Shows the window with the editor focused, and offers back what an earlier run left unsaved. */
    public void show() {
        stage.show();
        poller.start();
        liveView.start();
        sampler.start(sampleConsumers, Platform::runLater);
        panelFeed.start(panelUpdates, Platform::runLater);
        editorView.area().requestFocus();
        recovery.lookForLeftovers();
    }

    /** How well the live view keeps up: what the statistics panel shows and {@code simcast bench console} reads. */
    public FrameMeter liveViewMeter() {
        return live.meter();
    }

    /** The size in pixels of the picture the live view shows now; 0 x 0 before the first one. JavaFX thread. */
    public Dimension2D liveViewPicture() {
        return new Dimension2D(liveView.shownWidth(), liveView.shownHeight());
    }

    /**
     * One step of giving the live view {@code width} x {@code height} layout units (for a benchmark at a known size):
     * returns true when it has that size, else moves things towards it; call again after the next pulse.
     * JavaFX thread.
     */
    public boolean fitLiveView(double width, double height) {
        return layout.fitLiveView(stage, liveView.node(), width, height);
    }

    /** Opens "Generate scene", with the providers as set up now. */
    public void showGenerate() {
        generate.refresh();
        generateWindow.show();
    }

    /** Opens the language-model settings. */
    public void showLlmSettings() {
        providers.refresh();
        providersWindow.show();
    }

    /** Closes once unsaved changes are saved or given up (the person decides); what the window's close does. */
    public void requestClose() {
        documents.mayReplace().thenAccept(close -> {
            if (close) {
                if (documents.dirty().get()) {
                    autosaver.discard(); // "Don't save": the person gave the text up
                }
                close();
            }
        });
    }

    /** Closes the window now, without asking: unsaved text stays in the recovery folder for the next start. */
    public void close() {
        poller.stop();
        liveView.stop();
        sampler.close();
        panelFeed.close();
        session.removeListener(logEvents);
        generate.cancel();
        help.close();
        generateWindow.close();
        providersWindow.close();
        stage.close();
    }
}
