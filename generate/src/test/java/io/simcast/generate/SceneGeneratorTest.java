package io.simcast.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.simcast.generate.FakeProvider.Finish;
import io.simcast.generate.FakeProvider.Reply;
import io.simcast.generate.GenerationEvent.AttemptStarted;
import io.simcast.generate.GenerationEvent.Cancelled;
import io.simcast.generate.GenerationEvent.CheckFailed;
import io.simcast.generate.GenerationEvent.CompileFailed;
import io.simcast.generate.GenerationEvent.Failed;
import io.simcast.generate.GenerationEvent.NoScene;
import io.simcast.generate.GenerationEvent.ReplyReceived;
import io.simcast.generate.GenerationEvent.Succeeded;
import io.simcast.generate.secrets.FileSecretStore;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The generation loop end to end: real langchain4j clients, fake providers on 127.0.0.1, real MuJoCo. */
class SceneGeneratorTest {
    private static final String KEY = "sk-test-0123456789abcdef";
    private static final String PROMPT = "a box on the floor with a ball dropped onto it";

    @TempDir
    Path folder;

    private FakeProvider fake;
    private final List<GenerationEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopFake() {
        if (fake != null) {
            fake.close();
        }
    }

    private LlmConfiguration configuration() {
        return new LlmConfiguration(folder, new FileSecretStore(folder));
    }

    /** A generator talking to a fresh fake of {@code provider}, configured as the default. */
    private SceneGenerator generatorFor(Provider provider, GenerationOptions options) throws Exception {
        fake = FakeProvider.start(provider);
        LlmConfiguration configuration = configuration();
        configuration.configure(fake.settings(KEY));
        // The loop is under test here, and its candidates are hand-written: no child process per candidate.
        return new SceneGenerator(configuration, options, CandidateCompiler.inProcess());
    }

    private GenerationTask generate(SceneGenerator generator) {
        return generator.start(GenerationRequest.of(PROMPT), events::add);
    }

    private static String failureOf(GenerationTask task) throws Exception {
        try {
            task.result().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(GenerationException.class);
            return e.getCause().getMessage();
        }
        throw new AssertionError("generation succeeded");
    }

    private List<Class<?>> eventTypes() {
        return events.stream().<Class<?>>map(Object::getClass).toList();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void aGoodAnswerIsCompiledCheckedAndHandedOut(Provider provider) throws Exception {
        SceneGenerator generator = generatorFor(provider, GenerationOptions.DEFAULT);
        fake.enqueue(Reply.answer(Replies.fenced(Replies.GOOD_SCENE)));

        GeneratedScene generated = generate(generator).result().get(30, TimeUnit.SECONDS);
        try {
            assertThat(generated.xml()).isEqualTo(Replies.GOOD_SCENE);
            assertThat(generated.scene().model().nbody()).isEqualTo(3);
            assertThat(generated.scene().title()).isEqualTo(PROMPT);
            assertThat(generated.attempts()).isEqualTo(1);
            assertThat(generated.model()).isEqualTo(FakeProvider.MODEL);
        } finally {
            generated.scene().release();
        }
        assertThat(eventTypes()).containsExactly(AttemptStarted.class, ReplyReceived.class, Succeeded.class);
        assertThat(events.getFirst().message())
                .isEqualTo("Attempt 1 of 3: asking " + provider.displayName() + " (test-model)");
        assertThat(events.get(1).message()).matches("Attempt 1: reply received after \\d+\\.\\d s \\(\\d+ characters\\)");
        assertThat(events.getLast().message()).isEqualTo("Attempt 1: the scene compiled and ran 3.0 s cleanly");

        FakeProvider.Request request = fake.requests().getFirst();
        assertThat(fake.sentKey(request)).isEqualTo(KEY);
        assertThat(fake.requestedModel(request)).isEqualTo(FakeProvider.MODEL);
        assertThat(fake.systemText(request)).contains("MuJoCo 2.2.2").contains("<mujoco model=\"double_pendulum\">");
        assertThat(fake.userTexts(request)).containsExactly("Build this scene:\n\n" + PROMPT);
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"OPENAI", "ANTHROPIC", "GEMINI"})
    void brokenXmlGoesBackWithMuJoCosMessageAndTheRepairLoads(Provider provider) throws Exception {
        SceneGenerator generator = generatorFor(provider, GenerationOptions.DEFAULT);
        fake.enqueue(Reply.answer(Replies.fenced(Replies.MISSPELLED_ATTRIBUTE)),
                Reply.answer(Replies.fenced(Replies.GOOD_SCENE)));

        GeneratedScene generated = generate(generator).result().get(30, TimeUnit.SECONDS);
        generated.scene().release();

        assertThat(generated.attempts()).isEqualTo(2);
        assertThat(eventTypes()).containsExactly(AttemptStarted.class, ReplyReceived.class, CompileFailed.class,
                AttemptStarted.class, ReplyReceived.class, Succeeded.class);
        CompileFailed failure = (CompileFailed) events.get(2);
        assertThat(failure.error()).contains("unrecognized attribute: 'colour'").contains("Element 'geom', line 6");
        assertThat(failure.line()).hasValue(6);
        assertThat(failure.message()).startsWith("Attempt 1: MuJoCo could not compile the scene: ");

        String repair = fake.userTexts(fake.requests().get(1)).getLast();
        assertThat(repair).isEqualTo("MuJoCo 2.2.2 could not compile your scene:\n\n" + failure.error()
                + "\n\nLine 6 of your document is:\n"
                + "<geom name=\"box\" type=\"box\" size=\"0.1 0.1 0.1\" colour=\"red\"/>"
                + "\n\nFix this and reply with the complete corrected document in one ```xml code block.");
    }

