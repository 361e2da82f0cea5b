package io.simcast.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.generate.FakeProvider.Reply;
import io.simcast.generate.secrets.FileSecretStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionTesterTest {
    @TempDir
    Path folder;

    private final FakeProvider fake = FakeProvider.start(Provider.ANTHROPIC);

    @AfterEach
    void stop() {
        fake.close();
    }

    private ConnectionTester tester() throws Exception {
        LlmConfiguration configuration = new LlmConfiguration(folder, new FileSecretStore(folder));
        configuration.configure(fake.settings("sk-ant-1"));
        return new ConnectionTester(configuration, Duration.ofSeconds(10));
    }

    @Test
    void aProviderThatAnswersIsReportedWithItsModel() throws Exception {
        fake.enqueue(Reply.answer("OK"));

        ConnectionTester.Report report = tester().test(Provider.ANTHROPIC);

        assertThat(report.ok()).isTrue();
        assertThat(report.message()).matches("Anthropic answered with model test-model in \\d+\\.\\d s");
        assertThat(fake.userTexts(fake.requests().getFirst())).containsExactly("Reply with the single word OK.");
    }

    @Test
    void aRefusedKeyIsReportedInTheProvidersOwnWords() throws Exception {
        fake.enqueue(Reply.error(401, "invalid x-api-key"));

        assertThat(tester().test(Provider.ANTHROPIC)).isEqualTo(new ConnectionTester.Report(false,
                "Anthropic refused the API key (HTTP 401): check the key in Settings. Anthropic said: invalid "
                        + "x-api-key"));
    }

    @Test
    void aProviderThatIsNotSetUpSaysSo() throws Exception {
        assertThat(tester().test(Provider.GEMINI)).isEqualTo(new ConnectionTester.Report(false,
                "Gemini is not set up: add its API key in Settings"));
        assertThat(fake.requests()).isEmpty();
    }
}
