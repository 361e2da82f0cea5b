package io.simcast.encode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_LOW_DELAY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_VAAPI;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NV12;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_VAAPI;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_hwdevice_ctx_create;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_ctx_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_ctx_init;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_transfer_data;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import io.simcast.sim.render.Frame;
import io.simcast.sim.render.LatencyStamp;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVBufferRef;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVHWFramesContext;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/**
 * One open H.264 encoder (any {@link EncoderKind}) that takes RGBA pictures (the renderer's frames, top row first)
 * and hands H.264 packets to a {@link PacketSink}: RGBA -> YUV (swscale) -> [upload to the GPU for VA-API] ->
 * encoder. Set up for {@link EncoderSettings}; B-frames off, SPS/PPS in the extradata and before every key frame.
 *
 * <p>Not thread-safe: one thread opens, uses and closes it (the recording's or the broadcast's thread). The packet
 * handed to the sink is reused after the call returns.
 */
public final class H264Encoder implements AutoCloseable {
    /** Where VA-API looks first; without it there is no VA-API. */
    static final String VAAPI_DEVICE = "/dev/dri/renderD128";

    private final EncoderKind kind;
    private final EncoderSettings settings;
    private final AVCodecContext context;
    private final AVFrame picture;
    private final AVFrame uploaded;
    private final AVPacket packet;
    private final RgbaToYuv converter;
    private boolean hasPicture;
    private boolean closed;

    private H264Encoder(EncoderKind kind, EncoderSettings settings, AVCodecContext context, AVFrame picture,
                        AVFrame uploaded) {
        this.kind = kind;
        this.settings = settings;
        this.context = context;
        this.picture = picture;
        this.uploaded = uploaded;
        this.packet = av_packet_alloc();
        this.converter = new RgbaToYuv(settings.width(), settings.height(), picture.format());
    }

