package io.simcast.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.generate.FakeProvider;
import io.simcast.generate.FakeProvider.Reply;
import io.simcast.generate.LlmConfiguration;
import io.simcast.generate.Provider;
import io.simcast.generate.Replies;
import io.simcast.generate.secrets.FileSecretStore;
import io.simcast.streaming.SocketClient;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.http.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The language-model endpoints against a real host: langchain4j's real clients talking to sim's fake providers on
 * 127.0.0.1 (through sim's test-jar), real MuJoCo compiling every candidate, settings and keys in a test folder.
 * Every answer and every log line (Simcast and langchain4j at TRACE, Undertow at DEBUG) is checked for the key.
 */
class LlmApiTest {
    private static final String KEY = "sk-rest-leak-check-5d1e0b7a93";
    private static final String PROMPT = "a box on the floor with a ball dropped onto it";
    private static final String NOTHING_SET_UP = "No language model is set up: open Settings and add an API key for"
            + " OpenAI, Anthropic or Gemini, or the address of an OpenAI-compatible server (Ollama, vLLM)";
    private static Path folder;
    private static TestHost host;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<Logger> loggers = List.of(logger("io.simcast"), logger("dev.langchain4j"),
            logger("io.undertow"));
    private final List<String> answers = new ArrayList<>();
    private FakeProvider fake;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("simcast-llm-api");
        host = TestHost.start("pendulum", StreamingConfig.builder(),
                () -> new LlmConfiguration(folder, new FileSecretStore(folder)));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static Logger logger(String name) {
        return (Logger) org.slf4j.LoggerFactory.getLogger(name);
    }

    @BeforeEach
    void captureTheLogAndStartAFakeOpenAi() {
        captured.start();
        for (Logger logger : loggers) {
            logger.setLevel(logger.getName().equals("io.undertow") ? Level.DEBUG : Level.TRACE);
            logger.addAppender(captured);
        }
        fake = FakeProvider.start(Provider.OPENAI);
    }

    @AfterEach
    void noKeyAnywhereThenForgetTheSettings() throws Exception {
        for (Logger logger : loggers) {
            logger.detachAppender(captured);
            logger.setLevel(null);
        }
        List<ILoggingEvent> logged = logged();
        try {
            for (String answer : answers) {
                assertThat(answer).as("an answer").doesNotContain(KEY);
            }
            for (ILoggingEvent event : logged) {
                String text = event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
                assertThat(text).as("log line from %s", event.getLoggerName()).doesNotContain(KEY);
            }
        } finally {
            fake.close();
            for (JsonNode provider : json(host.get("/api/config/api-key")).path("providers")) {
                host.delete("/api/config/api-key/" + provider.path("provider").asText());
            }
        }
    }

    /** What was logged so far; the appender adds under its own lock, from the host's threads too. */
    private List<ILoggingEvent> logged() {
        synchronized (captured) {
            return List.copyOf(captured.list);
        }
    }

    /** Records every answer body, for the check that no key is in any. */
    private JsonNode json(HttpResponse<String> response) {
        answers.add(response.body());
        return Json.parse(response.body());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpResponse<String> response = host.post(path, "application/json", body);
        answers.add(response.body());
        return response;
    }

    private void setUpFakeOpenAi() throws Exception {
        HttpResponse<String> response = post("/api/config/api-key", "{\"provider\": \"openai\", \"api_key\": \""
                + KEY + "\", \"model\": \"" + FakeProvider.MODEL + "\", \"base_url\": \"" + fake.baseUrl() + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private String currentSceneId() throws Exception {
        return json(host.get("/api/scene/current")).path("id").asText();
    }

    @Test
    void aKeyIsStoredListedWithoutItselfTestedAndRemoved() throws Exception {
        HttpResponse<String> stored = post("/api/config/api-key", "{\"provider\": \"openai\", \"api_key\": \"" + KEY
                + "\", \"model\": \"" + FakeProvider.MODEL + "\", \"base_url\": \"" + fake.baseUrl() + "\"}");

        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(json(stored).toString()).isEqualTo("{\"provider\":\"openai\",\"model\":\"test-model\","
                + "\"base_url\":\"" + fake.baseUrl() + "\",\"key_stored\":true,\"default\":true}");
        JsonNode listing = json(host.get("/api/config/api-key"));
        assertThat(listing.path("providers").findValuesAsText("provider")).containsExactly("openai");
        assertThat(listing.path("providers").get(0).path("model").asText()).isEqualTo("test-model");
        assertThat(listing.path("key_storage").asText()).contains("secrets.json");

        fake.enqueue(Reply.answer("OK"));
        JsonNode working = json(post("/api/config/api-key/test", "{\"provider\": \"openai\"}"));
        assertThat(working.path("ok").asBoolean()).isTrue();
        assertThat(working.path("message").asText()).matches("OpenAI answered with model test-model in [0-9.]+ s");
        assertThat(fake.requests().getLast().header("Authorization")).as("the key went to the provider")
                .isEqualTo("Bearer " + KEY);

        fake.enqueue(Reply.error(401, "Incorrect API key provided: " + KEY + "."));
        JsonNode refused = json(post("/api/config/api-key/test", "{\"provider\": \"openai\"}"));
        assertThat(refused.path("ok").asBoolean()).isFalse();
        assertThat(refused.path("message").asText()).startsWith("OpenAI refused the API key (HTTP 401): check the"
                + " key in Settings. OpenAI said: Incorrect API key provided: ");

        HttpResponse<String> removed = host.delete("/api/config/api-key/openai");
        assertThat(json(removed).toString()).isEqualTo("{\"provider\":\"openai\",\"removed\":true}");
        assertThat(json(host.get("/api/config/api-key")).path("providers")).isEmpty();
        HttpResponse<String> again = host.delete("/api/config/api-key/openai");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(again).path("error").asText()).isEqualTo("OpenAI is not set up; nothing was removed");
    }

    @Test
    void settingsThatCannotWorkAreRefusedInOneSentence() throws Exception {
        HttpResponse<String> unknown = post("/api/config/api-key", "{\"provider\": \"mistral\", \"api_key\": \""
                + KEY + "\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).path("error").asText())
                .isEqualTo("Unknown provider 'mistral'; use one of openai, anthropic, gemini, openai-compatible");

        HttpResponse<String> noAddress = post("/api/config/api-key", "{\"provider\": \"openai-compatible\","
                + " \"model\": \"qwen2.5-coder:32b\"}");
        assertThat(noAddress.statusCode()).isEqualTo(400);
        assertThat(json(noAddress).path("error").asText()).startsWith("The OpenAI-compatible server needs base_url");

        HttpResponse<String> broken = post("/api/config/api-key", "{\"provider\": \"openai\", \"api_key\": \"" + KEY);
        assertThat(broken.statusCode()).isEqualTo(400);

        HttpResponse<String> noProvider = post("/api/config/api-key/test", "{}");
        assertThat(json(noProvider).path("error").asText())
                .isEqualTo("Expected a JSON object like {\"provider\": \"openai\"}");
    }

    @Test
    void aGeneratedSceneIsLoadedForAConnectedViewerAndTheAnswerHoldsTheAttemptsAndTheXml() throws Exception {
        setUpFakeOpenAi();
        fake.enqueue(Reply.answer(Replies.fenced(Replies.GOOD_SCENE)));
        try (SocketClient viewer = SocketClient.authorized(URI.create(host.uri("/ws/signaling").toString()
                .replace("http:", "ws:")), host.operatorToken())) {
            viewer.next("welcome");

            HttpResponse<String> response = post("/api/scene/generate", "{\"prompt\": \"" + PROMPT + "\"}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode answer = json(response);
            assertThat(answer.path("success").asBoolean()).isTrue();
            assertThat(answer.path("provider").asText()).isEqualTo("openai");
            assertThat(answer.path("model").asText()).isEqualTo("test-model");
            assertThat(answer.path("attempts").findValuesAsText("outcome")).containsExactly("succeeded");
            assertThat(answer.path("xml").asText()).contains("<mujoco model=\"box_and_ball\">");
            String loaded = answer.path("scene").path("id").asText();
            assertThat(viewer.next("scene").path("id").asText()).as("the viewer's scene message").isEqualTo(loaded);
            assertThat(currentSceneId()).isEqualTo(loaded);
            assertThat(json(host.get("/api/scene/current")).path("xml").asText()).contains("box_and_ball");
        }
    }

    @Test
    void brokenXmlGetsARepairRoundThatTheEventStreamShowsAsItHappens() throws Exception {
        setUpFakeOpenAi();
        fake.enqueue(Reply.answer(Replies.fenced(Replies.MISSPELLED_ATTRIBUTE)),
                Reply.answer(Replies.fenced(Replies.GOOD_SCENE)));

        HttpResponse<String> response = host.send(HttpRequest.newBuilder(host.uri("/api/scene/generate"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"" + PROMPT + "\", \"provider\": \"openai\"}")));
        answers.add(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=UTF-8");
        List<String[]> events = events(response.body());
        assertThat(events).extracting(e -> e[0]).containsExactly("attempt_started", "reply_received",
                "compile_failed", "attempt_started", "reply_received", "succeeded", "result");
        JsonNode compileFailed = Json.parse(events.get(2)[1]);
        assertThat(compileFailed.path("attempt").asInt()).isEqualTo(1);
        assertThat(compileFailed.path("line").asInt()).isEqualTo(6);
        assertThat(compileFailed.path("error").asText()).contains("colour");
        assertThat(compileFailed.path("message").asText()).startsWith("Attempt 1: MuJoCo could not compile the scene:");
        JsonNode result = Json.parse(events.getLast()[1]);
        assertThat(result.path("success").asBoolean()).isTrue();
        assertThat(result.path("attempts").findValuesAsText("outcome")).containsExactly("compile_failed", "succeeded");
        assertThat(result.path("attempts").get(0).has("reply_seconds")).isTrue();
        assertThat(currentSceneId()).isEqualTo(result.path("scene").path("id").asText());
    }

    @Test
    void aClientThatLeavesMidStreamCancelsTheGenerationAndTheSceneStays() throws Exception {
        setUpFakeOpenAi();
        fake.enqueue(Reply.answer(Replies.fenced(Replies.MISSPELLED_ATTRIBUTE)), Reply.silence());
        String before = currentSceneId();
        String body = "{\"prompt\": \"" + PROMPT + "\"}";

        try (Socket socket = new Socket(host.uri("/").getHost(), host.uri("/").getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/scene/generate HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer " + host.operatorToken() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            boolean compileFailed = false;
            boolean secondAttempt = false;
            for (String line = in.readLine(); line != null && !secondAttempt; line = in.readLine()) {
                compileFailed |= line.equals("event: compile_failed");
                secondAttempt = compileFailed && line.equals("event: attempt_started");
            }
            assertThat(secondAttempt).as("the first attempt's events arrived while the second one waits").isTrue();
            fake.awaitRequests(2, Duration.ofSeconds(10));
        } // the client leaves while the provider has not answered the second request

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!logged("Scene generation cancelled: its client went away") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(logged("Scene generation cancelled: its client went away")).isTrue();
        assertThat(json(host.delete("/api/scene/generate")).path("error").asText())
                .isEqualTo("No scene is being generated");
        Thread.sleep(500);
        assertThat(fake.requests()).as("no further attempt").hasSize(2);
        assertThat(currentSceneId()).isEqualTo(before);
    }

    @Test
    void aRefusedKeyComesBackAsTextAndTheRunningSceneStays() throws Exception {
        setUpFakeOpenAi();
        fake.enqueue(Reply.error(401, "Incorrect API key provided: " + KEY + "."));
        String before = currentSceneId();

        HttpResponse<String> response = post("/api/scene/generate", "{\"prompt\": \"" + PROMPT + "\"}");

        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode answer = json(response);
        assertThat(answer.path("error").asText()).startsWith("OpenAI refused the API key (HTTP 401): check the key"
                + " in Settings. OpenAI said: Incorrect API key provided: ");
        assertThat(answer.path("success").asBoolean()).isFalse();
        assertThat(answer.path("attempts").findValuesAsText("outcome")).containsExactly("provider_error");
        assertThat(currentSceneId()).isEqualTo(before);
    }

    @Test
    void withoutAProviderGenerationSaysWhereToAddAKeyWhetherItStreamsOrNot() throws Exception {
        String before = currentSceneId();

        HttpResponse<String> plain = post("/api/scene/generate", "{\"prompt\": \"" + PROMPT + "\"}");
        HttpResponse<String> streamed = host.send(HttpRequest.newBuilder(host.uri("/api/scene/generate"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"" + PROMPT + "\"}")));

        assertThat(plain.statusCode()).isEqualTo(503);
        assertThat(json(plain).path("error").asText()).isEqualTo(NOTHING_SET_UP);
        assertThat(streamed.statusCode()).isEqualTo(503);
        assertThat(json(streamed).path("error").asText()).isEqualTo(NOTHING_SET_UP);
        assertThat(json(post("/api/scene/generate", "{\"prompt\": \"\"}")).path("error").asText())
                .isEqualTo("Describe the scene to generate");
        assertThat(currentSceneId()).isEqualTo(before);
    }

    private boolean logged(String message) {
        return logged().stream().anyMatch(event -> event.getFormattedMessage().equals(message));
    }

    /** The events of a Server-Sent Events body: {name, data}. */
    private static List<String[]> events(String body) {
        List<String[]> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = null;
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            if (name != null) {
                events.add(new String[] {name, data});
            }
        }
        return events;
    }
}
