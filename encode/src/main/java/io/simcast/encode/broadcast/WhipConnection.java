package io.simcast.encode.broadcast;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avformat.av_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avcodec.FF_COMPLIANCE_EXPERIMENTAL;

import io.simcast.encode.EncodeMessages;
import io.simcast.encode.FfmpegException;
import io.simcast.encode.H264Encoder;
import io.simcast.encode.PacketSink;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.Pointer;

/**
 * One WHIP session with an SFU through FFmpeg's {@code whip} muxer: the offer/answer over HTTP (with the bearer
 * token), ICE, DTLS and SRTP, then each H.264 packet as RTP. The muxer talks to the SFU through a {@link WhipRelay},
 * which hands the SFU's key frame requests to {@code onKeyframeRequest} and notices when the SFU is gone. Opening
 * takes about a second (mostly DTLS); writing sends UDP datagrams and never waits for the SFU. Once the SFU is gone
 * ({@link #sfuGone()}, or a write fails) the session is useless: the owner closes it and opens a new one.
 *
 * <p>The broadcast thread only; {@code abort} is polled by FFmpeg while it waits for the network, so closing the
 * broadcast never hangs on an unreachable SFU.
 */
final class WhipConnection implements PacketSink, AutoCloseable {
    /** ICE and DTLS must be done by then. */
    private static final String HANDSHAKE_MILLIS = "5000";
    /** RTP packets fit a 1280-byte path MTU with SRTP's tag (what WebRTC stacks assume). */
    private static final String PACKET_BYTES = "1200";

    private final AVFormatContext output;
    private final AVStream stream;
    private final AVRational encoderTimeBase;
    private final Interrupt interrupt;
    private final WhipRelay relay;
    private boolean closed;

    /** FFmpeg's interrupt callback: asked while blocked in network I/O; a true answer aborts it. */
    private static final class Interrupt extends AVIOInterruptCB.Callback_Pointer {
        private final BooleanSupplier abort;

        Interrupt(BooleanSupplier abort) {
            this.abort = abort;
        }

        @Override
        public int call(Pointer opaque) {
            return abort.getAsBoolean() ? 1 : 0;
        }
    }

    private WhipConnection(AVFormatContext output, AVStream stream, AVRational encoderTimeBase, Interrupt interrupt,
                           WhipRelay relay) {
        this.output = output;
        this.stream = stream;
        this.encoderTimeBase = encoderTimeBase;
        this.interrupt = interrupt;
        this.relay = relay;
    }

    /**
     * Publishes {@code encoder}'s stream to {@code target}.
     *
     * @param abort asked while FFmpeg waits on the network; true gives up
     * @param onKeyframeRequest told (on the relay's thread) whenever the SFU asks for a key frame; must not block
     * @throws FfmpegException saying what failed (the SFU refused, unreachable, handshake timed out)
     */
    static WhipConnection open(BroadcastTarget target, H264Encoder encoder, BooleanSupplier abort,
                               Runnable onKeyframeRequest) {
        WhipRelay relay;
        try {
            relay = WhipRelay.open(target, onKeyframeRequest);
        } catch (IOException e) {
            throw new FfmpegException(EncodeMessages.whipRelayFailed(target.describe(), e.toString()), -1);
        }
        AVFormatContext output = new AVFormatContext(null);
        int allocated = avformat_alloc_output_context2(output, null, "whip", relay.muxerUrl().toString());
        if (allocated < 0) {
            relay.close();
            throw new FfmpegException(EncodeMessages.failed("starting WHIP", allocated), allocated);
        }
        Interrupt interrupt = new Interrupt(abort);
        try {
            output.interrupt_callback().callback(interrupt);
            // FFmpeg marks its WHIP muxer experimental.
            output.strict_std_compliance(FF_COMPLIANCE_EXPERIMENTAL);
            AVStream stream = avformat_new_stream(output, null);
            check(avcodec_parameters_from_context(stream.codecpar(), encoder.context()), "describing the stream");
            stream.time_base(encoder.timeBase());
            AVDictionary options = new AVDictionary(null);
            av_dict_set(options, "handshake_timeout", HANDSHAKE_MILLIS, 0);
            av_dict_set(options, "pkt_size", PACKET_BYTES, 0);
            int header = avformat_write_header(output, options);
            av_dict_free(options);
            if (header < 0 && relay.failure().isPresent()) {
                throw new FfmpegException(relay.failure().get(), header);
            }
            check(header, "publishing to " + target.describe());
            return new WhipConnection(output, stream, encoder.timeBase(), interrupt, relay);
        } catch (RuntimeException e) {
            avformat_free_context(output); // its deinit tears down whatever was set up
            interrupt.close();
            relay.close();
            throw e;
        }
    }

    @Override
    public void write(AVPacket packet) {
        av_packet_rescale_ts(packet, encoderTimeBase, stream.time_base());
        packet.stream_index(0);
        check(av_write_frame(output, packet), "sending video");
    }

    /** Whether the SFU stopped listening for this session (restarted, crashed). */
    boolean sfuGone() {
        return relay.sfuGone();
    }

    /** Key frame requests the SFU sent in this session. */
    long keyframeRequests() {
        return relay.keyframeRequests();
    }

    /** Ends the session (the muxer sends the WHIP DELETE) and frees it. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            av_write_trailer(output);
        } finally {
            avformat_free_context(output);
            interrupt.close();
            relay.close();
        }
    }

    private static void check(int status, String doing) {
        if (status < 0) {
            throw new FfmpegException(EncodeMessages.failed(doing, status), status);
        }
    }
}
