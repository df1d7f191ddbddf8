package app.scribe.ui.common;

import javafx.scene.paint.Color;

import java.util.Locale;

/** The colours and labels of the studio's tinted texts. */
public final class Tints {
    private static final Color UNKNOWN = Color.gray(0.6);
    /** Surprise at which the tint is fully orange: 6 bits is a 1-in-64 character. */
    private static final double MAX_SURPRISE_BITS = 6;

    private Tints() {
    }

    /** Viridis, from its dark violet to its yellow: readable with any colour vision, lightness rising throughout. */
    private static final Color[] VIRIDIS = {Color.web("#440154"), Color.web("#472d7b"), Color.web("#3b528b"),
            Color.web("#2c728e"), Color.web("#21918c"), Color.web("#28ae80"), Color.web("#5ec962"),
            Color.web("#addc30"), Color.web("#fde725")};
    /** A diverging blue–white–orange scale whose two ends are about equally dark. */
    private static final Color NEGATIVE = Color.web("#2166ac");
    private static final Color POSITIVE = Color.web("#b35806");
    private static final Color EXPECTED = Color.web("#222222");

    /**
     * A background for a character by how likely the model found it: dark violet for unlikely ones, through
     * blue-green, to yellow for the expected ones (viridis).
     */
    public static Color confidence(double probability) {
        if (Double.isNaN(probability)) {
            return UNKNOWN;
        }
        double position = Math.max(0, Math.min(1, probability)) * (VIRIDIS.length - 1);
        int below = Math.min((int) position, VIRIDIS.length - 2);
        return VIRIDIS[below].interpolate(VIRIDIS[below + 1], position - below);
    }

    /** Black or white, whichever reads better on {@code background} (WCAG contrast at least 4.58 either way). */
    public static Color textOn(Color background) {
        return contrast(Color.BLACK, background) >= contrast(Color.WHITE, background) ? Color.BLACK : Color.WHITE;
    }

    /** WCAG 2 contrast ratio of two colours, 1 to 21. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2 relative luminance. */
    public static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /**
     * Text colour on white: near-black for expected characters, turning to the scale's dark orange as the surprise
     * grows (not red, which red-blind readers see as dark); every shade keeps a contrast of at least 4.5 on white.
     */
    public static Color surprise(double bits) {
        if (Double.isNaN(bits)) {
            return UNKNOWN;
        }
        return EXPECTED.interpolate(POSITIVE, Math.max(0, Math.min(1, bits / MAX_SURPRISE_BITS)));
    }

    /** A background for a cell activation in [-scale, scale]: blue below zero, white at zero, orange above. */
    public static Color activation(double value, double scale) {
        double t = scale <= 0 ? 0 : Math.max(-1, Math.min(1, value / scale));
        return Color.WHITE.interpolate(t >= 0 ? POSITIVE : NEGATIVE, Math.abs(t));
    }

    public static String percent(double probability) {
        return Double.isNaN(probability) ? "unknown" : String.format(Locale.ROOT, "%.1f%%", 100 * probability);
    }

    /** A character as it reads in a label: newline and tab escaped, space quoted by the caller's quotes. */
    public static String printable(int codePoint) {
        return switch (codePoint) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            default -> new String(Character.toChars(codePoint));
        };
    }
}
