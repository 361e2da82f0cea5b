package io.simcast.encode;

import java.util.Locale;

/**
 * The H.264 encoders Simcast knows, in the order {@code auto} tries them: the hardware ones first (NVIDIA NVENC,
 * Intel Quick Sync, VA-API for AMD and Intel on Linux, AMD AMF), libx264 last, which every machine has.
 */
public enum EncoderKind {
    NVENC("nvenc", "h264_nvenc", true),
    QSV("qsv", "h264_qsv", true),
    VAAPI("vaapi", "h264_vaapi", true),
    AMF("amf", "h264_amf", true),
    X264("x264", "libx264", false);

    private final String wireName;
    private final String ffmpegName;
    private final boolean hardware;

    EncoderKind(String wireName, String ffmpegName, boolean hardware) {
        this.wireName = wireName;
        this.ffmpegName = ffmpegName;
        this.hardware = hardware;
    }

    /** The name in {@code ENCODER} and {@code --encoder}: nvenc, qsv, vaapi, amf or x264. */
    public String wireName() {
        return wireName;
    }

    /** FFmpeg's encoder name, e.g. {@code h264_nvenc}. */
    public String ffmpegName() {
        return ffmpegName;
    }

    public boolean hardware() {
        return hardware;
    }

    /**
     * The kind called {@code name} (a wire name or FFmpeg's, any case).
     *
     * @throws IllegalArgumentException naming the choices
     */
    public static EncoderKind parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (EncoderKind kind : values()) {
            if (kind.wireName.equals(wanted) || kind.ffmpegName.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(EncodeMessages.unknownEncoder(name));
    }
}
