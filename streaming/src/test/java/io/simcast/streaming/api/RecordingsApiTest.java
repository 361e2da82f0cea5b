package io.simcast.streaming.api;

import static io.simcast.streaming.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.encode.DecodedVideo;
import io.simcast.encode.EncoderChoice;
import io.simcast.streaming.Outputs;
import io.simcast.streaming.VideoFormat;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.http.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/recordings} against a real host: start, list, stop, download, an RL copy's episode decoded back, and
 * the refusals' words.
 */
class RecordingsApiTest {
    @TempDir
    static Path folder;
    private static TestHost host;

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start("pendulum", StreamingConfig.builder().outputs(new Outputs(EncoderChoice.AUTO,
                Optional.empty(), Optional.empty(), folder)));
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void theSharedViewIsRecordedStoppedListedAndDownloadedAsAPlainMp4() throws Exception {
        HttpResponse<String> started = host.post("/api/recordings", "application/json", "{\"view\": \"shared\"}");
        assertThat(started.statusCode()).isEqualTo(201);
        JsonNode recording = Json.parse(started.body());
        String id = recording.path("id").asText();
        assertThat(recording.path("state").asText()).isEqualTo("RECORDING");
        assertThat(recording.path("source").asText()).isEqualTo("shared view");
        waitFor(() -> Json.parse(host.get("/api/recordings/" + id).body()).path("frames").asLong() >= 10, 30_000);

        JsonNode stopped = Json.parse(host.delete("/api/recordings/" + id).body());
        assertThat(stopped.path("state").asText()).isEqualTo("FINISHED");
        assertThat(stopped.path("problem").isNull()).isTrue();
        String file = stopped.path("file").asText();
        JsonNode listing = Json.parse(host.get("/api/recordings").body());
        assertThat(listing.path("files").toString()).contains("\"name\":\"" + file + "\"")
                .contains("\"complete\":true");

        HttpResponse<byte[]> download = host.http().send(HttpRequest.newBuilder(host.uri("/api/recordings/" + file))
                .header("Authorization", "Bearer " + host.operatorToken()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(new String(download.body(), 4, 4, StandardCharsets.ISO_8859_1)).isEqualTo("ftyp");
        // Fast start: the index (moov) comes before the pictures (mdat).
        String head = new String(download.body(), StandardCharsets.ISO_8859_1);
        assertThat(head.indexOf("moov")).isLessThan(head.indexOf("mdat"));
    }

    @Test
    void anRlEpisodeOfOneCopyIsRecordedToAnMp4OfTheStreamingSize() throws Exception {
        String env = Json.parse(post("/api/rl/create",
                "{\"robot\": \"cartpole\", \"task\": \"balance\", \"seed\": 3, \"num_envs\": 2}").body())
                .path("id").asText();
        try {
            post("/api/rl/" + env + "/reset", "{\"seed\": 3}");
            HttpResponse<String> started = post("/api/recordings", "{\"env\": \"" + env + "\", \"copy\": 1}");
            assertThat(started.statusCode()).isEqualTo(201);
            JsonNode recording = Json.parse(started.body());
            String id = recording.path("id").asText();
            assertThat(recording.path("source").asText()).isEqualTo("RL " + env + "/1");
            // The agent's episode: steps until the recording has pictures of it.
            for (int step = 0; Json.parse(host.get("/api/recordings/" + id).body()).path("frames").asLong() < 15;
                 step++) {
                assertThat(step).as("steps before the recording had 15 frames").isLessThan(20_000);
                assertThat(post("/api/rl/" + env + "/step", "{\"actions\": [[0.5], [-0.5]]}").statusCode())
                        .isEqualTo(200);
            }

            JsonNode stopped = Json.parse(host.delete("/api/recordings/" + id).body());
            assertThat(stopped.path("state").asText()).isEqualTo("FINISHED");
            DecodedVideo video = DecodedVideo.read(folder.resolve(stopped.path("file").asText()));
            assertThat(video.codec()).isEqualTo("h264");
            assertThat(video.pictures()).as("decoded pictures").isNotEmpty();
            assertThat(video.width()).isEqualTo(VideoFormat.DEFAULT.width());
            assertThat(video.height()).isEqualTo(VideoFormat.DEFAULT.height());
            byte[] first = video.pictures().getFirst();
            assertThat(IntStream.range(0, first.length).map(i -> first[i] & 0xFF).max().orElse(0))
                    .as("not a black picture").isGreaterThan(60);
        } finally {
            host.delete("/api/rl/" + env);
        }
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return host.post(path, "application/json", json);
    }

    @Test
    void refusalsSayWhatIsWrong() throws Exception {
        HttpResponse<String> badView = host.post("/api/recordings", "application/json", "{\"view\": \"mine\"}");
        assertThat(badView.statusCode()).isEqualTo(400);
        assertThat(Json.parse(badView.body()).path("error").asText()).isEqualTo(
                "record {\"view\": \"shared\"}, {\"viewer\": ID} or {\"env\": ID, \"copy\": N}; got view 'mine'");
        HttpResponse<String> noViewer = host.post("/api/recordings", "application/json", "{\"viewer\": \"v99\"}");
        assertThat(noViewer.statusCode()).isEqualTo(404);
        assertThat(Json.parse(noViewer.body()).path("error").asText()).startsWith("viewer 'v99' is not connected");
        assertThat(host.get("/api/recordings/r999").statusCode()).isEqualTo(404);
        assertThat(host.get("/api/recordings/..%2Fsecret.mp4").statusCode()).isEqualTo(404);
    }
}
