package app.scribe.model;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplerTest {
    private static final float[] P = {0.05f, 0.6f, 0.1f, 0.25f, 0f};

    private static double sum(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s;
    }

    @Test
    void greedyTakesTheArgmax() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 20; i++) {
            assertEquals(1, Sampler.greedy().pick(P, random));
        }
        assertEquals(3, Sampler.greedy().pick(new float[]{0.1f, 0.2f, 0.1f, 0.5f, 0.1f}, random));
        assertEquals(0, Sampler.argmax(new float[]{0.9f, 0.05f, 0.05f}));
    }

    @Test
    void temperatureOneKeepsTheDistribution() {
        double[] w = Sampler.reweight(P, 1.0);
        for (int i = 0; i < P.length; i++) {
            assertEquals(P[i], w[i], 1e-6);
        }
        assertEquals(1.0, sum(w), 1e-9);
    }

    @Test
    void smallTemperatureApproachesArgmax() {
        double[] w = Sampler.reweight(P, 0.01);
        assertEquals(1.0, w[1], 1e-9);
        assertEquals(1.0, sum(w), 1e-9);
        double[] tiny = Sampler.reweight(P, 1e-6);
        assertEquals(1.0, tiny[1], 1e-12, "no underflow to NaN at tiny T");
        SplittableRandom random = new SplittableRandom(2);
        Sampler cold = Sampler.temperature(0.01);
        for (int i = 0; i < 200; i++) {
            assertEquals(1, cold.pick(P, random));
        }
    }

    @Test
    void temperatureTwoFlattens() {
        double[] w = Sampler.reweight(P, 2.0);
        assertEquals(1.0, sum(w), 1e-9);
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
    void weightsSumToOneForAnyTemperature() {
        float[] p = {1e-30f, 0.3f, 0.2f, 0.5f - 1e-30f};
        for (double t : new double[]{0.05, 0.3, 0.7, 1, 1.5, 3, 10}) {
            assertEquals(1.0, sum(Sampler.reweight(p, t)), 1e-9, "T=" + t);
        }
    }

    @Test
    void samplingFollowsTheDistribution() {
        SplittableRandom random = new SplittableRandom(42);
        Sampler sampler = Sampler.temperature(1.0);
        int[] counts = new int[P.length];
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            counts[sampler.pick(P, random)]++;
        }
        for (int i = 0; i < P.length; i++) {
            assertEquals(P[i], counts[i] / (double) n, 0.01, "index " + i);
        }
        assertEquals(0, counts[4]);
    }

    @Test
    void seededSamplingIsReproducible() {
        Sampler sampler = Sampler.temperature(0.8);
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);
        for (int i = 0; i < 100; i++) {
            assertEquals(sampler.pick(P, a), sampler.pick(P, b));
        }
    }

    @Test
    void temperatureOutsideItsRangeIsRefused() {
        for (double t : new double[]{0, -1, 11, Double.NaN}) {
            ScribeException e = assertThrows(ScribeException.class, () -> Sampler.temperature(t));
            assertTrue(e.getMessage().contains("above 0 and at most 10"), e.getMessage());
        }
    }
}
