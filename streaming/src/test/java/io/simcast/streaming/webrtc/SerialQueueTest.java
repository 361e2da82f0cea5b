package io.simcast.streaming.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class SerialQueueTest {
    @Test
    void operationsRunOneAtATimeInTheOrderTheyWereSubmitted() throws Exception {
        SerialQueue queue = SerialQueue.named("test-queue");
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            results.add(queue.submit(() -> {
                ran.add(n);
                return n;
            }));
        }

        assertThat(results.getLast().get(10, TimeUnit.SECONDS)).isEqualTo(999);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            expected.add(i);
        }
        assertThat(ran).containsExactlyElementsOf(expected);
    }

    @Test
    void anOperationThatWaitsHoldsUpOnlyItsOwnQueue() throws Exception {
        SerialQueue slow = SerialQueue.named("slow-peer");
        SerialQueue other = SerialQueue.named("other-peer");
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> stuck = slow.submit(() -> {
            release.await();
            return "answered at last";
        });
        CompletableFuture<String> behindIt = slow.submit(() -> "after the stuck one");

        assertThat(other.submit(() -> "answered").get(10, TimeUnit.SECONDS)).isEqualTo("answered");
        assertThat(stuck).isNotDone();
        assertThat(behindIt).isNotDone();

        release.countDown();
        assertThat(behindIt.get(10, TimeUnit.SECONDS)).isEqualTo("after the stuck one");
        assertThat(stuck).isCompletedWithValue("answered at last");
    }

    @Test
    void aFailedOperationFailsItsFutureAndTheQueueGoesOn() throws Exception {
        SerialQueue queue = SerialQueue.named("test-queue");
        CompletableFuture<Object> failed = queue.submit(() -> {
            throw new IllegalArgumentException("WebRTC could not apply the offer: bad m-line");
        });
        CompletableFuture<String> next = queue.submit(() -> "still serving");

        assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo("still serving");
        Assertions.assertThatThrownBy(failed::get).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("WebRTC could not apply the offer: bad m-line");
    }

    @Test
    void eachOperationSeesWhatTheOneBeforeItDidAndRunsOnTheQueuesNamedThread() throws Exception {
        SerialQueue queue = SerialQueue.named("simcast-viewer-test");
        int[] counter = {0}; // deliberately unsynchronised: the queue orders the operations
        List<CompletableFuture<String>> names = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            names.add(queue.submit(() -> {
                counter[0]++;
                return Thread.currentThread().getName();
            }));
            if (i % 50 == 0) {
                names.getLast().get(10, TimeUnit.SECONDS); // let the drain end, so that the next one starts anew
            }
        }

        assertThat(queue.submit(() -> counter[0]).get(10, TimeUnit.SECONDS)).isEqualTo(200);
        for (CompletableFuture<String> name : names) {
            assertThat(name.get(10, TimeUnit.SECONDS)).isEqualTo("simcast-viewer-test");
        }
    }
}
