package io.simcast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.cli.SimcastCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code simcast bench} as {@code ./simcast} runs it: the product's command line with this module on the class path. */
class BenchCommandTest {

    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome simcast(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SimcastCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void theCommandLineFindsTheBenchmarksOnTheClassPath() {
        Outcome help = simcast("bench", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("physics", "controls", "render", "rl", "rl-rest", "latency", "network", "soak",
                "viewers", "memory", "console", "mcp");
        assertThat(simcast("--help").out()).contains("bench");
    }

    @Test
    void benchConsoleSaysItNeedsADisplay() {
        Outcome bench = simcast("bench", "console");
        assertThat(bench.exitCode()).isEqualTo(1);
        assertThat(bench.err()).isEqualTo("simcast: bench console opens the console window and needs a display: run"
                + " it under xvfb-run (see docs/PERFORMANCE.md)\n");
    }

    @Test
    void benchRenderPrintsBothRatesAndTheReadbackShare() {
        Outcome bench = simcast("bench", "render", "--width", "64", "--height", "48", "--frames", "20");
        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("render pendulum 64x48 fast, 20 frames, on ")
                .containsPattern("render only: +[0-9.]+ fps")
                .containsPattern("render \\+ readback: +[0-9.]+ fps .*[0-9.]+% of the frame");
        Outcome wrong = simcast("bench", "render", "--quality", "best");
        assertThat(wrong.err()).contains("simcast: --quality must be fast or quality, got 'best'");
    }

    @Test
    void benchPhysicsSetsJavaAgainstNativeTestspeedWithTheSameContactsInWallAndCpuTime() {
        Outcome bench = simcast("bench", "physics", "--model", "/usr/share/mujoco/model/humanoid/humanoid.xml",
                "--steps", "300", "--repeat", "1");
        assertThat(bench.exitCode()).as(bench.err()).isZero();
        String counts = "([0-9.]+) contacts and ([0-9.]+) constraints per step";
        Matcher java = Pattern.compile("java   humanoid: [0-9]+ steps/s, [0-9]+ per CPU"
                + " second, " + counts).matcher(bench.out());
        Matcher nativeRun = Pattern.compile("native humanoid: [0-9]+ steps/s, [0-9]+"
                + " per CPU second, " + counts + " \\(mujoco-testspeed").matcher(bench.out());
        assertThat(java.find()).as(bench.out()).isTrue();
        assertThat(nativeRun.find()).as(bench.out()).isTrue();
        assertThat(java.group(1)).as("the same contacts: the same work").isEqualTo(nativeRun.group(1));
        assertThat(java.group(2)).isEqualTo(nativeRun.group(2));
        assertThat(bench.out()).containsPattern("ratio java/native: [0-9.]+ \\(wall\\), [0-9.]+ \\(CPU\\)");
    }

    @Test
    void benchControlsTimesEachWayOfWritingAStepsControls() {
        Outcome bench = simcast("bench", "controls", "--model", "anymal", "--steps", "1000");
        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("anymal, 12 controls per step")
                .containsPattern("SimData.ctrl\\(\\) view, bulk: +[0-9.]+")
                .containsPattern("JavaCPP pointer, bulk: +[0-9.]+")
                .containsPattern("JavaCPP fresh pointer, bulk: +[0-9.]+")
                .containsPattern("JavaCPP pointer, element by element: +[0-9.]+");
    }

    @Test
    void benchMcpTimesToolCallsOverHttpAndTheStdioStart() {
        Outcome bench = simcast("bench", "mcp", "--calls", "5", "--pictures", "2", "--starts", "1");
        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("MCP tool calls, scene cartpole")
                .containsPattern("HTTP floor: GET /api/health +p50 +[0-9.]+ ms +p90 +[0-9.]+ ms +\\(5 timed\\)")
                .containsPattern("get_state +p50 +[0-9.]+ ms +p90 +[0-9.]+ ms +\\(5 timed\\)")
                .containsPattern("render_picture 640x480 fast +p50 +[0-9.]+ ms .*\\(2 timed\\)")
                .containsPattern("render_picture 640x480 quality +p50 +[0-9.]+ ms .*\\(2 timed\\)")
                .containsPattern("stdio start to first answer +p50 +[0-9.]+ ms .*\\(1 timed\\)");
    }
}
