package io.simcast.app.console;

import io.simcast.app.console.files.ConsolePreferences;
import io.simcast.app.console.files.EditorDocument;
import io.simcast.app.console.files.RecoveryStore;
import io.simcast.app.console.session.SimulationSession;
import io.simcast.app.console.session.WorkerThreads;
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

/**
 * What a console window works with, made before the window opens and closed after it is gone: the preferences and
 * recovery files of the data folder, the console's IO and editor-analysis threads, and the simulation running the
 * first scene (the one asked for, else the last one, else {@value #DEFAULT_SCENE}).
 *
 * <p>Made and closed on the main thread (or a test's), never on the JavaFX thread: starting compiles a scene and
 * closing waits for the threads.
 */
public final class ConsoleServices implements AutoCloseable {
    /** The scene a console starts with when nothing else is asked for or remembered. */
    public static final String DEFAULT_SCENE = "pendulum";

    private final ScheduledExecutorService io = WorkerThreads.scheduled("simcast-console-io");
    private final ExecutorService analysis = WorkerThreads.single("simcast-console-editor");
    private final ConsolePreferences preferences;
    private final RecoveryStore recovery;
    private final List<String> startupNotes = new ArrayList<>();
    private final EditorDocument firstDocument;
    private final SimulationSession session;

    private ConsoleServices(Path dataFolder, String sceneArgument) {
        preferences = ConsolePreferences.load(dataFolder, io);
        recovery = new RecoveryStore(dataFolder.resolve("recovery"),
                "run-" + System.currentTimeMillis() + "-" + ProcessHandle.current().pid());
        String wanted = sceneArgument != null ? sceneArgument : preferences.lastScene().orElse(DEFAULT_SCENE);
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
        session = SimulationSession.start(scene);
    }

    /**
     * Starts the services for the data folder {@code dataFolder}.
     *
     * @param sceneArgument a preset id, file or folder to start with, or null for the last scene
     */
    public static ConsoleServices start(Path dataFolder, String sceneArgument) {
        return new ConsoleServices(dataFolder, sceneArgument);
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

    /** Lets pending writes finish (a few seconds at most), then stops the threads and the simulation. */
    @Override
    public void close() {
        WorkerThreads.stop(analysis, true);
        WorkerThreads.stop(io, false);
        session.close();
    }
}
