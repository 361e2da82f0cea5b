package io.simcast.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.generate.FakeProvider.Reply;
import io.simcast.generate.secrets.FileSecretStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk-through in docs/LLM.md: three hand-written replies (a MuJoCo 3 {@code <replicate>}, then a scene without a
 * light, then a working one) for "a double pendulum with friction next to a ramp with three boxes", through an
 * OpenAI-compatible server.
 */
class DocumentedExampleTest {
    static final String PROMPT = "a double pendulum with friction next to a ramp with three boxes";
    static final List<String> REPLIES = List.of("1-replicate.md", "2-no-light.md", "3-works.md");

    @TempDir
    Path folder;

    static String reply(String name) {
        try (InputStream in = DocumentedExampleTest.class.getResourceAsStream("example/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theDocumentedRepliesNeedTwoRepairsAndEndInTheWorkingScene() throws Exception {
        List<GenerationEvent> events = new CopyOnWriteArrayList<>();
        try (FakeProvider fake = FakeProvider.start(Provider.OPENAI_COMPATIBLE)) {
            REPLIES.forEach(name -> fake.enqueue(Reply.answer(reply(name))));
            LlmConfiguration configuration = new LlmConfiguration(folder, new FileSecretStore(folder));
            configuration.configure(fake.settings(null));

            GeneratedScene generated = new SceneGenerator(configuration, GenerationOptions.DEFAULT)
                    .start(GenerationRequest.of(PROMPT), events::add).result().get(5, TimeUnit.MINUTES); // three isolated checks: a minute or more on a busy machine
            assertThat(fake.userTexts(fake.requests().get(1)).getLast())
                    .contains("Line 42 of your document is:\n<replicate count=\"3\" offset=\"0.188 0 -0.068\">");
            try {
                assertThat(generated.attempts()).isEqualTo(3);
                assertThat(generated.scene().model().nbody()).isEqualTo(6);
                assertThat(reply("3-works.md")).contains(generated.xml());
            } finally {
                generated.scene().release();
            }
        }
        assertThat(events).filteredOn(e -> !(e instanceof GenerationEvent.ReplyReceived))
                .extracting(GenerationEvent::message).containsExactly(
                        "Attempt 1 of 3: asking The OpenAI-compatible server (test-model)",
                        "Attempt 1: MuJoCo could not compile the scene: XML Error: Schema violation: unrecognized "
                                + "element\nElement 'replicate', line 42",
                        "Attempt 2 of 3: asking The OpenAI-compatible server (test-model)",
                        "Attempt 2: the scene compiled but failed the run check: there is no light: add a <light> to "
                                + "the worldbody",
                        "Attempt 3 of 3: asking The OpenAI-compatible server (test-model)",
                        "Attempt 3: the scene compiled and ran 3.0 s cleanly");
    }
}
