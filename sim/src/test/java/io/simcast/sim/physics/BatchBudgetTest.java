package io.simcast.sim.physics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A batch's budget counts the time the physics thread ran, not the time it waited for a CPU. */
class BatchBudgetTest {
    private static final long BUDGET_NANOS = 10_000_000L;

    @Test
    void timeOffTheCpuDoesNotSpendTheBudgetAndTimeOnItDoes() throws Exception {
        BatchBudget budget = new BatchBudget(BUDGET_NANOS);
        budget.start(System.nanoTime());
        Thread.sleep(50); // what a preempted thread sees: wall time passes, its CPU time does not
        boolean spentAsleep = budget.spent();
        assertThat(spentAsleep).as("50 ms of wall time without running").isFalse();

        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        budget.start(System.nanoTime());
        double sink = 0;
        while (!budget.spent()) {
            sink += Math.sqrt(sink + 1);
        }
        assertThat(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart)
                .as("CPU time the batch ran before its budget was spent (sink %s)", sink > 0)
                .isGreaterThanOrEqualTo(BUDGET_NANOS / 2);
    }
}
