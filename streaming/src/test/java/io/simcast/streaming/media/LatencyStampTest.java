package io.simcast.streaming.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.render.LatencyStamp;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class LatencyStampTest {
    @Test
    void aStampReadsBackAsTheLow32BitsOfTheEpochMillis() {
        int width = 640;
        int height = 480;
        ByteBuffer y = ByteBuffer.allocateDirect(width * height);
        ByteBuffer u = ByteBuffer.allocateDirect(width * height / 4);
        ByteBuffer v = ByteBuffer.allocateDirect(width * height / 4);
        long now = 1_795_788_378_952L;

        LatencyStamp.write(y, width, u, width / 2, v, width / 2, now);

        assertThat(LatencyStamp.read(y, width)).isEqualTo(now & 0xFFFF_FFFFL);
        assertThat(y.get(200 * width + 400)).as("pixels outside the stamp").isZero();
    }

    @Test
    void framesTooSmallForTheStampAreLeftAlone() {
        assertThat(LatencyStamp.fits(640, 480)).isTrue();
        assertThat(LatencyStamp.fits(160, 120)).isFalse();
    }
}
