package app.scribe.ui;

import javafx.scene.paint.Color;

import java.util.Locale;

/** The colours and labels of the studio's tinted texts. */
final class Tints {
    private static final Color UNKNOWN = Color.gray(0.6);
    /** Surprise at which the tint is fully red: 6 bits is a 1-in-64 character. */
    private static final double MAX_SURPRISE_BITS = 6;

    private Tints() {
    }

    /** Red for characters the model found unlikely, through amber, to green for the ones it expected. */
    static Color confidence(double probability) {
        return Double.isNaN(probability) ? UNKNOWN : Color.hsb(120 * Math.max(0, Math.min(1, probability)), 0.9, 0.65);
    }

    /** Dark for expected characters, deepening red as the surprise grows. */
    static Color surprise(double bits) {
        if (Double.isNaN(bits)) {
            return UNKNOWN;
        }
        double t = Math.min(1, bits / MAX_SURPRISE_BITS);
        return Color.hsb(0, t, 0.25 + 0.6 * t);
    }

    /** A background for a cell activation in [-scale, scale]: blue below zero, white at zero, red above. */
    static Color activation(double value, double scale) {
        double t = scale <= 0 ? 0 : Math.max(-1, Math.min(1, value / scale));
        return t >= 0 ? Color.color(1, 1 - 0.75 * t, 1 - 0.75 * t) : Color.color(1 + 0.75 * t, 1 + 0.75 * t, 1);
    }

    static String percent(double probability) {
        return Double.isNaN(probability) ? "unknown" : String.format(Locale.ROOT, "%.1f%%", 100 * probability);
    }

    /** A character as it reads in a label: newline and tab escaped, space quoted by the caller's quotes. */
    static String printable(int codePoint) {
        return switch (codePoint) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            default -> new String(Character.toChars(codePoint));
        };
    }
}
