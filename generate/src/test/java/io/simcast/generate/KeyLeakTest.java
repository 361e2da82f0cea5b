package io.simcast.generate;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simcast.generate.FakeProvider.Reply;
import io.simcast.generate.secrets.FileSecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Follows one key through everything that could show it: the log at TRACE (Simcast and langchain4j), the listing, the
 * settings file, connection reports and generation failures from a provider that echoes the key back.
 */
class KeyLeakTest {
    private static final String KEY = "sk-leak-check-7f3a9c21e5";

    @TempDir
    Path folder;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<Logger> loggers = List.of(logger("io.simcast"), logger("dev.langchain4j"));
    private FakeProvider fake;

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }

    @BeforeEach
    void captureEverything() {
        captured.start();
        for (Logger logger : loggers) {
            logger.setLevel(Level.TRACE);
            logger.addAppender(captured);
        }
        fake = FakeProvider.start(Provider.OPENAI);
    }

    @AfterEach
    void stopCapturing() {
        for (Logger logger : loggers) {
            logger.detachAppender(captured);
            logger.setLevel(null);
        }
        fake.close();
    }

    @Test
    void theKeyNeverAppearsInLogsListingsSettingsOrMessages() throws Exception {
        LlmConfiguration configuration = new LlmConfiguration(folder, new FileSecretStore(folder));
        configuration.configure(fake.settings(KEY));
        String echoed = "Incorrect API key provided: " + KEY + ". You can find your API key at platform.openai.com.";
        fake.enqueue(Reply.error(401, echoed), Reply.error(401, echoed),
                Reply.answer(Replies.fenced(Replies.MISSPELLED_ATTRIBUTE)),
                Reply.answer(Replies.fenced(Replies.GOOD_SCENE)));

        ConnectionTester.Report report = new ConnectionTester(configuration, Duration.ofSeconds(10))
                .test(Provider.OPENAI);
        SceneGenerator generator = new SceneGenerator(configuration, GenerationOptions.DEFAULT);
        String failure = failureOf(generator.start(GenerationRequest.of("a box"), event -> {}));
        generator.start(GenerationRequest.of("a box"), event -> {}).result().get(5, TimeUnit.MINUTES)
                .scene().release();
        String listing = new ObjectMapper().writeValueAsString(configuration.list());
        configuration.remove(Provider.OPENAI);

        assertThat(fake.requests()).hasSize(4).allSatisfy(r -> assertThat(fake.sentKey(r)).isEqualTo(KEY));
        assertThat(report.ok()).isFalse();
        assertThat(report.message()).contains("[API key]").doesNotContain(KEY);
        assertThat(failure).contains("[API key]").doesNotContain(KEY);
        assertThat(listing).doesNotContain(KEY);
        assertThat(Files.readString(folder.resolve("llm.json"))).doesNotContain(KEY);
        assertThat(captured.list).as("the capture works").extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("OpenAI set up: model test-model"))
                .anyMatch(m -> m.contains("OpenAI refused the API key (HTTP 401)"))
                .anyMatch(m -> m.equals("OpenAI removed, and its API key deleted from " + "the file "
                        + folder.resolve("secrets.json") + " (readable only by you)"));
        assertThat(captured.list).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(KEY);
            if (event.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy())).doesNotContain(KEY);
            }
        });
    }

    private static String failureOf(GenerationTask task) throws Exception {
        try {
            task.result().get(5, TimeUnit.MINUTES);
            throw new AssertionError("generation succeeded");
        } catch (ExecutionException e) {
            return e.getCause().getMessage();
        }
    }
}
