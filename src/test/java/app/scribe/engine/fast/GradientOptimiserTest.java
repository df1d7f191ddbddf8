package app.scribe.engine.fast;

import app.scribe.model.Optimizer;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientOptimiserTest {
    private static float[] run(Optimizer kind, double decay, float gradient, int steps, double lr) {
        GradientOptimiser o = GradientOptimiser.create(kind, 2, decay);
        FloatBuffer w = FloatBuffer.wrap(new float[]{1f, -2f});
        FloatBuffer g = FloatBuffer.wrap(new float[]{gradient, gradient});
        for (int s = 0; s < steps; s++) {
            o.update(w, g, 1f, lr);
        }
        return new float[]{w.get(0), w.get(1)};
    }

    @Test
    void sgdStepsAgainstTheClippedGradient() {
        GradientOptimiser o = GradientOptimiser.create(Optimizer.SGD, 1, 0);
        FloatBuffer w = FloatBuffer.wrap(new float[]{1f});
        o.update(w, FloatBuffer.wrap(new float[]{4f}), 0.5f, 0.1);
        assertEquals(1f - 0.1f * 2f, w.get(0), 1e-7);
        assertEquals(1, o.step);
    }

    @Test
    void momentumAccumulatesAVelocity() {
        // u1 = g, u2 = 0.9 g + g: the second step is 1.9 times the first.
        float[] one = run(Optimizer.MOMENTUM, 0, 1f, 1, 0.1);
        float[] two = run(Optimizer.MOMENTUM, 0, 1f, 2, 0.1);
        assertEquals(0.9f, one[0], 1e-6);
        assertEquals(0.9f - 0.19f, two[0], 1e-6);
    }

    @Test
    void weightDecayPullsEveryRuleTowardsZero() {
        for (Optimizer kind : Optimizer.values()) {
            float[] still = run(kind, 0, 0f, 5, 0.01);
            float[] decayed = run(kind, 0.1, 0f, 5, 0.01);
            assertEquals(1f, still[0], 0f, kind.id());
            assertEquals(-2f, still[1], 0f, kind.id());
            assertTrue(decayed[0] < 1f && decayed[0] > 0f, kind.id() + " " + decayed[0]);
            assertTrue(decayed[1] > -2f && decayed[1] < 0f, kind.id() + " " + decayed[1]);
        }
        // Plain SGD with decay d shrinks by exactly (1 - lr d) per step.
        assertEquals(Math.pow(1 - 0.01 * 0.1, 5), run(Optimizer.SGD, 0.1, 0f, 5, 0.01)[0], 1e-6);
    }

    @Test
    void aLargeBlockMovesEveryParameterAsABlockOfOneWould() {
        // More parameters than one chunk of the update, and not a multiple of it: every chunk and the last, short one.
        int size = 5000;
        for (Optimizer kind : Optimizer.values()) {
            GradientOptimiser block = GradientOptimiser.create(kind, size, 0.01);
            FloatBuffer w = FloatBuffer.allocate(size);
            FloatBuffer g = FloatBuffer.allocate(size);
            for (int i = 0; i < size; i++) {
                w.put(i, (i % 7 - 3) * 0.25f);
                g.put(i, (i % 5 - 2) * 0.5f);
            }
            float[] start = new float[size];
            w.get(0, start);
            for (int s = 0; s < 3; s++) {
                block.update(w, g, 0.5f, 0.01);
            }
            for (int i = 0; i < size; i += 499) {
                GradientOptimiser one = GradientOptimiser.create(kind, 1, 0.01);
                FloatBuffer wi = FloatBuffer.wrap(new float[]{start[i]});
                for (int s = 0; s < 3; s++) {
                    one.update(wi, FloatBuffer.wrap(new float[]{g.get(i)}), 0.5f, 0.01);
                }
                assertEquals(wi.get(0), w.get(i), 0f, kind.id() + " parameter " + i);
            }
            assertTrue(w.get(size - 1) != start[size - 1], kind.id() + ": the last parameter moved");
        }
    }
}
