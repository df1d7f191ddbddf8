package app.scribe.analysis;

import app.scribe.ScribeException;

import java.util.Locale;

/**
 * Dynamic evaluation (Krause et al. 2017, "Dynamic Evaluation of Neural Sequence Models"): the model keeps learning
 * from the text it reads. Every {@code segment} characters, after they have been scored, it takes one step of its
 * own optimiser (the one it was trained with, whose moments the model file keeps: for RMSprop, the paper's "RMS"
 * variant with the training's mean squares) at {@code rate} on the last {@code segment + context} characters, then
 * reads on from the state that the last {@code context} characters give the updated weights. Only a private copy of
 * the model learns: the caller's model and its file never change.
 *
 * @param rate    the learning rate of those steps, above 0 and at most {@link #MAX_RATE}
 * @param segment characters scored between two steps
 * @param context characters before a segment that its step also trains on and the state is rebuilt from
 */
public record DynamicEvaluation(double rate, int segment, int context) {
    /** The rate measured best on Tiny Shakespeare (see BENCHMARKS.md, "Dynamic evaluation"). */
    public static final double DEFAULT_RATE = 3e-4;
    public static final double MAX_RATE = 1;
    public static final int SEGMENT = 50;
    public static final int CONTEXT = 50;

    public DynamicEvaluation {
        if (!(rate > 0 && rate <= MAX_RATE)) {
            throw new ScribeException(String.format(Locale.ROOT,
                    "The dynamic evaluation's rate must be above 0 and at most %s (got %s).", MAX_RATE, rate));
        }
        if (segment < 1 || context < 0) {
            throw new IllegalArgumentException("segment must be positive and context not negative");
        }
    }

    /** At {@code rate}, with the default segment and context. */
    public static DynamicEvaluation at(double rate) {
        return new DynamicEvaluation(rate, SEGMENT, CONTEXT);
    }
}
