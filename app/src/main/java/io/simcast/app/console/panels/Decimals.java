package io.simcast.app.console.panels;

import java.util.Locale;

/**
 * Writes numbers with a fixed count of decimals into a reused {@link StringBuilder}, as {@code %.Nf} shows them, for
 * the panels' ten updates a second: no format string parsed, no string made until one is needed. Any thread.
 */
final class Decimals {
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private Decimals() {}

    /** Appends {@code value} with {@code decimals} (0 to 6) digits after the point; -0 shows as 0. */
    static StringBuilder append(StringBuilder out, double value, int decimals) {
        long power = POWERS[decimals];
        if (!Double.isFinite(value) || Math.abs(value) >= 1e15 / power) {
            return out.append(String.format(Locale.ROOT, "%." + decimals + "f", value));
        }
        long scaled = Math.round(Math.abs(value) * power);
        if (value < 0 && scaled != 0) {
            out.append('-');
        }
        out.append(scaled / power);
        if (decimals > 0) {
            out.append('.');
            long fraction = scaled % power;
            for (long digit = power / 10; digit > 1 && fraction < digit; digit /= 10) {
                out.append('0');
            }
            out.append(fraction);
        }
        return out;
    }

    /** Whether {@code shown} already reads {@code text} (so a node's text need not be set again). */
    static boolean same(String shown, CharSequence text) {
        return shown != null && shown.contentEquals(text);
    }
}
