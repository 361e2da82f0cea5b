package io.simcast.streaming.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simcast.sim.physics.Simulation;
import io.simcast.streaming.TestHost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Start-up failures say what they are: only a taken port is a port conflict. */
class StartFailuresTest {
    private static Simulation simulation;

    @BeforeAll
    static void startSimulation() throws Exception {
        simulation = TestHost.simulation("pendulum");
    }

    @AfterAll
    static void stopSimulation() {
        simulation.close();
    }

    private static StreamingHost start(String host, int port) {
        return StreamingHost.start(StreamingConfig.builder().host(host).port(port).build(), simulation,
                Rendering.unavailable("no renderer in this test"), () -> {
                    throw new AssertionError("no language-model settings in this test");
                });
    }

    @Test
    void aPortAnotherProgramHoldsIsReportedAsAPortConflict() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> start("127.0.0.1", port))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot listen on 127.0.0.1:" + port + " (Address already in use); is another"
                            + " Simcast running? Choose another port with --port or PORT");
        }
    }

    @Test
    void aHostNameThisMachineDoesNotKnowIsReportedAsSuchNotAsAnotherSimcast() {
        assertThatThrownBy(() -> start("no-such-host.invalid", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot listen on no-such-host.invalid:0: this machine does not know the"
                        + " host name no-such-host.invalid (")
                .hasMessageEndingWith("). Give one of its addresses or names with --host or HOST")
                .hasMessageNotContaining("another Simcast");
    }

    @Test
    void anyOtherFailureSaysWhatItIsAndKeepsItsCause() {
        RuntimeException failure = new RuntimeException(new IOException("Too many open files"));

        RuntimeException explained = StartFailures.explain("0.0.0.0", 8000, failure);

        assertThat(explained).isInstanceOf(IllegalStateException.class)
                .hasMessage("Simcast could not start serving on 0.0.0.0:8000: java.lang.RuntimeException:"
                        + " java.io.IOException: Too many open files")
                .hasCause(failure);
    }
}
