package io.simcast.sim.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class LanesTest {

    @Test
    void everyCopyRunsOnceAndAlwaysOnTheSameThread() {
        try (Lanes lanes = new Lanes(10, 3, "test")) {
            String[] firstThread = new String[10];
            int[] runs = new int[10];
            for (int round = 0; round < 50; round++) {
                lanes.forEach(i -> {
                    runs[i]++;
                    String thread = Thread.currentThread().getName();
                    if (firstThread[i] == null) {
                        firstThread[i] = thread;
                    }
                    assertThat(thread).isEqualTo(firstThread[i]);
                });
            }
            assertThat(runs).containsOnly(50);
            assertThat(Set.copyOf(Arrays.asList(firstThread))).hasSize(3);
            assertThat(firstThread[0]).isEqualTo(Thread.currentThread().getName());
        }
    }

    @Test
    void aFailureInAnyLaneReachesTheCallerAfterEveryLaneFinished() {
        try (Lanes lanes = new Lanes(4, 2, "test")) {
            Set<Integer> done = ConcurrentHashMap.newKeySet();
            assertThatThrownBy(() -> lanes.forEach(i -> {
                if (i == 3) {
                    throw new IllegalArgumentException("copy 3 failed");
                }
                done.add(i);
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("copy 3 failed");
            assertThat(done).containsExactlyInAnyOrder(0, 1, 2);

            done.clear();
            lanes.forEach(done::add);
            assertThat(done).as("the lanes keep working").containsExactlyInAnyOrder(0, 1, 2, 3);
        }
    }

    @Test
    void thereAreNeverMoreLanesThanCopies() {
        try (Lanes lanes = new Lanes(2, 8, "test")) {
            assertThat(lanes.count()).isEqualTo(2);
        }
    }
}
