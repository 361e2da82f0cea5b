package io.simcast.encode;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the H.264 encoders that work on this machine by really opening each one and encoding one small picture
 * (a driver can be installed without a device that encodes: a data-centre GPU has CUDA and no NVENC), then picks one
 * for an {@link EncoderChoice}. The first probe of a process runs them all (a few milliseconds each, plus loading
 * FFmpeg) and is remembered; any thread.
 */
public final class EncoderProbe {
    private static final Logger log = LoggerFactory.getLogger(EncoderProbe.class);
    /** Small enough to be quick, large enough for every encoder's minimum size. */
    private static final EncoderSettings PROBE = EncoderSettings.broadcast(256, 144, 30);
    private static volatile List<Result> results;

    private EncoderProbe() {}

    /**
     * What one encoder did when opened here.
     *
     * @param kind the encoder
     * @param problem why it cannot be used, or empty when it works
     */
    public record Result(EncoderKind kind, Optional<String> problem) {
        public boolean works() {
            return problem.isEmpty();
        }

        /** "h264_nvenc: works" or "h264_nvenc: no NVENC-capable GPU (...)", for {@code simcast check}. */
        public String describe() {
            return kind.ffmpegName() + ": " + problem.orElse(EncodeMessages.works(kind));
        }
    }

    /**
     * Every encoder, in {@link EncoderKind} order, with whether it works here.
     *
     * @throws EncoderUnavailableException when FFmpeg itself cannot be loaded
     */
    public static List<Result> results() {
        List<Result> known = results;
        if (known == null) {
            synchronized (EncoderProbe.class) {
                if (results == null) {
                    Ffmpeg.load();
                    List<Result> probed = new ArrayList<>();
                    for (EncoderKind kind : EncoderKind.values()) {
                        probed.add(probe(kind));
                    }
                    results = List.copyOf(probed);
                    results.forEach(result -> log.debug("{}", result.describe()));
                }
                known = results;
            }
        }
        return known;
    }

    /**
     * The encoder to use for {@code choice}: the named one if it works, else (auto) the first that works.
     *
     * @throws EncoderUnavailableException when the named encoder does not work here (saying why, and what to do)
     *     or none does
     */
    public static EncoderKind choose(EncoderChoice choice) {
        List<Result> all = results();
        if (choice.named().isPresent()) {
            EncoderKind named = choice.named().get();
            Result result = all.stream().filter(r -> r.kind() == named).findFirst().orElseThrow();
            if (!result.works()) {
                throw new EncoderUnavailableException(EncodeMessages.namedUnavailable(named,
                        result.problem().orElseThrow()));
            }
            return named;
        }
        return all.stream().filter(Result::works).map(Result::kind).findFirst()
                .orElseThrow(() -> new EncoderUnavailableException(EncodeMessages.noEncoder(all.stream()
                        .map(Result::describe).toList())));
    }

    private static Result probe(EncoderKind kind) {
        if (avcodec_find_encoder_by_name(kind.ffmpegName()) == null) {
            return new Result(kind, Optional.of(EncodeMessages.notInBuild(kind)));
        }
        H264Encoder opened;
        try {
            opened = H264Encoder.open(kind, PROBE);
        } catch (EncoderUnavailableException e) {
            return new Result(kind, Optional.of(EncodeMessages.explain(kind, e.getMessage())));
        }
        try (H264Encoder encoder = opened) {
            // Some encoders open and fail on their first picture: FFmpeg's log then says why.
            FfmpegLog.Captured<FfmpegException> first = FfmpegLog.capture(() -> {
                try {
                    ByteBuffer black = ByteBuffer.allocateDirect(PROBE.width() * PROBE.height() * 4);
                    encoder.encode(black, PROBE.width(), PROBE.height(), 0, true, packet -> {});
                    encoder.flush(packet -> {});
                    return null;
                } catch (FfmpegException e) {
                    return e;
                }
            });
            return new Result(kind, first.value() == null ? Optional.empty()
                    : Optional.of(EncodeMessages.explain(kind, first.reason(first.value().getMessage()))));
        }
    }
}
