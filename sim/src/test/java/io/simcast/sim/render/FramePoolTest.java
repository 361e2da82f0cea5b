package io.simcast.sim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Frames are pooled, reference counted, and handed over through single slots; no GL needed. */
class FramePoolTest {
    private final FramePool pool = new FramePool();

    @Test
    void aReleasedFrameIsReusedAndThePoolStopsAtItsLimit() {
        Frame a = pool.acquire(4, 3, 2);
        Frame b = pool.acquire(4, 3, 2);
        assertThat(pool.acquire(4, 3, 2)).as("both frames are out").isNull();
        a.release();
        assertThat(pool.acquire(4, 3, 2)).isSameAs(a);
        assertThat(b.rgbaBottomUp().capacity()).isEqualTo(4 * 3 * 4);
        assertThat(pool.allocated()).isEqualTo(2);
    }

    @Test
    void rowsAreStoredBottomUpAndFoundFromTheTop() {
        Frame frame = pool.acquire(4, 3, 1);
        assertThat(frame.rowOffset(0)).as("the top row is last in memory").isEqualTo(2 * 4 * 4);
        assertThat(frame.rowOffset(2)).as("the bottom row first").isZero();
    }

    @Test
    void framesOfAnOldSizeAreDroppedWhenTheyComeBack() {
        Frame small = pool.acquire(4, 3, 2);
        small.release();
        Frame large = pool.acquire(8, 6, 2);
        assertThat(large).isNotSameAs(small);
        assertThat(large.width()).isEqualTo(8);
        assertThat(pool.allocated()).isEqualTo(1);
    }

    @Test
    void releasingMoreOftenThanHandedOutFails() {
        Frame frame = pool.acquire(2, 2, 1);
        frame.release();
        assertThatThrownBy(frame::release).hasMessageContaining("released more often than it was handed out");
    }

    @Test
    void aSlotKeepsOnlyTheNewestFrameAndReleasesTheOneItReplaces() throws Exception {
        AtomicInteger closes = new AtomicInteger();
        FrameSubscription subscription = new FrameSubscription(s -> closes.incrementAndGet());
        Frame first = pool.acquire(2, 2, 4);
        Frame second = pool.acquire(2, 2, 4);
        subscription.offer(first);
        subscription.offer(second);
        assertThat(subscription.dropped()).isEqualTo(1);
        assertThat(pool.acquire(2, 2, 4)).as("the replaced frame went back to the pool").isSameAs(first);
        assertThat(subscription.take(1, TimeUnit.SECONDS)).isSameAs(second);
        assertThat(subscription.poll()).isNull();
        assertThat(subscription.delivered()).isEqualTo(1);

        Frame third = pool.acquire(2, 2, 4);
        subscription.offer(third);
        subscription.close();
        subscription.close();
        assertThat(closes).as("the view hears about it once").hasValue(1);
        assertThat(subscription.poll()).isNull();
        assertThat(pool.acquire(2, 2, 4)).as("closing released the frame in the slot").isSameAs(third);
        Frame late = pool.acquire(2, 2, 4);
        subscription.offer(late);
        assertThat(pool.acquire(2, 2, 4)).as("offers after close are released at once").isSameAs(late);
    }
}
