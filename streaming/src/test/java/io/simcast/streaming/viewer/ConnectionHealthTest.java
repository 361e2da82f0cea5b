package io.simcast.streaming.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.streaming.webrtc.PeerState;
import io.simcast.streaming.webrtc.PeerStats;
import org.junit.jupiter.api.Test;

class ConnectionHealthTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long SILENCE = ViewerMonitor.SILENCE_NANOS;

    private static PeerStats sent(long framesSent, long bytesSent, long bytesReceived) {
        return new PeerStats("H264", "OpenH264", framesSent, bytesSent, 30, 5, 0, 0, "none", bytesReceived);
    }

    @Test
    void aConnectedViewerThatKeepsSendingIsFineAndItsRatesComeFromTwoSamples() {
        ConnectionHealth health = ConnectionHealth.NEW.withState(PeerState.CONNECTED, 0)
                .sampled(sent(0, 0, 100), SECOND, SILENCE)
                .sampled(sent(30, 125_000, 200), 2 * SECOND, SILENCE);

        assertThat(health.everConnected()).isTrue();
        assertThat(health.troubleFor(2 * SECOND)).isEqualTo(-1);
        assertThat(health.fpsSent()).isEqualTo(30);
        assertThat(health.bitrateKbps()).isEqualTo(1000);
    }

    @Test
    void aViewerThatSendsNothingForTheSilencePeriodIsInTroubleFromThatSample() {
        ConnectionHealth health = ConnectionHealth.NEW.withState(PeerState.CONNECTED, 0)
                .sampled(sent(0, 0, 100), SECOND, SILENCE)
                .sampled(sent(30, 1000, 100), 2 * SECOND, SILENCE);
        assertThat(health.silent()).isFalse();

        ConnectionHealth silent = health.sampled(sent(60, 2000, 100), 3 * SECOND, SILENCE);

        assertThat(silent.silent()).isTrue();
        assertThat(silent.troubleFor(4 * SECOND)).isEqualTo(SECOND);
        assertThat(silent.sampled(sent(90, 3000, 180), 5 * SECOND, SILENCE).troubleFor(5 * SECOND)).isEqualTo(-1);
    }

    @Test
    void troubleCountsFromTheFirstBadNewsAndEndsWhenTheConnectionRecovers() {
        ConnectionHealth disconnected = ConnectionHealth.NEW.withState(PeerState.CONNECTED, 0)
                .withState(PeerState.DISCONNECTED, SECOND)
                .withState(PeerState.FAILED, 2 * SECOND);

        assertThat(disconnected.troubleFor(3 * SECOND)).isEqualTo(2 * SECOND);
        assertThat(disconnected.withState(PeerState.CONNECTED, 4 * SECOND).troubleFor(4 * SECOND)).isEqualTo(-1);
        assertThat(ConnectionHealth.NEW.withState(PeerState.CONNECTING, 0).everConnected()).isFalse();
    }

    @Test
    void aSilentViewerWhosePathComesBackIsFineAtOnceNotAtTheNextSample() {
        ConnectionHealth silent = ConnectionHealth.NEW.withState(PeerState.CONNECTED, 0)
                .sampled(sent(30, 1000, 100), SECOND, SILENCE)
                .sampled(sent(60, 2000, 100), 3 * SECOND, SILENCE)
                .withState(PeerState.DISCONNECTED, 5 * SECOND);
        assertThat(silent.troubleFor(20 * SECOND)).isEqualTo(17 * SECOND);

        ConnectionHealth back = silent.withState(PeerState.CONNECTED, 20 * SECOND);

        assertThat(back.silent()).isFalse();
        assertThat(back.troubleFor(20 * SECOND)).isEqualTo(-1);
        // the next sample's silence counts from the moment ICE heard the viewer, not from before the outage
        assertThat(back.sampled(sent(90, 3000, 100), 21 * SECOND, SILENCE).silent()).isFalse();
    }

    @Test
    void anIceRestartStartsTheTroubleAgainFromTheRestartAndLeavesAHealthyViewerAlone() {
        ConnectionHealth failed = ConnectionHealth.NEW.withState(PeerState.CONNECTED, 0)
                .withState(PeerState.DISCONNECTED, SECOND)
                .withState(PeerState.FAILED, 11 * SECOND);

        assertThat(failed.restarted(12 * SECOND).troubleFor(13 * SECOND)).isEqualTo(SECOND);
        assertThat(failed.restarted(12 * SECOND).state()).isEqualTo(PeerState.FAILED);
        assertThat(ConnectionHealth.NEW.withState(PeerState.CONNECTED, 0).restarted(SECOND).troubleFor(2 * SECOND))
                .isEqualTo(-1);
    }

    @Test
    void aViewerIsNotSilentWhileNoVideoWasSentToItYet() {
        ConnectionHealth health = ConnectionHealth.NEW.withState(PeerState.CONNECTED, 0);
        for (long second = 1; second <= 5; second++) {
            health = health.sampled(sent(0, 0, 100), second * SECOND, SILENCE); // its feedback answers our video
        }

        assertThat(health.silent()).isFalse();
        assertThat(health.troubleFor(5 * SECOND)).isEqualTo(-1);
        assertThat(health.sampled(sent(30, 1000, 100), 7 * SECOND, SILENCE).silent()).isTrue();
    }
}
