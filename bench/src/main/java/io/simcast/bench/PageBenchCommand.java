package io.simcast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.ServeProcess;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simcast bench page}: how long the bundled page takes from being opened to its first picture, in fresh tabs
 * of headless Chromium against {@code simcast serve} on this machine (the first open with an empty cache, the rest
 * revalidating it, as a returning visitor), the operator's page (with its workspace) and a viewer link's (video only)
 * in turn, so that the two compare under the same load. {@code --screenshot FILE} then saves the operator's
 * workspace as the README shows it. Benchmark thread only.
 */
@Command(name = "page", mixinStandardHelpOptions = true,
        description = "Time from opening the page to its first picture; optionally a screenshot of the workspace.")
final class PageBenchCommand implements Callable<Integer> {
    private static final Duration PANELS = Duration.ofSeconds(30);
    /** The widest window shown as a phone (the page's small-screen layout starts at 600 CSS pixels). */
    private static final int PHONE_WIDTH = 600;
    /** When the page's document arrived, then the page's own marks (client/app.js), in the order they happen. */
    private static final List<String> STEPS = List.of("html", "script", "welcome", "offer", "answer", "connected",
            "picture");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StreamingBenchCommands.ServeOptions serve = new StreamingBenchCommands.ServeOptions();

    @Option(names = "--opens", defaultValue = "10",
            description = "Times to open the page, at least 1 (default ${DEFAULT-VALUE}).")
    int opens;

    @Option(names = "--screenshot", paramLabel = "FILE", description = "Save a PNG of the workspace here.")
    Path screenshot;

    @Option(names = "--window", defaultValue = "1440x900",
            description = "Screenshot size (default ${DEFAULT-VALUE}); up to " + PHONE_WIDTH
                    + " pixels wide, a phone's touch screen with the video alone.")
    String window;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (StreamingBench bench = StreamingBench.start(serve.arguments())) {
            // A viewer link's page has no panels: the page as it was before the workspace, for comparison.
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("operator", "");
            pages.put("viewer", "?token=" + viewerToken(bench.serve()));
            out.printf("first picture after opening the page, %s (ms since the page was opened)%n", serve.describe());
            out.println("| open | page | " + String.join(" | ", STEPS) + " |");
            out.println("| --- | ---" + " | ---:".repeat(STEPS.size()) + " |");
            Map<String, List<Double>> pictures = new LinkedHashMap<>();
            for (int i = 0; i < Math.max(1, opens); i++) {
                for (Map.Entry<String, String> kind : pages.entrySet()) {
                    HeadlessChromium.Page page = bench.openViewer(kind.getValue());
                    page.waitFor("simcast.timings.picture !== undefined", PANELS);
                    JsonNode timings = page.evaluate("({...simcast.timings,"
                            + " html: performance.getEntriesByType('navigation')[0].responseEnd})");
                    out.print((i == 0 ? "| first (empty cache) | " : "| " + (i + 1) + " | ") + kind.getKey() + " |");
                    STEPS.forEach(step -> out.printf(Locale.ROOT, " %.0f |", timings.path(step).asDouble(-1)));
                    out.println();
                    pictures.computeIfAbsent(kind.getKey(), k -> new ArrayList<>())
                            .add(timings.path("picture").asDouble());
                    page.close();
                }
            }
            pictures.forEach((kind, times) -> {
                List<Double> sorted = times.stream().sorted().toList();
                out.printf(Locale.ROOT, "%s's page: first picture after median %.0f ms, worst %.0f ms over %d opens%n",
                        kind, sorted.get(sorted.size() / 2), sorted.getLast(), sorted.size());
            });
            if (screenshot != null) {
                save(bench.openViewer());
                out.println("wrote " + screenshot);
            }
        }
        out.flush();
        return 0;
    }

    /** A viewer link's token, made through the operator's REST API with the serve child's operator token. */
    private static String viewerToken(ServeProcess serve) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(serve.address().resolve("/api/links"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + serve.operatorToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"role\": \"viewer\"}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("POST /api/links answered " + response.statusCode() + ": " + response.body());
        }
        String url = new ObjectMapper().readTree(response.body()).path("url").asText();
        return url.substring(url.indexOf("token=") + "token=".length());
    }

    /**
     * The operator's workspace: the editor on the running scene, scene generation and the log beside the video; on a
     * phone's screen the video and its controls as a phone shows them.
     */
    private void save(HeadlessChromium.Page page) throws Exception {
        String[] size = window.split("x");
        int width = Integer.parseInt(size[0]);
        int height = Integer.parseInt(size[1]);
        if (width <= PHONE_WIDTH) {
            page.touchScreen(width, height);
            page.reload(); // the page lays itself out for a small screen when it starts: panels and stats folded
            page.waitFor("window.simcast && simcast.state === 'connected' && simcast.stats"
                    + " && simcast.stats.framesDecoded > 10", PANELS);
        } else {
            page.viewport(width, height);
            page.evaluate("Promise.all(['editor', 'generate', 'log'].map((id) => simcast.workspace.show(id)))");
            page.waitFor("simcast.editor && simcast.editor.text().length > 0", PANELS);
            page.evaluate("(() => { document.getElementById('generate-prompt').value ="
                    + " 'A double pendulum with friction next to a ramp'; return true; })()");
        }
        Thread.sleep(1500); // the video follows the new layout
        Path file = screenshot.toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(page.screenshot()));
    }
}
