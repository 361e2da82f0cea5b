package io.simcast.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The probe on this machine: a CPU box without a GPU, where every hardware encoder must be reported unavailable
 * with its reason and libx264 chosen. (On a machine with a working hardware encoder the first test is skipped.)
 */
class EncoderProbeTest {

    @Test
    void everyHardwareEncoderIsUnavailableWithItsReasonAndLibx264IsChosen() {
        List<EncoderProbe.Result> results = EncoderProbe.results();
        assumeThat(results.stream().filter(r -> r.kind().hardware()).noneMatch(EncoderProbe.Result::works))
                .as("this machine has no hardware encoder").isTrue();

        assertThat(results).extracting(EncoderProbe.Result::kind).containsExactly(EncoderKind.values());
        assertThat(describe(results, EncoderKind.NVENC)).startsWith("h264_nvenc: no NVENC-capable GPU (");
        assertThat(describe(results, EncoderKind.QSV)).startsWith("h264_qsv: no Intel Quick Sync device (");
        assertThat(describe(results, EncoderKind.VAAPI)).startsWith("h264_vaapi: ");
        assertThat(describe(results, EncoderKind.AMF)).isEqualTo(
                "h264_amf: not in this FFmpeg build (AMD AMF is not part of JavaCPP's Linux FFmpeg)");
        assertThat(describe(results, EncoderKind.X264)).isEqualTo("libx264: works (software)");
        assertThat(EncoderProbe.choose(EncoderChoice.AUTO)).isEqualTo(EncoderKind.X264);
        assertThat(EncoderProbe.choose(EncoderChoice.parse("x264"))).isEqualTo(EncoderKind.X264);
    }

    @Test
    void aNamedEncoderThatCannotOpenIsRefusedSayingWhyAndWhatToDo() {
        assumeThat(EncoderProbe.results().stream().filter(r -> r.kind() == EncoderKind.NVENC)
                .noneMatch(EncoderProbe.Result::works)).as("no NVENC here").isTrue();

        assertThatThrownBy(() -> EncoderProbe.choose(EncoderChoice.resolve(null, Map.of("ENCODER", "nvenc"))))
                .isInstanceOf(EncoderUnavailableException.class)
                .hasMessageStartingWith("ENCODER=nvenc: h264_nvenc cannot be used here: no NVENC-capable GPU (")
                .hasMessageEndingWith(". Use ENCODER=auto (or --encoder auto) to take the first encoder that works;"
                        + " 'simcast check' lists them");
    }

    @Test
    void anUnknownEncoderNameListsTheChoices() {
        assertThatThrownBy(() -> EncoderChoice.parse("h265"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown encoder 'h265': use auto, nvenc, qsv, vaapi, amf, x264");
        assertThat(EncoderChoice.parse("AUTO")).isEqualTo(EncoderChoice.AUTO);
        assertThat(EncoderChoice.resolve("libx264", Map.of("ENCODER", "nvenc")).named()).contains(EncoderKind.X264);
    }

    private static String describe(List<EncoderProbe.Result> results, EncoderKind kind) {
        return results.stream().filter(r -> r.kind() == kind).findFirst().orElseThrow().describe();
    }
}
