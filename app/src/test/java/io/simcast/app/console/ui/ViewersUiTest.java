package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.ConsoleOptions;
import io.simcast.app.console.Eventually;
import io.simcast.app.console.TestOptions;
import io.simcast.app.console.viewers.ViewersViewModel.ViewerRow;
import io.simcast.streaming.host.StreamingHost;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.HeadlessChromium.Page;
import java.time.Duration;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The viewers panel with the console's embedded host and a real browser: headless Chromium, in the test's private
 * network namespace, opens the shared address; the viewer shows in the panel with its statistics and in the charts,
 * and the operator disconnects it.
 */
@Tag("e2e")
class ViewersUiTest extends ConsoleUiTest {
    private HeadlessChromium browser;

    @Override
    ConsoleOptions options() {
        return TestOptions.sharing(dataFolder, null);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private StreamingHost host() {
        return services.sharing().host().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private TableView<ViewerRow> viewers() {
        return lookup("#viewers", TableView.class);
    }

    @Test
    void theAddressToShareIsCopiedToTheClipboard() {
        String address = host().address().toString();
        showPanel("viewers");
        assertThat(fx(() -> lookup("#share-url", TextField.class).getText())).isEqualTo(address)
                .matches("http://127\\.0\\.0\\.1:\\d+/");

        click("#share-copy");

        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(address);
    }

    @Test
    void aBrowserViewerIsListedChartedAndDisconnectedFromThePanel() throws Exception {
        showPanel("viewers");
        browser = HeadlessChromium.launch();
        Page page = browser.open(host().operatorPage().toString());
        page.waitFor("window.simcast && simcast.state === 'connected' && simcast.stats && simcast.stats.fps > 0",
                Duration.ofSeconds(60));
        String id = page.evaluate("simcast.viewerId").asText();

        awaitFx("the viewer in the panel", () -> viewers().getItems().size() == 1);
        ViewerRow row = fx(() -> viewers().getItems().getFirst());
        assertThat(row.shortId()).isEqualTo(id.substring(0, 6));
        assertThat(fx(() -> row.watching().get())).isEqualTo("own camera");
        awaitFx("its connection, frame rate and bitrate", () -> row.state().get().equals("connected")
                && Double.parseDouble(row.framesPerSecond().get()) > 0 && !row.bitrate().get().equals("0 kb/s"));
        showPanel("statistics");
        awaitFx("the viewer's bitrate in the chart", () -> {
            LineChart<?, ?> chart = lookup("#chart-bitrates", LineChart.class);
            return chart.getData().stream().anyMatch(series -> series.getName().equals("viewer " + id.substring(0, 6))
                    && !series.getData().isEmpty()
                    && ((XYChart.Data<?, ?>) series.getData().getLast()).getYValue() instanceof Number bitrate
                    && bitrate.doubleValue() > 0);
        });

        showPanel("viewers");
        // The table measures rows with cells of its own that never show: click the button that shows.
        Button disconnect = Eventually.awaitValue("the viewer's Disconnect button", () -> fx(() -> robot()
                .lookup("#disconnect-" + id).queryAllAs(Button.class).stream()
                .filter(button -> button.getScene() != null && button.isVisible()).findFirst().orElse(null)));
        // In view without scrolling, whole, in the narrow panel at the console's own size: where a person clicks.
        Bounds table = fx(() -> viewers().localToScene(viewers().getLayoutBounds()));
        Bounds button = fx(() -> disconnect.localToScene(disconnect.getLayoutBounds()));
        Bounds window = fx(() -> new BoundingBox(0, 0, disconnect.getScene().getWidth(),
                disconnect.getScene().getHeight()));
        assertThat(table.contains(button)).as("the Disconnect button %s inside the table %s", button, table).isTrue();
        assertThat(window.contains(button)).as("the Disconnect button %s inside the window %s", button, window)
                .isTrue();
        assertThat(fx(disconnect::getText)).isEqualTo("Disconnect");
        awaitFx("what the viewer watches, drawn whole", () -> viewers().lookupAll(".table-cell").stream()
                .filter(cell -> cell instanceof TableCell<?, ?> shown && "own camera".equals(shown.getItem()))
                .flatMap(cell -> ((Parent) cell).getChildrenUnmodifiable().stream())
                .anyMatch(text -> text instanceof Text drawn && drawn.getText().equals("own camera")));
        robot().clickOn(disconnect);

        Eventually.await("the host to let the viewer go", () -> host().viewerCount() == 0);
        awaitFx("the panel to empty", () -> viewers().getItems().isEmpty());
        page.waitFor("simcast.state === 'ended'", Duration.ofSeconds(30));
        assertThat(page.evaluate("document.getElementById('message-text').textContent").asText())
                .isEqualTo("The host ended this session: the operator disconnected this viewer");
        Thread.sleep(3000); // a page that reconnects tries again after 1 s
        assertThat(host().viewerCount()).as("viewers after 3 s").isZero();
        assertThat(page.evaluate("simcast.state").asText()).isEqualTo("ended");
        assertThat(fx(() -> lookup("#log", ListView.class).getItems().getLast().toString()))
                .endsWith("Disconnected viewer " + id.substring(0, 6));
    }
}
