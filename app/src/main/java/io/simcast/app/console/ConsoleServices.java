package io.simcast.app.console;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.files.ConsolePreferences;
import io.simcast.app.console.files.EditorDocument;
import io.simcast.app.console.files.RecoveryStore;
import io.simcast.app.console.session.SimulationSession;
import io.simcast.app.console.session.WorkerThreads;
import io.simcast.app.console.view.LiveRendering;
import io.simcast.app.console.viewers.Sharing;
import io.simcast.generate.LlmConfiguration;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.sim.scene.SceneLoadException;
import io.simcast.sim.scene.SceneLocator;
import io.simcast.sim.scene.SceneSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a console window works with, made before the window opens and closed after it is gone: the preferences and
 * recovery files of the data folder, the console's IO, editor-analysis and language-model threads, the simulation
 * running the first scene (the one asked for, else the last one, else {@value #DEFAULT_SCENE}), its renderer with
 * the console's view, and the embedded streaming host that shares it.
 *
 * <p>Made and closed on the main thread (or a test's), never on the JavaFX thread: starting compiles a scene, creates
 * the EGL context and binds the host's port; closing waits for the threads.
 */
public final class ConsoleServices implements AutoCloseable {
    /** The scene a console starts with when nothing else is asked for or remembered. */
    public static final String DEFAULT_SCENE = "pendulum";

    private final ScheduledExecutorService io = WorkerThreads.scheduled("simcast-console-io");
    private final ExecutorService analysis = WorkerThreads.single("simcast-console-editor");
    private final ExecutorService llmThread = WorkerThreads.single("simcast-console-llm");
    private final ConsolePreferences preferences;
    private final RecoveryStore recovery;
    private final List<String> startupNotes = new ArrayList<>();
    private final EditorDocument firstDocument;
    private final SimulationSession session;
    private final LiveRendering rendering;
    private final Sharing sharing;
    private final Path dataFolder;
    private final Supplier<LlmConfiguration> llm;

    private ConsoleServices(ConsoleOptions options, Function<Simulation, LiveRendering> renderingFor,
            SimulationSession.Compiler sessionCompiler) {
        dataFolder = options.dataFolder();
        preferences = ConsolePreferences.load(dataFolder, io);
        recovery = new RecoveryStore(dataFolder.resolve("recovery"),
                "run-" + System.currentTimeMillis() + "-" + ProcessHandle.current().pid());
        String wanted = options.scene() != null ? options.scene() : preferences.lastScene().orElse(DEFAULT_SCENE);
        SceneCompiler compiler = new SceneCompiler();
        EditorDocument document;
        Scene scene;
        try {
            SceneSource source = SceneLocator.locate(wanted, SceneLimits.DEFAULT);
            document = documentOf(source);
            scene = compile(compiler, source, wanted, document);
        } catch (SceneLoadException e) {
            startupNotes.add(Texts.fellBack(wanted, e.getMessage()));
            document = documentOf(defaultSource());
            scene = compileDefault(compiler);
        }
        firstDocument = document;
        startupNotes.add(Texts.startedWith(scene.title()));
        session = SimulationSession.start(scene, sessionCompiler);
        rendering = renderingFor.apply(session.simulation());
        if (rendering.problem() != null) {
            startupNotes.add(rendering.problem());
        }
        llm = LlmConfiguration.lazily(options.llm());
        sharing = Sharing.start(options.sharing(), preferences.shareOnNetwork(), session.simulation(),
                rendering.forStreaming(), llm);
        sharing.host().ifPresentOrElse(host -> startupNotes.add(Texts.sharingAt(host.address())),
                () -> startupNotes.add(sharing.problem()));
    }

    /** Starts the services as {@code options} say. */
    public static ConsoleServices start(ConsoleOptions options) {
        return start(options, LiveRendering::start);
    }

    /**
     * As {@link #start(ConsoleOptions)}, rendering with what {@code renderingFor} makes of the simulation: tests give
     * {@link LiveRendering#unavailable} to see the console without EGL (a process that once rendered cannot lose
     * EGL).
     */
    public static ConsoleServices start(ConsoleOptions options, Function<Simulation, LiveRendering> renderingFor) {
        return start(options, renderingFor, new SceneCompiler()::compile);
    }

    /** As above, compiling the scenes the person loads with {@code compiler}: tests hold it to watch the console wait. */
    public static ConsoleServices start(ConsoleOptions options, Function<Simulation, LiveRendering> renderingFor,
            SimulationSession.Compiler compiler) {
        return new ConsoleServices(options, renderingFor, compiler);
    }

    /** A scene that does not compile still opens in the editor (to be fixed there); the default scene runs. */
    private Scene compile(SceneCompiler compiler, SceneSource source, String wanted, EditorDocument document) {
        try {
            return compiler.compile(source);
        } catch (SceneLoadException e) {
            startupNotes.add(Texts.fellBack(wanted, e.getMessage()) + " " + Texts.openInEditor(document.name()));
            return compileDefault(compiler);
        }
    }

    private static Scene compileDefault(SceneCompiler compiler) {
        try {
            return compiler.compile(defaultSource());
        } catch (SceneLoadException e) {
            throw new IllegalStateException("the default preset does not compile: " + e.getMessage(), e);
        }
    }

    private static SceneSource defaultSource() {
        PresetCatalog catalog = PresetCatalog.builtIn();
        return catalog.source(catalog.find(DEFAULT_SCENE).orElseThrow());
    }

    private static EditorDocument documentOf(SceneSource source) {
        if (source.trusted()) {
            return EditorDocument.ofPreset(PresetCatalog.builtIn().find(source.id()).orElseThrow());
        }
        return EditorDocument.ofFile(source.folder().resolve(source.fileName()), source.xml());
    }

    public SimulationSession session() {
        return session;
    }

    public ConsolePreferences preferences() {
        return preferences;
    }

    public RecoveryStore recovery() {
        return recovery;
    }

    /** The renderer and the console's view of the simulation, or why there is none. */
    public LiveRendering rendering() {
        return rendering;
    }

    /** The embedded streaming host, or why nobody can watch. */
    public Sharing sharing() {
        return sharing;
    }

    /** Where preferences, recovery files and screenshots go. */
    public Path dataFolder() {
        return dataFolder;
    }

    /** The language-model settings; the first call finds the keychain, so call it on {@link #llmThread()}. */
    public LlmConfiguration llm() {
        return llm.get();
    }

    /** The thread for language-model settings and connection tests: disk, keychain and network. */
    public ExecutorService llmThread() {
        return llmThread;
    }

    /** The console's disk thread: preferences, recovery files, opening and saving documents. */
    public ScheduledExecutorService io() {
        return io;
    }

    /** The editor's analysis thread: scanning and colouring the text after typing pauses. */
    public ExecutorService analysis() {
        return analysis;
    }

    /** What the editor shows first: the first scene's text. */
    public EditorDocument firstDocument() {
        return firstDocument;
    }

    /** What the log says first: what started, and what could not. */
    public List<String> startupNotes() {
        return List.copyOf(startupNotes);
    }

    /**
     * Lets pending writes finish (a few seconds at most), then stops the threads, the host (its viewers first), the
     * renderer and the simulation, in that order.
     */
    @Override
    public void close() {
        WorkerThreads.stop(analysis, true);
        WorkerThreads.stop(llmThread, true);
        WorkerThreads.stop(io, false);
        sharing.close();
        rendering.close();
        session.close();
    }
}
