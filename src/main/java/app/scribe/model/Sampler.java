package app.scribe.model;

import java.util.SplittableRandom;

/** Picks the next character from a distribution. */
public interface Sampler {
    int pick(float[] probabilities, SplittableRandom random);

    static Sampler greedy() {
        return (p, random) -> argmax(p);
    }

    /**
     * Sampling from the distribution sharpened (T &lt; 1) or flattened (T &gt; 1) by temperature T:
     * p_i^(1/T), renormalised; computed in log space so that small T cannot underflow.
     */
    static Sampler temperature(double temperature) {
        if (!(temperature > 0 && temperature <= 10)) {
            throw new app.scribe.ScribeException("temperature must be above 0 and at most 10 (got " + temperature + ").");
        }
        return (p, random) -> drawFrom(reweight(p, temperature), random);
    }

    static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The distribution p^(1/T), normalised to sum to one. */
    static double[] reweight(float[] p, double temperature) {
        double[] w = new double[p.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            w[i] = p[i] > 0 ? Math.log(p[i]) / temperature : Double.NEGATIVE_INFINITY;
            max = Math.max(max, w[i]);
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(w[i] - max);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
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
}