    @Test
    void aSceneThatCompilesButExplodesIsCaughtByTheRunCheckAndSentBack() throws Exception {
        SceneGenerator generator = generatorFor(Provider.ANTHROPIC, GenerationOptions.DEFAULT);
        fake.enqueue(Reply.answer(Replies.fenced(Replies.EXPLODING)), Reply.answer(Replies.fenced(Replies.GOOD_SCENE)));

        generate(generator).result().get(30, TimeUnit.SECONDS).scene().release();

        assertThat(events.get(2)).asInstanceOf(type(CheckFailed.class))
                .extracting(CheckFailed::problems).asList().singleElement().asString()
                .contains("Nan, Inf or huge value in QACC at DOF 0. The simulation is unstable.");
        assertThat(fake.userTexts(fake.requests().get(1)).getLast())
                .startsWith("Your scene compiled, but when Simcast ran it for 3.0 s:\n- MuJoCo warned at t = ")
                .contains("Nan, Inf or huge value in QACC");
    }

    @Test
    void afterTheLastAttemptTheFailureNamesWhatWentWrongAndNothingIsHandedOut() throws Exception {
        SceneGenerator generator = generatorFor(Provider.GEMINI, GenerationOptions.DEFAULT.withMaxAttempts(2));
        fake.enqueue(Reply.answer("I cannot draw pictures, but here is an idea: a box."),
                Reply.answer(Replies.fenced(Replies.FALLS_THROUGH_FLOOR)));

        String failure = failureOf(generate(generator));

        assertThat(failure).isEqualTo("No working scene after 2 attempts; the last one: the scene compiled but failed "
                + "the run check: body 'ghost_box' fell through the floor: after 3.0 s it is at z = -43.67 m, below "
                + "the floor at z = 0.00 m. The running scene was not changed");
        assertThat(eventTypes()).containsExactly(AttemptStarted.class, ReplyReceived.class, NoScene.class,
                AttemptStarted.class, ReplyReceived.class, CheckFailed.class, Failed.class);
        assertThat(events.get(2).message())
                .isEqualTo("Attempt 1: the reply held no complete MJCF document (<mujoco> ... </mujoco>)");
        assertThat(fake.userTexts(fake.requests().get(1)).getLast()).isEqualTo("Your reply did not contain a "
                + "complete MJCF document. Reply with the whole scene, from <mujoco> to </mujoco>, in one ```xml code "
                + "block.");
        assertThat(events.getLast().message()).isEqualTo(failure);
    }

