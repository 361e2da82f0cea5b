package io.simcast.encode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Every sentence the encode module says to a person, in one place (tests check the words). */
public final class EncodeMessages {
    private EncodeMessages() {}

    static String unknownEncoder(String name) {
        return "unknown encoder '" + name + "': use auto, " + Arrays.stream(EncoderKind.values())
                .map(EncoderKind::wireName).collect(Collectors.joining(", "));
    }

    static String oddSize(int width, int height) {
        return "H.264 needs an even picture size of at least 2x2, got " + width + "x" + height;
    }

    static String ffmpegMissing(String detail) {
        return "FFmpeg could not be loaded (" + detail + "): the JavaCPP FFmpeg jars for linux-x86_64-gpl must be on"
                + " the class path";
    }

    static String works(EncoderKind kind) {
        return kind.hardware() ? "works" : "works (software)";
    }

    static String notInBuild(EncoderKind kind) {
        return switch (kind) {
            case AMF -> "not in this FFmpeg build (AMD AMF is not part of JavaCPP's Linux FFmpeg)";
            case X264 -> "not in this FFmpeg build (the non-GPL FFmpeg jar is on the class path: use linux-x86_64-gpl)";
            default -> "not in this FFmpeg build";
        };
    }

    static String cannotOpen(EncoderKind kind, String detail) {
        return kind.ffmpegName() + " did not open: " + detail;
    }

    static String noVaapiDevice(String device, String detail) {
        return Files.exists(Path.of(device)) ? "no usable VA-API driver for " + device + " (" + detail + ")"
                : "no " + device + " (" + detail + ")";
    }

    /** Turns what FFmpeg said while opening {@code kind} into the reason a person needs. */
    static String explain(EncoderKind kind, String ffmpeg) {
        String detail = ffmpeg.startsWith(kind.ffmpegName() + " did not open: ")
                ? ffmpeg.substring(kind.ffmpegName().length() + " did not open: ".length()) : ffmpeg;
        return switch (kind) {
            case NVENC -> detail.contains("libcuda")
                    ? "no NVENC-capable GPU (no NVIDIA driver: " + detail + ")"
                    : "no NVENC-capable GPU (" + detail + ")";
            case QSV -> "no Intel Quick Sync device (" + detail + ")";
            case VAAPI -> "no VA-API encoder (" + detail + ")";
            case AMF -> "no AMD AMF encoder (" + detail + ")";
            case X264 -> "libx264 failed (" + detail + ")";
        };
    }

    static String namedUnavailable(EncoderKind kind, String problem) {
        return "ENCODER=" + kind.wireName() + ": " + kind.ffmpegName() + " cannot be used here: " + problem
                + ". Use ENCODER=auto (or --encoder auto) to take the first encoder that works; 'simcast check'"
                + " lists them";
    }

    static String noEncoder(List<String> results) {
        return "no H.264 encoder works here: " + String.join("; ", results);
    }

    /** {@code simcast check}'s line for the encoder {@code auto} picks. */
    public static String chosen(EncoderKind kind) {
        return "H.264 encoding with " + kind.ffmpegName() + (kind.hardware() ? " (hardware)" : " (software)");
    }

    public static String cannotWrite(java.nio.file.Path file, int code) {
        return "cannot write " + file + ": " + Ffmpeg.error(code);
    }

    public static String failed(String doing, int code) {
        return doing + " failed: " + Ffmpeg.error(code);
    }

    public static String badRecordRequest(double seconds, int fps, double controlNoise) {
        return "a recording needs --seconds above 0 (got " + seconds + "), --fps from 1 to 240 (got " + fps
                + ") and --ctrl-noise of at least 0 (got " + controlNoise + ")";
    }

    public static String simulationStuck(Exception e) {
        return "the simulation did not step: " + (e.getCause() != null ? e.getCause().getMessage() : e.toString());
    }

    public static String noFrame(double time, long seconds) {
        return "no picture of t=" + time + " s within " + seconds + " s";
    }

    public static String nothingRecorded() {
        return "no picture arrived before the recording stopped";
    }

    public static String tooManyRecordings(int max) {
        return "already " + max + " recordings running: stop one first";
    }

    public static String badBroadcastUrl(String url) {
        return "--broadcast (BROADCAST_URL) must be a WHIP endpoint's http:// or https:// URL, got '" + url + "'";
    }

    public static String whipRelayFailed(String target, String detail) {
        return "publishing to " + target + " failed: " + detail;
    }

    public static String whipRefused(String target, int status, String body) {
        String reason = body.isBlank() ? "" : ": " + body.strip().lines().findFirst().orElse("");
        return target + " refused the broadcast (HTTP " + status + reason.substring(0, Math.min(reason.length(), 200))
                + ")";
    }

    public static String noMediaCandidate() {
        return "the SFU's answer has no UDP host candidate to send media to";
    }

    public static String sfuGone() {
        return "the SFU stopped answering (its media port is closed)";
    }
}
