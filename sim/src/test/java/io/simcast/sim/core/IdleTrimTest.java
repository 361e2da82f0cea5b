package io.simcast.sim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The native heap is trimmed only while the machine is idle, by one thread the MuJoCo library starts. */
class IdleTrimTest {
    @Test
    void trimsOnlyWhileTheLoadAverageIsUnderOne() {
        AtomicInteger trims = new AtomicInteger();
        double[] load = {0.4};
        IdleTrim idleTrim = new IdleTrim(() -> load[0], () -> trims.incrementAndGet() > 0);

        assertThat(idleTrim.turn()).isTrue();
        load[0] = 1.0;
        assertThat(idleTrim.turn()).as("a machine at load 1 is not idle").isFalse();
        load[0] = 27;
        assertThat(idleTrim.turn()).isFalse();
        load[0] = -1; // no load average on this system: trim, as the JVM's own periodic trim would
        assertThat(idleTrim.turn()).isTrue();
        assertThat(trims).hasValue(2);
    }

    @Test
    void loadingMuJoCoStartsOneTrimmingThread() {
        MuJoCoLibrary.load();
        MuJoCoLibrary.load();
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("simcast-native-trim")))
                .hasSize(1).allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
    }
}
