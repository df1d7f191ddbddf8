package app.scribe.training;

import app.scribe.model.ArrayShapes;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;

import java.util.Locale;

/**
 * How long one epoch of a corpus takes here, and whether a model is likely too small or too large for it, by
 * char-rnn's rule of thumb (Karpathy): the parameter count should be of the order of the number of characters.
 * Below a tenth of it the model likely underfits, above ten times it likely overfits.
 */
public final class SizeAdvice {
    /**
     * Training cost is close to proportional to the parameter count: the bench on the 2-core build machine measured
     * 9-10 billion parameter-characters per second for every size from 1 x 128 to 2 x 512 units (BENCHMARKS.md).
     */
    public static final double DEFAULT_PARAMETER_CHARS_PER_SECOND = 9e9;
    /** How far from the corpus size, either way, the parameter count may be and still count as "of the order". */
    static final double ORDER = 10;

    private SizeAdvice() {
    }

    /** The training speed the estimate uses, in parameter-characters per second, and where it comes from. */
    public record Speed(double parameterCharsPerSecond, String source) {
        /** The last run's speed, scaled to other model sizes by the parameter count. */
        public static Speed measured(double charsPerSecond, long parameters) {
            return new Speed(charsPerSecond * parameters, String.format(Locale.ROOT,
                    "scaled from this session's last run, %,.0f chars/s at %,d parameters", charsPerSecond, parameters));
        }

        public static Speed assumed() {
            return new Speed(DEFAULT_PARAMETER_CHARS_PER_SECOND,
                    "not measured yet: assumed 9 billion parameter-characters/s, the bench's figure on 2 cores");
        }
    }

    /** The weights and biases of a model of {@code hp} over {@code vocabulary} characters, as the fast engine lays them out. */
    public static long parameters(Hyperparameters hp, int vocabulary) {
        long total = 0;
        for (int[] shape : Engines.arrayShapes(Engines.DEFAULT, vocabulary, hp).weights().values()) {
            total += ArrayShapes.elements(shape);
        }
        return total;
    }

    /**
     * @param characters         the corpus's characters, which the rule of thumb compares with
     * @param trainingCharacters the characters one epoch reads
     */
    public static String advise(long characters, long trainingCharacters, long parameters, Speed speed) {
        double charsPerSecond = speed.parameterCharsPerSecond() / parameters;
        double ratio = (double) parameters / characters;
        String verdict = ratio < 1 / ORDER ? "likely too small: it will underfit; more units or layers would learn more"
                : ratio > ORDER ? "likely too large: it will overfit (memorise the book); use fewer units, dropout or more text"
                : "about right";
        return String.format(Locale.ROOT, "One epoch (%,d characters) takes about %s here at about %,.0f chars/s (%s)."
                        + "%nModel: %,d parameters for %,d characters (%s): %s. Rule of thumb (char-rnn): parameters of"
                        + " the order of the number of characters, within %.0fx either way.",
                trainingCharacters, about(trainingCharacters / charsPerSecond), charsPerSecond, speed.source(),
                parameters, characters, times(ratio), verdict, ORDER);
    }

    private static String times(double ratio) {
        return ratio >= 1 ? String.format(Locale.ROOT, "%.1fx the characters", ratio)
                : String.format(Locale.ROOT, "1/%.1f of the characters", 1 / ratio);
    }

    static String about(double seconds) {
        if (seconds < 90) {
            return Math.max(1, Math.round(seconds)) + " s";
        }
        if (seconds < 90 * 60) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
