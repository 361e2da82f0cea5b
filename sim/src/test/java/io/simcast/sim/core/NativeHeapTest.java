package io.simcast.sim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * That the process runs with the fixed mmap threshold. What it buys (a replaced scene's memory given back at once)
 * depends on the state of glibc's heaps, so it is measured by {@code simcast bench memory --replacements}, not here.
 */
class NativeHeapTest {
    @Test
    void loadingMuJoCoFixesGlibcsMmapThresholdOnThisLinux() {
        assumeTrue(System.getenv("MALLOC_MMAP_THRESHOLD_") == null, "the environment sets its own threshold");
        MuJoCoLibrary.load();
        assertThat(NativeHeap.fixMmapThreshold()).as("glibc took mallopt(M_MMAP_THRESHOLD, 4 MiB)").isTrue();
    }
}
