package app.scribe.generation;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplingSettingsTest {
    private static final float[] P = {0.05f, 0.4f, 0.1f, 0.25f, 0f, 0.2f};
    private static final int[] NONE = {};

    private static double sum(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s;
    }

    private static int nonZero(double[] w) {
        int n = 0;
        for (double v : w) {
            if (v > 0) {
                n++;
            }
        }
        return n;
    }

    @Test
    void plainSettingsKeepTheDistribution() {
        double[] w = SamplingSettings.plain().distribution(P, NONE);
        for (int i = 0; i < P.length; i++) {
            assertEquals(P[i], w[i], 1e-6);
        }
        assertEquals(1.0, sum(w), 1e-9);
    }

    @Test
    void temperatureTwoFlattensToTheSquareRoot() {
        double[] w = SamplingSettings.plain().withTemperature(2).distribution(P, NONE);
        double norm = 0;
        for (float p : P) {
            norm += Math.sqrt(p);
        }
        for (int i = 0; i < P.length; i++) {
            assertEquals(Math.sqrt(P[i]) / norm, w[i], 1e-6, "p^(1/2) renormalised");
        }
        assertTrue(w[1] < P[1], "the top choice loses weight");
        assertTrue(w[0] > P[0], "the rarest choice gains weight");
        assertEquals(0.0, w[4], "impossible stays impossible");
    }

    @Test
    void smallTemperatureApproachesArgmaxWithoutUnderflow() {
        assertEquals(1.0, SamplingSettings.plain().withTemperature(0.01).distribution(P, NONE)[1], 1e-9);
        assertEquals(1.0, SamplingSettings.plain().withTemperature(1e-6).distribution(P, NONE)[1], 1e-12,
                "no underflow to NaN at tiny T");
        float[] p = {1e-30f, 0.3f, 0.2f, 0.5f - 1e-30f};
        for (double t : new double[]{0.05, 0.3, 0.7, 1, 1.5, 3, 10}) {
            assertEquals(1.0, sum(SamplingSettings.plain().withTemperature(t).distribution(p, NONE)), 1e-9, "T=" + t);
        }
    }

    @Test
    void samplingFollowsTheDistributionAndRepeatsWithTheSeed() {
        SplittableRandom random = new SplittableRandom(42);
        int[] counts = new int[P.length];
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            counts[SamplingSettings.plain().pick(P, NONE, random)]++;
        }
        for (int i = 0; i < P.length; i++) {
            assertEquals(P[i], counts[i] / (double) n, 0.01, "index " + i);
        }
        assertEquals(0, counts[4]);
        SamplingSettings warm = SamplingSettings.plain().withTemperature(0.8);
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);
        for (int i = 0; i < 100; i++) {
            assertEquals(warm.pick(P, NONE, a), warm.pick(P, NONE, b));
        }
    }

    @Test
    void plainPickDrawsWhatTheBuiltDistributionDraws() {
        // pick's shortcut for plain settings against the general path, on softmax-like distributions of 79
        // characters (some exactly zero, some peaked), each draw from the same random number.
        SamplingSettings plain = SamplingSettings.plain();
        SplittableRandom shapes = new SplittableRandom(5);
        SplittableRandom a = new SplittableRandom(77);
        SplittableRandom b = new SplittableRandom(77);
        float[] p = new float[79];
        for (int d = 0; d < 1_000; d++) {
            double spread = 0.5 + 8 * shapes.nextDouble();
            float sum = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] = shapes.nextInt(10) == 0 ? 0f : (float) Math.exp(spread * shapes.nextGaussian());
                sum += p[i];
            }
            for (int i = 0; i < p.length; i++) {
                p[i] /= sum;
            }
            for (int draw = 0; draw < 100; draw++) {
                assertEquals(SamplingSettings.drawFrom(plain.distribution(p, NONE), b), plain.pick(p, NONE, a),
                        "distribution " + d + ", draw " + draw);
            }
        }
        float[] nothing = new float[4];
        assertEquals(SamplingSettings.drawFrom(plain.distribution(nothing, NONE), b), plain.pick(nothing, NONE, a));
        assertEquals(b.nextLong(), a.nextLong(), "both paths used the same random numbers");
    }

    @Test
    void topKKeepsExactlyKCandidatesRenormalised() {
        for (int k = 1; k <= 5; k++) {
            double[] w = SamplingSettings.plain().withTopK(k).distribution(P, NONE);
            assertEquals(k, nonZero(w), "k=" + k);
            assertEquals(1.0, sum(w), 1e-9);
        }
        double[] three = SamplingSettings.plain().withTopK(3).distribution(P, NONE);
        double mass = 0.4 + 0.25 + 0.2;
        assertEquals(0.4 / mass, three[1], 1e-6);
        assertEquals(0.25 / mass, three[3], 1e-6);
        assertEquals(0.2 / mass, three[5], 1e-6);
        // Ties: exactly k survive, the lower indices first.
        double[] tied = SamplingSettings.plain().withTopK(2).distribution(new float[]{0.25f, 0.25f, 0.25f, 0.25f}, NONE);
        assertEquals(2, nonZero(tied));
        assertEquals(0.5, tied[0], 1e-9);
        assertEquals(0.5, tied[1], 1e-9);
        // More than the vocabulary keeps everything.
        assertEquals(5, nonZero(SamplingSettings.plain().withTopK(50).distribution(P, NONE)));
    }

    @Test
    void topKOneIsGreedy() {
        assertEquals(1, SamplingSettings.argmax(P));
        assertEquals(0, SamplingSettings.argmax(new float[]{0.5f, 0.5f}), "ties go to the lower index");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            assertEquals(SamplingSettings.argmax(P), SamplingSettings.greedy().pick(P, NONE, random));
            assertEquals(SamplingSettings.argmax(P), SamplingSettings.plain().withTopK(1).withTemperature(3)
                    .pick(P, NONE, random));
        }
    }

    @Test
    void topPKeepsTheSmallestSetReachingP() {
        // Sorted: 0.4 (1), 0.25 (3), 0.2 (5), 0.1 (2), 0.05 (0).
        assertEquals(1, nonZero(SamplingSettings.plain().withTopP(0.4).distribution(P, NONE)), "0.4 alone reaches 0.4");
        assertEquals(2, nonZero(SamplingSettings.plain().withTopP(0.41).distribution(P, NONE)));
        assertEquals(2, nonZero(SamplingSettings.plain().withTopP(0.65).distribution(P, NONE)));
        double[] w = SamplingSettings.plain().withTopP(0.7).distribution(P, NONE);
        assertEquals(3, nonZero(w));
        assertTrue(w[1] > 0 && w[3] > 0 && w[5] > 0, "the three likeliest");
        assertEquals(0.2 / 0.85, w[5], 1e-6);
        assertEquals(1.0, sum(w), 1e-9);
        assertEquals(5, nonZero(SamplingSettings.plain().withTopP(1.0).distribution(P, NONE)));
        assertEquals(5, nonZero(SamplingSettings.plain().withTopP(0.96).distribution(P, NONE)));
    }

    @Test
    void topKAndTopPCombine() {
        double[] w = SamplingSettings.plain().withTopK(2).withTopP(0.9).distribution(P, NONE);
        assertEquals(2, nonZero(w), "top-k caps what top-p would keep");
        double[] v = SamplingSettings.plain().withTopK(4).withTopP(0.5).distribution(P, NONE);
        assertEquals(2, nonZero(v), "top-p cuts within top-k");
    }

    @Test
    void repetitionPenaltyLowersARepeatedCharacter() {
        SamplingSettings settings = SamplingSettings.plain().withRepetitionPenalty(2);
        double[] w = settings.distribution(P, new int[]{1, 1, 1});
        double norm = 0.05 + 0.4 / 2 + 0.1 + 0.25 + 0.2;
        assertEquals(0.4 / 2 / norm, w[1], 1e-6, "divided by the penalty, renormalised");
        assertTrue(w[1] < P[1]);
        assertTrue(w[3] > P[3], "the others gain");
        assertEquals(1.0, sum(w), 1e-9);
        assertEquals(P[1], SamplingSettings.plain().distribution(P, new int[]{1})[1], 1e-6, "no penalty by default");
        // The greedy choice changes once the favourite is penalised enough.
        assertEquals(3, SamplingSettings.greedy().withRepetitionPenalty(2).pick(P, new int[]{1}, new SplittableRandom(1)));
    }

    @Test
    void valuesOutsideTheirRangeAreRefusedByName() {
        SamplingSettings s = SamplingSettings.plain();
        assertTrue(assertThrows(ScribeException.class, () -> s.withTopK(0)).getMessage()
                .contains("Top-k must be between 1 and 4096"));
        assertTrue(assertThrows(ScribeException.class, () -> s.withTopK(5000)).getMessage().contains("Top-k"));
        for (double p : new double[]{0, -0.1, 1.5, Double.NaN}) {
            assertTrue(assertThrows(ScribeException.class, () -> s.withTopP(p)).getMessage()
                    .contains("Top-p must be above 0 and at most 1"), "p=" + p);
        }
        for (double r : new double[]{0.5, 0, 11, Double.NaN}) {
            assertTrue(assertThrows(ScribeException.class, () -> s.withRepetitionPenalty(r)).getMessage()
                    .contains("Repetition penalty must be between 1 and 10"), "r=" + r);
        }
        assertTrue(assertThrows(ScribeException.class, () -> s.withTemperature(0)).getMessage()
                .contains("Temperature must be above 0 and at most 10"));
        assertTrue(assertThrows(ScribeException.class, () -> s.withRepetitionWindow(-1)).getMessage()
                .contains("Repetition window"));
    }
}