    @Test
    void aReplyCutOffAtTheOutputLimitAsksForASmallerScene() throws Exception {
        SceneGenerator generator = generatorFor(Provider.OPENAI, GenerationOptions.DEFAULT);
        String cut = Replies.fenced(Replies.GOOD_SCENE).substring(0, 200);
        fake.enqueue(Reply.answer(cut, Finish.LENGTH), Reply.answer(Replies.fenced(Replies.GOOD_SCENE)));

        generate(generator).result().get(30, TimeUnit.SECONDS).scene().release();

        assertThat(events.get(2).message()).isEqualTo("Attempt 1: the reply was cut off at the model's output limit "
                + "before the scene was complete");
        assertThat(fake.userTexts(fake.requests().get(1)).getLast()).startsWith("Your reply was cut off");
    }

    static Stream<Arguments> providerErrors() {
        return Stream.of(
                Arguments.of(Provider.OPENAI, 401, "Incorrect API key provided: " + KEY,
                        "OpenAI refused the API key (HTTP 401): check the key in Settings. OpenAI said: Incorrect API "
                                + "key provided: [API key]"),
                Arguments.of(Provider.ANTHROPIC, 401, "invalid x-api-key",
                        "Anthropic refused the API key (HTTP 401): check the key in Settings. Anthropic said: invalid "
                                + "x-api-key"),
                Arguments.of(Provider.GEMINI, 400, "API key not valid. Please pass a valid API key.",
                        "Gemini refused the API key (HTTP 400): check the key in Settings. Gemini said: API key not "
                                + "valid. Please pass a valid API key."),
                Arguments.of(Provider.OPENAI, 429, "Rate limit reached for gpt-5 on requests per min (RPM)",
                        "OpenAI rate limit (HTTP 429): try again in a minute. OpenAI said: Rate limit reached for "
                                + "gpt-5 on requests per min (RPM)"),
                Arguments.of(Provider.ANTHROPIC, 429, "Number of request tokens has exceeded your rate limit",
                        "Anthropic rate limit (HTTP 429): try again in a minute. Anthropic said: Number of request "
                                + "tokens has exceeded your rate limit"),
                Arguments.of(Provider.GEMINI, 429, "Resource has been exhausted (e.g. check quota).",
                        "Gemini rate limit (HTTP 429): try again in a minute. Gemini said: Resource has been "
                                + "exhausted (e.g. check quota)."),
                Arguments.of(Provider.OPENAI, 500, "The server had an error while processing your request.",
                        "OpenAI had a server error (HTTP 500): try again later. OpenAI said: The server had an error "
                                + "while processing your request."),
                Arguments.of(Provider.ANTHROPIC, 529, "Overloaded",
                        "Anthropic had a server error (HTTP 529): try again later. Anthropic said: Overloaded"),
                Arguments.of(Provider.GEMINI, 500, "An internal error has occurred.",
                        "Gemini had a server error (HTTP 500): try again later. Gemini said: An internal error has "
                                + "occurred."),
                Arguments.of(Provider.OPENAI_COMPATIBLE, 404, "model \"test-model\" not found, try pulling it first",
                        "The OpenAI-compatible server does not know the model 'test-model' (HTTP 404): check the "
                                + "model name in Settings. The OpenAI-compatible server said: model \"test-model\" "
                                + "not found, try pulling it first"));
    }

