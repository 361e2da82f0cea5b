package io.simcast.app.console.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.files.DialogService.SaveChoice;
import io.simcast.app.console.files.RecoveryStore.RecoveredText;
import io.simcast.app.console.log.LogViewModel;
import io.simcast.sim.scene.Preset;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.SceneSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The document's life: opening, saving, presets, unsaved changes, recovered text. Executors run work inline. */
class DocumentViewModelTest {
    private static final Executor INLINE = Runnable::run;
    private static final Preset PENDULUM = PresetCatalog.builtIn().find("pendulum").orElseThrow();
    private static final String SCENE = "<mujoco>\n  <worldbody>\n    <geom size=\"1\"/>\n  </worldbody>\n</mujoco>\n";

    @TempDir
    Path folder;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final LogViewModel log = new LogViewModel();
    private final List<EditorDocument> loaded = new ArrayList<>();
    private ConsolePreferences preferences;
    private DocumentViewModel documents;

    @BeforeEach
    void start() {
        preferences = ConsolePreferences.load(folder.resolve("data"), INLINE);
        documents = new DocumentViewModel(EditorDocument.ofPreset(PENDULUM), preferences, dialogs, log, INLINE,
                INLINE);
        documents.addLoadListener(loaded::add);
    }

    @Test
    void startsCleanWithThePresetsText() {
        assertThat(documents.text().get()).contains("<mujoco").isEqualTo(documents.document().get().savedText());
        assertThat(documents.dirty().get()).isFalse();
        assertThat(documents.title().get()).isEqualTo("Pendulum — Simcast");
        documents.text().set(documents.text().get() + " ");
        assertThat(documents.dirty().get()).isTrue();
        assertThat(documents.title().get()).isEqualTo("• Pendulum — Simcast");
    }

    @Test
    void openingAFileLoadsItRemembersItAndAnnouncesTheLoad() throws Exception {
        Path file = Files.writeString(folder.resolve("ball.xml"), SCENE);
        documents.open(file);
        assertThat(documents.text().get()).isEqualTo(SCENE);
        assertThat(documents.document().get().file()).isEqualTo(file);
        assertThat(documents.dirty().get()).isFalse();
        assertThat(preferences.recentFiles()).containsExactly(file);
        assertThat(loaded).extracting(EditorDocument::file).containsExactly(file);
    }

    @Test
    void openingAFolderLoadsItsSceneFile() throws Exception {
        Path scene = Files.createDirectories(folder.resolve("robot"));
        Files.writeString(scene.resolve("robot.xml"), SCENE);
        Files.writeString(scene.resolve("notes.txt"), "not a scene");
        documents.open(scene);
        assertThat(documents.document().get().file()).isEqualTo(scene.resolve("robot.xml"));
    }

    @Test
    void aFileThatCannotBeOpenedIsReportedAndTheTextStays() {
        String before = documents.text().get();
        documents.open(folder.resolve("missing.xml"));
        assertThat(documents.text().get()).isEqualTo(before);
        assertThat(log.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.problem()).isTrue();
            assertThat(entry.text()).startsWith("Cannot open: Scene file not found");
        });
    }

    @Test
    void savingAPresetAsksWhereThenTheDocumentIsThatFile() throws Exception {
        Path file = folder.resolve("my-pendulum.xml");
        dialogs.choosing(file);
        documents.text().set(documents.text().get().replace("Pendulum", "My pendulum"));
        assertThat(documents.save().get()).isTrue();
        assertThat(dialogs.asked()).containsExactly("save pendulum.xml");
        assertThat(Files.readString(file)).isEqualTo(documents.text().get());
        assertThat(documents.document().get().file()).isEqualTo(file);
        assertThat(documents.dirty().get()).isFalse();
        assertThat(preferences.recentFiles()).containsExactly(file);
    }

    @Test
    void savingAFileWritesItInPlace() throws Exception {
        Path file = Files.writeString(folder.resolve("ball.xml"), SCENE);
        documents.open(file);
        documents.text().set(SCENE.replace("size=\"1\"", "size=\"2\""));
        assertThat(documents.save().get()).isTrue();
        assertThat(Files.readString(file)).contains("size=\"2\"");
        assertThat(dialogs.asked()).isEmpty();
    }

    @Test
    void cancellingSaveAsSavesNothing() throws Exception {
        documents.text().set("changed");
        assertThat(documents.saveAs().get()).isFalse();
        assertThat(documents.dirty().get()).isTrue();
    }

    @Test
    void unsavedChangesAreNeverReplacedWithoutAsking() throws Exception {
        Preset cartpole = PresetCatalog.builtIn().find("cartpole").orElseThrow();
        documents.text().set("my work");

        dialogs.answering(SaveChoice.CANCEL);
        documents.loadPreset(cartpole);
        assertThat(documents.text().get()).isEqualTo("my work");

        Path file = folder.resolve("work.xml");
        dialogs.answering(SaveChoice.SAVE).choosing(file);
        documents.loadPreset(cartpole);
        assertThat(Files.readString(file)).isEqualTo("my work");
        assertThat(documents.document().get().preset()).isEqualTo(cartpole);

        documents.text().set("more work");
        dialogs.answering(SaveChoice.DONT_SAVE);
        documents.loadPreset(PENDULUM);
        assertThat(documents.document().get().preset()).isEqualTo(PENDULUM);
        assertThat(dialogs.asked()).containsExactly("save first? Pendulum", "save first? Pendulum",
                "save pendulum.xml", "save first? Cart-pole");
    }

    @Test
    void recoveredTextComesBackAsUnsavedChangesToItsFile() throws Exception {
        Path file = Files.writeString(folder.resolve("ball.xml"), SCENE);
        RecoveredText recovered = new RecoveredText(folder.resolve("run.xml"), SCENE + "<!-- typed -->",
                file, Instant.now());
        assertThat(documents.restore(recovered).get()).isTrue();
        assertThat(documents.document().get().file()).isEqualTo(file);
        assertThat(documents.text().get()).endsWith("<!-- typed -->");
        assertThat(documents.dirty().get()).isTrue();
        assertThat(loaded).isEmpty(); // restoring does not apply: the text may be half written
    }

    @Test
    void theSceneSourceFollowsWhereTheTextCameFrom() throws Exception {
        EditorDocument preset = EditorDocument.ofPreset(PENDULUM);
        assertThat(preset.sourceFor(preset.savedText()).trusted()).isTrue();
        SceneSource edited = preset.sourceFor(preset.savedText() + " ");
        assertThat(edited.trusted()).isFalse();
        assertThat(edited.id()).startsWith("custom-");

        Path file = folder.resolve("ball.xml");
        SceneSource fromFile = EditorDocument.ofFile(file, SCENE).sourceFor("<mujoco/>");
        assertThat(fromFile.xml()).isEqualTo("<mujoco/>");
        assertThat(fromFile.folder()).isEqualTo(folder);
        assertThat(fromFile.id()).isEqualTo("ball");
    }

    @Test
    void appliedDocumentsAreWhereTheNextStartBegins() {
        documents.applied(EditorDocument.ofPreset(PENDULUM));
        assertThat(preferences.lastScene()).contains("pendulum");
        documents.applied(EditorDocument.untitled("<mujoco/>"));
        assertThat(preferences.lastScene()).contains("pendulum");
    }
}