    /**
     * Opens {@code kind} for {@code settings}.
     *
     * @throws EncoderUnavailableException saying why this encoder cannot be used here
     */
    public static H264Encoder open(EncoderKind kind, EncoderSettings settings) {
        Ffmpeg.load();
        AVCodec codec = avcodec_find_encoder_by_name(kind.ffmpegName());
        if (codec == null) {
            throw new EncoderUnavailableException(EncodeMessages.notInBuild(kind));
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        AVFrame picture = null;
        AVFrame uploaded = null;
        try {
            configure(context, kind, settings);
            if (kind == EncoderKind.VAAPI) {
                attachVaapi(context, settings);
            }
            AVDictionary options = options(kind, settings);
            FfmpegLog.Captured<Integer> opened = FfmpegLog.capture(() -> avcodec_open2(context, codec, options));
            av_dict_free(options);
            if (opened.value() < 0) {
                throw new EncoderUnavailableException(EncodeMessages.cannotOpen(kind,
                        opened.reason(Ffmpeg.error(opened.value()))));
            }
            picture = av_frame_alloc();
            picture.format(kind == EncoderKind.VAAPI ? AV_PIX_FMT_NV12 : context.pix_fmt());
            picture.width(settings.width());
            picture.height(settings.height());
            Ffmpeg.check(av_frame_get_buffer(picture, 0), "allocating a picture");
            if (kind == EncoderKind.VAAPI) {
                uploaded = av_frame_alloc();
                Ffmpeg.check(av_hwframe_get_buffer(context.hw_frames_ctx(), uploaded, 0), "allocating a GPU picture");
            }
            return new H264Encoder(kind, settings, context, picture, uploaded);
        } catch (RuntimeException e) {
            if (picture != null) {
                av_frame_free(picture);
            }
            if (uploaded != null) {
                av_frame_free(uploaded);
            }
            avcodec_free_context(context);
            throw e instanceof EncoderUnavailableException ? e
                    : new EncoderUnavailableException(EncodeMessages.cannotOpen(kind, e.getMessage()), e);
        }
    }

    public EncoderKind kind() {
        return kind;
    }

    public EncoderSettings settings() {
        return settings;
    }

    /** The open codec context, for a muxer's stream parameters (extradata, profile). */
    public AVCodecContext context() {
        return context;
    }

    /** The unit of timestamps, 1/{@link EncoderSettings#timeBase()} s. */
    public AVRational timeBase() {
        return context.time_base();
    }

    /**
     * Encodes one RGBA picture of {@code width} x {@code height} (scaled to the encoder's size if different) shown
     * at {@code pts}; the packets it completes go to {@code sink}.
     *
     * @param keyframe make this an IDR picture (a new viewer or a new file can start here)
     */
    public void encode(ByteBuffer rgba, int width, int height, long pts, boolean keyframe, PacketSink sink) {
        encode(new BytePointer(rgba), width, height, false, pts, keyframe, sink, false, 0);
    }

    /** Encodes a rendered frame, whose rows run bottom row first (see {@link Frame}), as {@link #encode}. */
    public void encode(Frame frame, long pts, boolean keyframe, PacketSink sink) {
        encode(new BytePointer(frame.rgbaBottomUp()), frame.width(), frame.height(), true, pts, keyframe, sink,
                false, 0);
    }

    /**
     * Encodes a rendered frame as {@link #encode(Frame, long, boolean, PacketSink)} with its capture time drawn in
     * (bench mode's {@link LatencyStamp}, for glass-to-glass latency through an SFU). Only YUV 4:2:0 planar pictures
     * (libx264, NVENC) are stamped; NV12 ones go out as they are.
     */
    public void encodeStamped(Frame frame, long pts, boolean keyframe, PacketSink sink) {
        encode(new BytePointer(frame.rgbaBottomUp()), frame.width(), frame.height(), true, pts, keyframe, sink,
                true, frame.capturedEpochMillis());
    }

    private void encode(BytePointer rgba, int width, int height, boolean bottomUp, long pts, boolean keyframe,
                        PacketSink sink, boolean stamp, long epochMillis) {
        Ffmpeg.check(av_frame_make_writable(picture), "preparing a picture");
        converter.convert(rgba, width, height, bottomUp, picture);
        if (stamp && picture.format() == AV_PIX_FMT_YUV420P
                && LatencyStamp.fits(settings.width(), settings.height())) {
            LatencyStamp.write(plane(0, settings.height()), picture.linesize(0), plane(1, settings.height() / 2),
                    picture.linesize(1), plane(2, settings.height() / 2), picture.linesize(2), epochMillis);
        }
        hasPicture = true;
        send(pts, keyframe, sink);
    }

    private ByteBuffer plane(int index, int rows) {
        return picture.data(index).capacity((long) picture.linesize(index) * rows).asByteBuffer();
    }

    /** Encodes the last picture again at {@code pts} (a still scene still needs pictures); false without one. */
    public boolean repeat(long pts, boolean keyframe, PacketSink sink) {
        if (!hasPicture) {
            return false;
        }
        Ffmpeg.check(av_frame_make_writable(picture), "preparing a picture");
        send(pts, keyframe, sink);
        return true;
    }

    /** Drains the pictures the encoder still holds (none in live mode). */
    public void flush(PacketSink sink) {
        Ffmpeg.check(avcodec_send_frame(context, null), "flushing the encoder");
        drain(sink);
    }

    private void send(long pts, boolean keyframe, PacketSink sink) {
        AVFrame frame = picture;
        if (uploaded != null) {
            Ffmpeg.check(av_hwframe_transfer_data(uploaded, picture, 0), "uploading a picture to the GPU");
            frame = uploaded;
        }
        frame.pts(pts);
        frame.pict_type(keyframe ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        Ffmpeg.check(avcodec_send_frame(context, frame), "encoding a picture with " + kind.ffmpegName());
        drain(sink);
    }

    private void drain(PacketSink sink) {
        while (true) {
            int status = avcodec_receive_packet(context, packet);
            if (status == AVERROR_EAGAIN() || status == AVERROR_EOF) {
                return;
            }
            Ffmpeg.check(status, "encoding with " + kind.ffmpegName());
            try {
                sink.write(packet);
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        converter.close();
        av_frame_free(picture);
        if (uploaded != null) {
            av_frame_free(uploaded);
        }
        av_packet_free(packet);
        avcodec_free_context(context);
    }

    // ---- set-up ------------------------------------------------------------------------------------------------

    private static void configure(AVCodecContext context, EncoderKind kind, EncoderSettings settings) {
        context.width(settings.width());
        context.height(settings.height());
        context.time_base(av_make_q(1, settings.timeBase()));
        context.framerate(av_make_q(settings.fps(), 1));
        context.pix_fmt(switch (kind) {
            case QSV, AMF -> AV_PIX_FMT_NV12;
            case VAAPI -> AV_PIX_FMT_VAAPI;
            default -> AV_PIX_FMT_YUV420P;
        });
        context.bit_rate(settings.bitsPerSecond());
        context.rc_max_rate(settings.live() ? settings.bitsPerSecond() : 2 * settings.bitsPerSecond());
        // Live: a one-second rate-control buffer keeps key frames from bursting far over the link's rate.
        context.rc_buffer_size((int) Math.min(Integer.MAX_VALUE, settings.live() ? settings.bitsPerSecond()
                : 2 * settings.bitsPerSecond()));
        context.gop_size(settings.keyframeInterval());
        context.max_b_frames(0);
        context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER | (settings.live() ? AV_CODEC_FLAG_LOW_DELAY : 0));
        // Leave cores to the renderer and the physics: an encoder never takes more than half the machine.
        context.thread_count(Math.clamp(Runtime.getRuntime().availableProcessors() / 2, 1, 4));
        // The renderer's RGBA becomes BT.601 limited range, what browsers assume for unlabelled H.264.
        context.color_range(AVCOL_RANGE_MPEG);
        context.colorspace(AVCOL_SPC_SMPTE170M);
        context.color_primaries(AVCOL_PRI_SMPTE170M);
        context.color_trc(AVCOL_TRC_SMPTE170M);
    }

    /** Each encoder's own words for low latency, baseline profile, IDR on request and no lookahead. */
    static Map<String, String> encoderOptions(EncoderKind kind, EncoderSettings settings) {
        Map<String, String> options = new LinkedHashMap<>();
        boolean live = settings.live();
        switch (kind) {
            case X264 -> {
                options.put("preset", "veryfast");
                if (live) {
                    options.put("tune", "zerolatency");
                    options.put("profile", "baseline");
                }
                // repeat-headers: SPS/PPS before every IDR; scenecut off: key frames only on schedule or request.
                options.put("x264-params", "repeat-headers=1:scenecut=0");
            }
            case NVENC -> {
                options.put("preset", live ? "p1" : "p4");
                options.put("tune", live ? "ull" : "hq");
                options.put("rc", live ? "cbr" : "vbr");
                options.put("forced-idr", "1");
                if (live) {
                    options.put("zerolatency", "1");
                    options.put("delay", "0");
                    options.put("profile", "baseline");
                }
            }
            case QSV -> {
                options.put("preset", live ? "veryfast" : "medium");
                options.put("forced_idr", "1");
                options.put("look_ahead", "0");
                if (live) {
                    options.put("async_depth", "1");
                    options.put("profile", "baseline");
                }
            }
            case VAAPI -> {
                options.put("rc_mode", live ? "CBR" : "VBR");
                if (live) {
                    options.put("async_depth", "1");
                    options.put("profile", "constrained_baseline");
                }
            }
            case AMF -> {
                options.put("usage", live ? "ultralowlatency" : "transcoding");
                options.put("rc", live ? "cbr" : "vbr_peak");
                options.put("forced_idr", "1");
                if (live) {
                    options.put("profile", "constrained_baseline");
                }
            }
        }
        return options;
    }

    private static AVDictionary options(EncoderKind kind, EncoderSettings settings) {
        AVDictionary dictionary = new AVDictionary(null);
        encoderOptions(kind, settings).forEach((key, value) -> av_dict_set(dictionary, key, value, 0));
        return dictionary;
    }

    /** VA-API encodes from GPU surfaces: a device, a pool of NV12 surfaces, and an upload per picture. */
    private static void attachVaapi(AVCodecContext context, EncoderSettings settings) {
        AVBufferRef device = new AVBufferRef(null);
        FfmpegLog.Captured<Integer> created = FfmpegLog.capture(() ->
                av_hwdevice_ctx_create(device, AV_HWDEVICE_TYPE_VAAPI, VAAPI_DEVICE, null, 0));
        if (created.value() < 0) {
            throw new EncoderUnavailableException(EncodeMessages.cannotOpen(EncoderKind.VAAPI,
                    EncodeMessages.noVaapiDevice(VAAPI_DEVICE, created.reason(Ffmpeg.error(created.value())))));
        }
        AVBufferRef frames = av_hwframe_ctx_alloc(device);
        AVHWFramesContext pool = new AVHWFramesContext(frames.data());
        pool.format(AV_PIX_FMT_VAAPI);
        pool.sw_format(AV_PIX_FMT_NV12);
        pool.width(settings.width());
        pool.height(settings.height());
        pool.initial_pool_size(4);
        int status = av_hwframe_ctx_init(frames);
        if (status < 0) {
            av_buffer_unref(frames);
            av_buffer_unref(device);
            throw new EncoderUnavailableException(EncodeMessages.cannotOpen(EncoderKind.VAAPI, Ffmpeg.error(status)));
        }
        context.hw_frames_ctx(av_buffer_ref(frames));
        av_buffer_unref(frames);
        av_buffer_unref(device);
    }
}