    @ParameterizedTest(name = "{0} HTTP {1}")
    @MethodSource("providerErrors")
    void aProviderErrorReachesTheCallerAsASentence(Provider provider, int status, String said, String expected)
            throws Exception {
        SceneGenerator generator = generatorFor(provider, GenerationOptions.DEFAULT);
        fake.enqueue(Reply.error(status, said));

        assertThat(failureOf(generate(generator))).isEqualTo(expected);
        assertThat(eventTypes()).containsExactly(AttemptStarted.class, Failed.class);
        assertThat(fake.requests()).as("no retry hides the error").hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"OPENAI", "ANTHROPIC", "GEMINI"})
    @Timeout(value = 45, unit = TimeUnit.SECONDS) // the silent provider would hold the request for a minute
    void aProviderThatDoesNotAnswerTimesOutWithoutHanging(Provider provider) throws Exception {
        SceneGenerator generator = generatorFor(provider,
                GenerationOptions.DEFAULT.withRequestTimeout(Duration.ofSeconds(1)));
        fake.enqueue(Reply.silence());

        assertThat(failureOf(generate(generator))).isEqualTo(provider.displayName() + " did not answer within 1 s");
    }

    @Test
    void anAddressNobodyListensOnIsReportedAsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LlmConfiguration configuration = configuration();
        configuration.configure(new ProviderSettings(Provider.OPENAI_COMPATIBLE, null, "llama3.1",
                "http://127.0.0.1:" + port + "/v1"));
        GenerationTask task = new SceneGenerator(configuration, GenerationOptions.DEFAULT).start(
                GenerationRequest.of(PROMPT), events::add);

        assertThat(failureOf(task)).isEqualTo("Could not reach The OpenAI-compatible server at http://127.0.0.1:" + port
                + "/v1 (connection refused): check the address and the network");
    }

    @Test
    void anAddressWithoutTheApiPathIsToldApartFromAnUnknownModel() throws Exception {
        fake = FakeProvider.start(Provider.OPENAI_COMPATIBLE);
        String withoutV1 = fake.baseUrl().replace("/v1", "");
        LlmConfiguration configuration = configuration();
        configuration.configure(new ProviderSettings(Provider.OPENAI_COMPATIBLE, null, "llama3.1", withoutV1));
        GenerationTask task = new SceneGenerator(configuration, GenerationOptions.DEFAULT).start(
                GenerationRequest.of(PROMPT), events::add);

        assertThat(failureOf(task)).isEqualTo("The OpenAI-compatible server has no chat API at " + withoutV1
                + " (HTTP 404): check the address in Settings (Ollama's ends in /v1). The OpenAI-compatible server "
                + "said: fake: no route /chat/completions");
    }

    @Test
    void aContentFilterRefusalEndsGenerationWithoutRetrying() throws Exception {
        SceneGenerator generator = generatorFor(Provider.GEMINI, GenerationOptions.DEFAULT);
        fake.enqueue(Reply.answer("", Finish.CONTENT_FILTER));

        assertThat(failureOf(generate(generator)))
                .isEqualTo("Gemini declined to answer this request (content filter): rephrase the scene");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void withoutAnyProviderGenerationSaysWhereToSetOneUp() throws Exception {
        GenerationTask task = new SceneGenerator(configuration(), GenerationOptions.DEFAULT).start(
                GenerationRequest.of(PROMPT), events::add);

        assertThat(failureOf(task)).isEqualTo("No language model is set up: open Settings and add an API key for "
                + "OpenAI, Anthropic or Gemini, or the address of an OpenAI-compatible server (Ollama, vLLM)");
        assertThat(events).singleElement().isInstanceOf(Failed.class).extracting(GenerationEvent::attempt).isEqualTo(0);
    }

    @Test
    void namingAProviderThatIsNotSetUpSaysSo() throws Exception {
        SceneGenerator generator = generatorFor(Provider.OPENAI, GenerationOptions.DEFAULT);
        GenerationTask task = generator.start(new GenerationRequest(PROMPT, Provider.ANTHROPIC), events::add);

        assertThat(failureOf(task)).isEqualTo("Anthropic is not set up: add its API key in Settings");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void cancellingInterruptsTheProviderCallAndStopsTheLoop() throws Exception {
        SceneGenerator generator = generatorFor(Provider.OPENAI, GenerationOptions.DEFAULT);
        fake.enqueue(Reply.silence(), Reply.answer(Replies.fenced(Replies.GOOD_SCENE)));
        GenerationTask task = generate(generator);
        fake.awaitRequests(1, Duration.ofSeconds(30));

        task.cancel();

        assertThatThrownBy(() -> task.result().get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        awaitEvent(Cancelled.class); // before the silent provider lets go (a minute): the call was interrupted
        assertThat(events.getLast().message()).isEqualTo("Generation cancelled; the running scene was not changed");
        assertThat(eventTypes()).containsExactly(AttemptStarted.class, Cancelled.class);
        Thread.sleep(500);
        assertThat(fake.requests()).as("no further attempt").hasSize(1);
    }

    private void awaitEvent(Class<? extends GenerationEvent> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (events.stream().noneMatch(type::isInstance)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + type.getSimpleName() + " event; got " + eventTypes());
            }
            Thread.sleep(10);
        }
    }
}
