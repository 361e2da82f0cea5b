package io.simcast.app.console.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.Eventually;
import io.simcast.app.console.files.RecoveryStore.RecoveredText;
import io.simcast.app.console.log.LogViewModel;
import io.simcast.sim.scene.PresetCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing typed is lost: autosaving, what a crash leaves behind, and offering it back. */
class RecoveryTest {
    private static final Executor INLINE = Runnable::run;

    @TempDir
    Path folder;

    private final ScheduledExecutorService io = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        io.shutdownNow();
        io.awaitTermination(5, TimeUnit.SECONDS);
    }

    private DocumentViewModel documents() {
        return new DocumentViewModel(EditorDocument.ofPreset(PresetCatalog.builtIn().find("pendulum").orElseThrow()),
                ConsolePreferences.load(folder, INLINE), new ScriptedDialogs(), new LogViewModel(), INLINE, INLINE);
    }

    @Test
    void whatOneRunWroteIsTheNextRunsLeftover() throws Exception {
        Path recovery = folder.resolve("recovery");
        Path origin = folder.resolve("robot.xml");
        new RecoveryStore(recovery, "run-1").write("<mujoco/>", origin);
        RecoveryStore next = new RecoveryStore(recovery, "run-2");
        assertThat(next.leftovers()).singleElement().satisfies(left -> {
            assertThat(left.text()).isEqualTo("<mujoco/>");
            assertThat(left.origin()).isEqualTo(origin);
            assertThat(left.name()).isEqualTo("robot.xml");
        });
        next.discard(next.leftovers().getFirst());
        assertThat(next.leftovers()).isEmpty();
        assertThat(recovery).isEmptyDirectory();
    }

    @Test
    void aRunDoesNotOfferItsOwnTextAndClearsItWhenDone() {
        RecoveryStore store = new RecoveryStore(folder, "run-1");
        store.write("typed", null);
        assertThat(store.leftovers()).isEmpty();
        store.clear();
        assertThat(new RecoveryStore(folder, "run-2").leftovers()).isEmpty();
    }

    @Test
    void autosaveKeepsUnsavedTextSoonAfterAChangeAndDropsItOnceClean() {
        RecoveryStore store = new RecoveryStore(folder, "run-1");
        DocumentViewModel documents = documents();
        new Autosaver(store, io, Duration.ofMillis(100)).watch(documents);
        String original = documents.text().get();

        documents.text().set(original + "<!-- a -->");
        documents.text().set(original + "<!-- ab -->");
        RecoveryStore nextRun = new RecoveryStore(folder, "run-2");
        Eventually.await("the autosave", () -> nextRun.leftovers().size() == 1
                && nextRun.leftovers().getFirst().text().endsWith("<!-- ab -->"));

        documents.text().set(original); // back to the preset's own text: nothing left to keep
        Eventually.await("the recovery file to go", () -> nextRun.leftovers().isEmpty());
    }

    @Test
    void theNewestLeftoverIsOfferedFirstAndRestoringPutsItInTheEditor() throws Exception {
        Path recovery = folder.resolve("recovery");
        new RecoveryStore(recovery, "run-1").write("older", null);
        Path newest = recovery.resolve("run-2.xml");
        new RecoveryStore(recovery, "run-2").write("newer", null);
        Files.setLastModifiedTime(newest, FileTime.from(Instant.now().plusSeconds(5)));
        DocumentViewModel documents = documents();
        RecoveryStore store = new RecoveryStore(recovery, "run-3");
        RecoveryViewModel offers = new RecoveryViewModel(store, documents, INLINE, INLINE);

        offers.lookForLeftovers();
        assertThat(offers.offer().get().text()).isEqualTo("newer");
        assertThat(offers.message().get()).startsWith("Unsaved text of run-2.xml from ").endsWith("Restore it?");

        offers.restore();
        assertThat(documents.text().get()).isEqualTo("newer");
        assertThat(documents.dirty().get()).isTrue();
        assertThat(Files.readString(recovery.resolve("run-3.xml"))).isEqualTo("newer"); // still on disk, now ours
        assertThat(offers.offer().get().text()).isEqualTo("older");

        offers.discard();
        assertThat(offers.offer().get()).isNull();
        assertThat(new RecoveryStore(recovery, "run-4").leftovers()).extracting(RecoveredText::text)
                .containsExactly("newer");
    }
}
