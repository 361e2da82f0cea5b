package io.simcast.app.console.panels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The panels' number writer shows what {@code %.Nf} shows, less its "-0". */
class DecimalsTest {
    private static String written(double value, int decimals) {
        return Decimals.append(new StringBuilder("x"), value, decimals).substring(1);
    }

    @Test
    void writesWhatFormatWrites() {
        Random random = new Random(15);
        for (int i = 0; i < 20_000; i++) {
            double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 4);
            int decimals = random.nextInt(7);
            String expected = String.format(Locale.ROOT, "%." + decimals + "f", value);
            if (expected.matches("-0\\.?0*")) {
                expected = expected.substring(1); // a value that rounds to zero shows no sign
            }
            assertThat(written(value, decimals)).as("%s with %d decimals", value, decimals).isEqualTo(expected);
        }
    }

    @Test
    void edgesReadAsAPersonExpects() {
        assertThat(written(0.0005, 3)).isEqualTo("0.001");
        assertThat(written(-0.0004, 3)).isEqualTo("0.000");
        assertThat(written(-1.5, 0)).isEqualTo("-2");
        assertThat(written(9.9996, 3)).isEqualTo("10.000");
        assertThat(written(0.05, 4)).isEqualTo("0.0500");
        assertThat(written(Double.NaN, 3)).isEqualTo("NaN");
        assertThat(written(1e20, 2)).isEqualTo(String.format(Locale.ROOT, "%.2f", 1e20));
    }

    @Test
    void sameComparesTheShownTextWithoutMakingAString() {
        assertThat(Decimals.same("1.000", new StringBuilder("1.000"))).isTrue();
        assertThat(Decimals.same("1.000", new StringBuilder("1.001"))).isFalse();
        assertThat(Decimals.same(null, new StringBuilder())).isFalse();
    }
}
