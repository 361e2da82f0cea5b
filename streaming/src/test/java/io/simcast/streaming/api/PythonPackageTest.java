package io.simcast.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.rl.Python;
import io.simcast.streaming.TestHost;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Python package ({@code python/}) against a real host: each module of {@code python/tests} runs with Debian's
 * python3 and numpy, with the stand-ins for Gymnasium's and Stable-Baselines3's interfaces on the path, or without
 * them for the numpy-only module. Real Gymnasium and Stable-Baselines3 are not installable here (no PyPI).
 */
class PythonPackageTest {
    private static TestHost host;

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start("pendulum");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tests.test_client, true", "tests.test_vector, true", "tests.test_sb3, true",
            "tests.test_numpy_only, false"})
    void thePythonTestsPassAgainstTheHost(String module, boolean withStandIns) throws Exception {
        Python.Outcome outcome = Python.run(Python.packageFolder(), Map.of("PYTHONPATH", Python.path(withStandIns),
                "SIMCAST_URL", host.uri("/").toString()), "-m", "unittest", "-v", module);

        System.out.println(outcome.output()); // unittest's list of what ran, in the test's report
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).as("every test ran").containsPattern("Ran [1-9][0-9]* tests?")
                .contains("\nOK").doesNotContain("skipped");
        assertThat(host.get("/api/rl").body()).as("every test closed what it opened")
                .contains("\"environments\":[]");
    }
}
