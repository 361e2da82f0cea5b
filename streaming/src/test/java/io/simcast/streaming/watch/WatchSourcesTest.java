package io.simcast.streaming.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.View;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.VideoFormat;
import io.simcast.streaming.rl.CopyRef;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The Watch list's sandboxes with a real simulation and EGL renderer: listed and announced, one view shared by its
 * viewers, refusals in words, and a withdrawal that announces, sends viewers back with the reason, and closes.
 */
class WatchSourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPublishedSandboxIsListedSharedByItsViewersAndWithdrawnWithItsReason() throws Exception {
        WatchSources sources = new WatchSources(VideoFormat.DEFAULT);
        List<List<WatchSources.Entry>> announced = new ArrayList<>();
        List<String> sentBack = new ArrayList<>();
        sources.addListener(new WatchSources.Listener() {
            @Override
            public void changed(List<WatchSources.Entry> open) {
                announced.add(open);
            }

            @Override
            public CompletableFuture<Void> withdrawn(SandboxRef ref, String reason) {
                sentBack.add(ref.id() + ": " + reason);
                return CompletableFuture.completedFuture(null);
            }
        });
        try (Simulation simulation = TestHost.simulation("pendulum");
             Renderer renderer = Renderer.start(simulation)) {
            WatchSources.Entry entry = new WatchSources.Entry("sb-000001", "Pendulum trial", "MCP session");
            WatchSources.Publication publication = sources.publish(entry, Optional.of(renderer));
            assertThat(sources.list()).containsExactly(entry);
            assertThat(announced).containsExactly(List.of(entry));

            SandboxRef ref = new SandboxRef("sb-000001");
            View first = sources.acquire(ref).get();
            View second = sources.acquire(ref).get();
            assertThat(second).as("its viewers share one view").isSameAs(first);
            sources.release(ref);
            sources.release(ref);
            assertThat(sources.acquire(ref).get()).as("made again after the last viewer left").isNotSameAs(first);

            publication.withdraw();
            publication.withdraw(); // idempotent
            assertThat(sources.list()).isEmpty();
            assertThat(announced).containsExactly(List.of(entry), List.of());
            assertThat(sentBack).containsExactly(
                    "sb-000001: The sandbox you watched (Pendulum trial) closed; back to the simulation");
            assertThatThrownBy(() -> sources.requireOpen(ref)).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(() -> sources.acquire(ref).get()).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(NoSuchElementException.class).hasMessage("No sandbox 'sb-000001' to watch"
                            + " (it closed with the session that opened it, or never existed); the page's Watch list"
                            + " shows the open ones");
        }
    }

    @Test
    void aSandboxThatCannotBeDrawnIsListedAndWatchingItIsRefusedInWords() {
        WatchSources sources = new WatchSources(VideoFormat.DEFAULT);
        sources.publish(new WatchSources.Entry("sb-000002", "Headless", "MCP session"), Optional.empty());
        assertThatThrownBy(() -> sources.acquire(new SandboxRef("sb-000002")).get())
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("Sandbox 'sb-000002' has no renderer on this machine, so there is nothing to watch");
    }

    @Test
    void aWatchRequestNamesEveryKindAndTheFieldThatIsWrong() throws Exception {
        assertThat(WatchRequest.parse(JSON.readTree("{\"source\": \"simulation\"}"))).isEmpty();
        assertThat(WatchRequest.parse(JSON.readTree("{\"source\": \"rl\", \"env\": \"rl-1\", \"copy\": 2}")))
                .contains(new CopyRef("rl-1", 2));
        assertThat(WatchRequest.parse(JSON.readTree("{\"source\": \"sandbox\", \"id\": \"sb-1\"}")))
                .contains(new SandboxRef("sb-1"));
        assertThatThrownBy(() -> WatchRequest.parse(JSON.readTree("{\"source\": \"sandbox\"}")))
                .hasMessage("'watch' needs \"id\": the id of an open sandbox (the sources message lists them)");
        assertThatThrownBy(() -> WatchRequest.parse(JSON.readTree("{\"source\": \"tv\"}")))
                .hasMessage("'watch' needs \"source\": \"simulation\", \"rl\" or \"sandbox\"");
    }
}
