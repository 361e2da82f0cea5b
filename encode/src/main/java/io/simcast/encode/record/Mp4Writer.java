package io.simcast.encode.record;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_flush;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import io.simcast.encode.EncodeMessages;
import io.simcast.encode.FfmpegException;
import io.simcast.encode.H264Encoder;
import io.simcast.encode.PacketSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Writes one encoder's packets to an MP4 file in two steps. While recording, the file is a fragmented MP4
 * ({@code NAME.recording.mp4}: the header first, then one fragment per key frame, flushed to disk at once), so a
 * crash leaves a playable file up to the last key frame (at most {@link
 * io.simcast.encode.EncoderSettings#RECORDING_KEYFRAME_SECONDS} lost). {@link #finish} then copies it, without
 * re-encoding, into a plain MP4 with its index first ("fast start": players and browsers can start before the whole
 * file arrived) and removes the fragmented one.
 *
 * <p>The recording thread only.
 */
public final class Mp4Writer implements PacketSink, AutoCloseable {
    /** The suffix of a file still being written, or left by a crash. */
    public static final String PARTIAL_SUFFIX = ".recording.mp4";

    private final Path partial;
    private final Path target;
    private final AVFormatContext output;
    private final AVStream stream;
    private final AVRational encoderTimeBase;
    private long packets;
    private boolean closed;

    private Mp4Writer(Path partial, Path target, AVFormatContext output, AVStream stream, AVRational timeBase) {
        this.partial = partial;
        this.target = target;
        this.output = output;
        this.stream = stream;
        this.encoderTimeBase = timeBase;
    }

    /**
     * Starts {@code target}'s fragmented twin next to it for {@code encoder}'s stream.
     *
     * @throws IOException when the file cannot be created (the message names it)
     */
    public static Mp4Writer create(Path target, H264Encoder encoder) throws IOException {
        Path partial = partialOf(target);
        AVFormatContext output = new AVFormatContext(null);
        check(avformat_alloc_output_context2(output, null, "mp4", partial.toString()), "starting " + partial);
        try {
            AVStream stream = avformat_new_stream(output, null);
            check(avcodec_parameters_from_context(stream.codecpar(), encoder.context()), "describing the stream");
            stream.time_base(encoder.timeBase());
            stream.avg_frame_rate(av_make_q(encoder.settings().fps(), 1));
            stream.r_frame_rate(av_make_q(encoder.settings().fps(), 1));
            AVIOContext io = new AVIOContext(null);
            int opened = avio_open(io, partial.toString(), AVIO_FLAG_WRITE);
            if (opened < 0) {
                throw new IOException(EncodeMessages.cannotWrite(partial, opened));
            }
            output.pb(io);
            AVDictionary options = new AVDictionary(null);
            // A fragment per key frame, each complete on disk: the header says nothing needs the end of the file.
            av_dict_set(options, "movflags", "+frag_keyframe+empty_moov+default_base_moof", 0);
            int header = avformat_write_header(output, options);
            av_dict_free(options);
            check(header, "writing the MP4 header");
            avio_flush(output.pb());
            return new Mp4Writer(partial, target, output, stream, encoder.timeBase());
        } catch (RuntimeException | IOException e) {
            release(output);
            throw e;
        }
    }

    /** Where the file being written to {@code target} lives until it is finished. */
    public static Path partialOf(Path target) {
        String name = target.getFileName().toString();
        String base = name.endsWith(".mp4") ? name.substring(0, name.length() - 4) : name;
        return target.resolveSibling(base + PARTIAL_SUFFIX);
    }

    @Override
    public void write(AVPacket packet) {
        boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
        av_packet_rescale_ts(packet, encoderTimeBase, stream.time_base());
        packet.stream_index(0);
        check(av_write_frame(output, packet), "writing to " + partial);
        packets++;
        if (key) {
            // A key frame closed the previous fragment: put it on disk now.
            avio_flush(output.pb());
        }
    }

    /** Packets written so far. */
    public long packets() {
        return packets;
    }

    /**
     * Ends the fragmented file and turns it into the plain, fast-start {@code target}; the fragmented file is
     * removed once the copy is complete (if the copy fails, it stays: still playable).
     *
     * @return the finished file
     */
    public Path finish() throws IOException {
        close();
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            faststartCopy(partial, temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(partial);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** Writes the trailer and closes the fragmented file (it stays as it is). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            av_write_trailer(output);
        } finally {
            release(output);
        }
    }

    private static void release(AVFormatContext output) {
        if (output.pb() != null && (output.oformat().flags() & AVFMT_NOFILE) == 0) {
            avio_closep(output.pb());
        }
        avformat_free_context(output);
    }

    /** Copies the packets of {@code source} into a plain MP4 with the index first; nothing is re-encoded. */
    static void faststartCopy(Path source, Path target) throws IOException {
        AVFormatContext input = new AVFormatContext(null);
        check(avformat_open_input(input, source.toString(), (AVInputFormat) null, null), "reading " + source);
        AVFormatContext output = new AVFormatContext(null);
        AVPacket packet = av_packet_alloc();
        try {
            check(avformat_find_stream_info(input, (AVDictionary) null), "reading " + source);
            check(avformat_alloc_output_context2(output, null, "mp4", target.toString()), "starting " + target);
            AVStream in = input.streams(0);
            AVStream out = avformat_new_stream(output, null);
            AVCodecParameters parameters = out.codecpar();
            check(avcodec_parameters_copy(parameters, in.codecpar()), "describing the stream");
            parameters.codec_tag(0);
            out.time_base(in.time_base());
            out.avg_frame_rate(in.avg_frame_rate());
            out.r_frame_rate(in.r_frame_rate());
            AVIOContext io = new AVIOContext(null);
            int opened = avio_open(io, target.toString(), AVIO_FLAG_WRITE);
            if (opened < 0) {
                throw new IOException(EncodeMessages.cannotWrite(target, opened));
            }
            output.pb(io);
            AVDictionary options = new AVDictionary(null);
            av_dict_set(options, "movflags", "+faststart", 0);
            int header = avformat_write_header(output, options);
            av_dict_free(options);
            check(header, "writing the MP4 header");
            while (av_read_frame(input, packet) >= 0) {
                try {
                    if (packet.stream_index() == 0) {
                        av_packet_rescale_ts(packet, in.time_base(), out.time_base());
                        packet.pos(-1);
                        check(av_interleaved_write_frame(output, packet), "writing " + target);
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
            check(av_write_trailer(output), "finishing " + target);
        } finally {
            av_packet_free(packet);
            avformat_close_input(input);
            release(output);
        }
    }

    private static int check(int status, String doing) {
        if (status < 0) {
            throw new FfmpegException(EncodeMessages.failed(doing, status), status);
        }
        return status;
    }
}
