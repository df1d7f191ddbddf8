package app.scribe.generation;

import app.scribe.ScribeException;
import app.scribe.corpus.Vocabulary;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How the next character is drawn from the model's distribution, as one composable recipe applied in this order:
 * repetition penalty (the probability of each character among the last {@code repetitionWindow} characters of
 * prompt and output is divided by {@code repetitionPenalty}), temperature (p^(1/T)), top-k (only the k likeliest
 * characters stay), top-p (only the smallest set of likeliest characters whose mass reaches p stays); the result is
 * renormalised after every step. The neutral values (penalty 1, T 1, k {@link Vocabulary#MAX_SIZE}, p 1) change
 * nothing; top-k 1 is greedy decoding. Ties are broken towards the lower index, as {@link #argmax} does. This is
 * the one way Scribe draws characters: every tab, the training samples and the command line use it.
 */
public record SamplingSettings(double temperature, int topK, double topP, double repetitionPenalty,
                               int repetitionWindow) {
    public static final double MAX_TEMPERATURE = 10;
    public static final double MAX_REPETITION_PENALTY = 10;
    public static final int DEFAULT_REPETITION_WINDOW = 20;
    public static final int MAX_REPETITION_WINDOW = 100_000;
    /** Mass shortfall tolerated when deciding that the kept set reaches p: about float precision, since the model's
     * float probabilities do not sum to one exactly. */
    private static final double MASS_TOLERANCE = 1e-6;

    public SamplingSettings {
        if (!(temperature > 0 && temperature <= MAX_TEMPERATURE)) {
            throw new ScribeException("Temperature must be above 0 and at most " + (int) MAX_TEMPERATURE + " (got "
                    + temperature + ").");
        }
        if (topK < 1 || topK > Vocabulary.MAX_SIZE) {
            throw new ScribeException("Top-k must be between 1 and " + Vocabulary.MAX_SIZE + " (got " + topK + ").");
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new ScribeException("Top-p must be above 0 and at most 1 (got " + topP + ").");
        }
        if (!(repetitionPenalty >= 1 && repetitionPenalty <= MAX_REPETITION_PENALTY)) {
            throw new ScribeException("Repetition penalty must be between 1 and " + (int) MAX_REPETITION_PENALTY
                    + " (got " + repetitionPenalty
                    + "); 1 means no penalty.");
        }
        if (repetitionWindow < 0 || repetitionWindow > MAX_REPETITION_WINDOW) {
            throw new ScribeException("Repetition window must be between 0 and " + MAX_REPETITION_WINDOW
                    + " characters (got " + repetitionWindow + ").");
        }
    }

    /** Plain sampling: nothing reshaped. */
    public static SamplingSettings plain() {
        return new SamplingSettings(1.0, Vocabulary.MAX_SIZE, 1.0, 1.0, DEFAULT_REPETITION_WINDOW);
    }

    /** Always the likeliest character (top-k 1). */
    public static SamplingSettings greedy() {
        return plain().withTopK(1);
    }

    public SamplingSettings withTemperature(double t) {
        return new SamplingSettings(t, topK, topP, repetitionPenalty, repetitionWindow);
    }

    public SamplingSettings withTopK(int k) {
        return new SamplingSettings(temperature, k, topP, repetitionPenalty, repetitionWindow);
    }

    public SamplingSettings withTopP(double p) {
        return new SamplingSettings(temperature, topK, p, repetitionPenalty, repetitionWindow);
    }

    public SamplingSettings withRepetitionPenalty(double penalty) {
        return new SamplingSettings(temperature, topK, topP, penalty, repetitionWindow);
    }

    public SamplingSettings withRepetitionWindow(int window) {
        return new SamplingSettings(temperature, topK, topP, repetitionPenalty, window);
    }

    /**
     * The distribution to draw from, normalised to sum to one. {@code recent} holds the indices of the characters
     * that count as recent (the caller passes at most the last {@link #repetitionWindow()}); repeats are harmless.
     * Computed in log space, so that small temperatures cannot underflow.
     */
    public double[] distribution(float[] probabilities, int[] recent) {
        return distribution(probabilities, recent, null);
    }

    /**
     * {@link #distribution(float[], int[])} with the {@code refused} characters (when not null) removed before
     * anything is reshaped, so that top-k and top-p choose among the others; null when every character with a
     * probability is refused.
     */
    private double[] distribution(float[] probabilities, int[] recent, boolean[] refused) {
        int n = probabilities.length;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            boolean allowed = probabilities[i] > 0 && (refused == null || !refused[i]);
            w[i] = allowed ? Math.log(probabilities[i]) : Double.NEGATIVE_INFINITY;
        }
        if (repetitionPenalty != 1) {
            boolean[] seen = new boolean[n];
            for (int index : recent) {
                if (index >= 0 && index < n) {
                    seen[index] = true;
                }
            }
            double logPenalty = Math.log(repetitionPenalty);
            for (int i = 0; i < n; i++) {
                if (seen[i]) {
                    w[i] -= logPenalty;
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            w[i] /= temperature;
            max = Math.max(max, w[i]);
        }
        if (max == Double.NEGATIVE_INFINITY && refused != null) {
            return null;
        }
        if (max == Double.NEGATIVE_INFINITY) {
            // Nothing is possible (cannot happen with a softmax); fall back to uniform rather than NaN.
            Arrays.fill(w, 1.0 / n);
            return w;
        }
        for (int i = 0; i < n; i++) {
            w[i] = Math.exp(w[i] - max);
        }
        normalise(w);
        if (topK < n || topP < 1) {
            Integer[] order = byDescendingWeight(w);
            int keep = Math.min(topK, n);
            if (topP < 1) {
                double mass = 0;
                for (int rank = 0; rank < keep; rank++) {
                    mass += w[order[rank]];
                    if (mass >= topP - MASS_TOLERANCE) {
                        keep = rank + 1;
                        break;
                    }
                }
            }
            for (int rank = keep; rank < n; rank++) {
                w[order[rank]] = 0;
            }
            normalise(w);
        }
        return w;
    }

    /** Draws the next character from {@link #distribution}. */
    public int pick(float[] probabilities, int[] recent, SplittableRandom random) {
        if (reshapesNothing(probabilities.length)) {
            int drawn = drawPlain(probabilities, random);
            if (drawn >= 0) {
                return drawn;
            }
        }
        return drawFrom(distribution(probabilities, recent), random);
    }

    /**
     * Draws again after {@link #pick} drew a refused character ({@link CopyLimit}): from the same distribution with
     * the refused characters removed and the rest renormalised. When nothing remains (the refused characters held
     * all the mass that top-k and top-p kept, as the likeliest does under top-k 1), the cut is made again among the
     * allowed characters alone, so greedy decoding takes the likeliest allowed one. Returns -1 when every character
     * the model gives a probability is refused.
     */
    public int redraw(float[] probabilities, int[] recent, SplittableRandom random, boolean[] refused) {
        double[] w = distribution(probabilities, recent);
        double left = 0;
        for (int i = 0; i < w.length; i++) {
            if (refused[i]) {
                w[i] = 0;
            }
            left += w[i];
        }
        if (left > 0) {
            for (int i = 0; i < w.length; i++) {
                w[i] /= left;
            }
            return drawFrom(w, random);
        }
        double[] recut = distribution(probabilities, recent, refused);
        return recut == null ? -1 : drawFrom(recut, random);
    }

    private boolean reshapesNothing(int n) {
        return temperature == 1 && topK >= n && topP == 1 && repetitionPenalty == 1;
    }

    /**
     * {@link #drawFrom} on the plain distribution without building it: the same inverse-CDF walk over the
     * probabilities themselves, the uniform number scaled by their sum instead of every probability divided by it.
     * The two differ only by rounding (about 1e-16), so they draw the same index unless the number falls that close
     * to a boundary. Returns -1, having used no random number, when the sum is not a positive finite number.
     */
    private static int drawPlain(float[] p, SplittableRandom random) {
        double total = 0;
        for (float x : p) {
            if (x > 0) {
                total += x;
            }
        }
        if (!(total > 0 && total < Double.POSITIVE_INFINITY)) {
            return -1;
        }
        double u = random.nextDouble() * total;
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                cumulative += p[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last;
    }

    /** The likeliest index; the lowest of tied ones. */
    public static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Inverse-CDF draw from a normalised distribution. */
    static int drawFrom(double[] w, SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < w.length; i++) {
            cumulative += w[i];
            if (u < cumulative) {
                return i;
            }
        }
        for (int i = w.length - 1; i >= 0; i--) {
            if (w[i] > 0) {
                return i;
            }
        }
        return w.length - 1;
    }

    private static Integer[] byDescendingWeight(double[] w) {
        Integer[] order = new Integer[w.length];
        for (int i = 0; i < w.length; i++) {
            order[i] = i;
        }
        // A stable sort: equal weights keep ascending index order.
        Arrays.sort(order, (a, b) -> Double.compare(w[b], w[a]));
        return order;
    }

    private static void normalise(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
    }
}
