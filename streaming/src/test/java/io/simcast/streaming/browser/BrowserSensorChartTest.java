package io.simcast.streaming.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.TestHost;
import io.simcast.testkit.HeadlessChromium.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's Sensors panel on a swinging pendulum with a joint-position sensor: the chart's points are the values
 * of that sensor, which equal the hinge's qpos the same panel samples carry, time for time.
 */
@Tag("e2e")
class BrowserSensorChartTest {
    private static final Duration READY = Browsing.READY;
    @RegisterExtension
    static final Browsing world = Browsing.of(() -> TestHost.start("pendulum"));

    @Test
    void aSensorChartShowsPointsThatMatchTheSensorsValues() throws Exception {
        String xml;
        try (var in = getClass().getResourceAsStream("/io/simcast/sim/scene/presets/pendulum.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("</mujoco>", "<sensor><jointpos name=\"angle\" joint=\"hinge\"/></sensor></mujoco>");
        }
        assertThat(world.host.post("/api/scene/load", "application/xml", xml).statusCode()).isEqualTo(200);
        Page page = world.open("/");
        page.waitFor("simcast.model?.model.sensors.length === 1", READY);
        page.evaluate("window.qposAt = new Map(); simcast.addEventListener('panel', (e) =>"
                + " qposAt.set(e.detail.time, e.detail.qpos[0])), true");
        BrowserPanelsTest.show(page, "sensors");
        page.waitFor("document.getElementById('sensor-0')", READY);

        page.evaluate("document.getElementById('sensor-0').click(), true");
        page.waitFor("simcast.sensorChart?.data[0].length >= 10", READY);

        JsonNode points = page.evaluate("simcast.sensorChart.data[0].filter((t) => qposAt.has(t))"
                + ".map((t, i) => [qposAt.get(t), simcast.sensorChart.data[1][simcast.sensorChart.data[0].indexOf(t)]])");
        assertThat(points.size()).isGreaterThanOrEqualTo(5);
        double spread = 0;
        for (JsonNode point : points) {
            assertThat(point.get(1).asDouble()).as("the chart's point is the sensor's value")
                    .isCloseTo(point.get(0).asDouble(), org.assertj.core.data.Offset.offset(1e-9));
            spread = Math.max(spread, Math.abs(point.get(1).asDouble() - points.get(0).get(1).asDouble()));
        }
        assertThat(spread).as("the pendulum swings, so the points differ").isGreaterThan(0);
        assertThat(page.evaluate("document.querySelector('#sensor-chart canvas') !== null").asBoolean()).isTrue();
    }
}
