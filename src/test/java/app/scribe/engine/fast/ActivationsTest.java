package app.scribe.engine.fast;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivationsTest {
    @Test
    void expOfNonPositiveValuesIsWithinThreeUlpOfMathExp() {
        int count = 1_000_001;
        float[] a = new float[count];
        for (int i = 0; i < count; i++) {
            a[i] = -80f * i / (count - 1);
        }
        float[] x = a.clone();
        Activations.expOfNonPositive(a, new float[count], 0, count);
        double worst = 0;
        for (int i = 0; i < count; i++) {
            float exact = (float) Math.exp(x[i]);
            worst = Math.max(worst, Math.abs(a[i] - exact) / Math.ulp(exact));
        }
        assertTrue(worst <= 3, "worst error " + worst + " ulp");
        assertEquals(1f, a[0], 0f);
    }

    @Test
    void expWorksOnTheGivenRangeOnlyAndFloorsVeryNegativeValues() {
        float[] a = {-1f, 0f, -200f, Float.NEGATIVE_INFINITY, -1f};
        Activations.expOfNonPositive(a, new float[a.length], 1, 4);
        assertEquals(-1f, a[0], 0f);
        assertEquals(1f, a[1], 0f);
        assertEquals((float) Math.exp(-80), a[2], Math.ulp((float) Math.exp(-80)) * 3);
        assertEquals(a[2], a[3], 0f);
        assertEquals(-1f, a[4], 0f);
    }
}
