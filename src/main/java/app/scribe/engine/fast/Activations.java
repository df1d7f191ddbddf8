package app.scribe.engine.fast;

/**
 * tanh and the logistic function over array ranges, as a rational function (Eigen's float tanh: odd degree-13
 * numerator over even degree-6 denominator on [-7.9, 7.9], beyond which tanh is ±1 in float). Only multiply, add,
 * divide, min and max, so C2 vectorises the loops; errors are a few ulp.
 */
final class Activations {
    private static final float CLAMP = 7.90531110763549805f;
    private static final float A1 = 4.89352455891786e-03f;
    private static final float A3 = 6.37261928875436e-04f;
    private static final float A5 = 1.48572235717979e-05f;
    private static final float A7 = 5.12229709037114e-08f;
    private static final float A9 = -8.60467152213735e-11f;
    private static final float A11 = 2.00018790482477e-13f;
    private static final float A13 = -2.76076847742355e-16f;
    private static final float B0 = 4.89352518554385e-03f;
    private static final float B2 = 2.26843463243900e-03f;
    private static final float B4 = 1.18534705686654e-04f;
    private static final float B6 = 1.19825839466702e-06f;

    private Activations() {
    }

    static float tanh(float v) {
        float x = Math.max(-CLAMP, Math.min(CLAMP, v));
        float x2 = x * x;
        float p = ((((((A13 * x2 + A11) * x2 + A9) * x2 + A7) * x2 + A5) * x2 + A3) * x2 + A1) * x;
        float q = ((B6 * x2 + B4) * x2 + B2) * x2 + B0;
        return p / q;
    }

    static float sigmoid(float v) {
        return 0.5f + 0.5f * tanh(0.5f * v);
    }

    static void tanh(float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            float x = Math.max(-CLAMP, Math.min(CLAMP, a[i]));
            float x2 = x * x;
            float p = ((((((A13 * x2 + A11) * x2 + A9) * x2 + A7) * x2 + A5) * x2 + A3) * x2 + A1) * x;
            float q = ((B6 * x2 + B4) * x2 + B2) * x2 + B0;
            a[i] = p / q;
        }
    }

    static void sigmoid(float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            float x = Math.max(-CLAMP, Math.min(CLAMP, 0.5f * a[i]));
            float x2 = x * x;
            float p = ((((((A13 * x2 + A11) * x2 + A9) * x2 + A7) * x2 + A5) * x2 + A3) * x2 + A1) * x;
            float q = ((B6 * x2 + B4) * x2 + B2) * x2 + B0;
            a[i] = 0.5f + 0.5f * (p / q);
        }
    }

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** Adding and subtracting 1.5 x 2^23 rounds a float of magnitude below 2^22 to the nearest integer. */
    private static final float ROUND = 12582912f;
    private static final float EXP_FLOOR = -80f;

    /**
     * {@code a[i] = e^a[i]} for {@code a[i] <= 0} (a softmax's logits less their maximum), within 3 ulp of
     * {@code (float) Math.exp}; below {@value #EXP_FLOOR} it gives e^-80. {@code work} is scratch of the same range.
     *
     * <p>{@code Math.exp} is a call per value that C2 never vectorises. Here {@code e^x = 2^n e^r}: n = round(x log2 e)
     * and r = x - n ln 2 (ln 2 in two parts, so r stays exact), e^r by its Taylor series to r^6 (|r| <= 0.35), and
     * 2^n, n in [-116, 0], as a product of exact powers of two chosen by n's bits, each bit found with min and
     * max. Java 17 has no vectorised float-to-int conversion, so the bits cannot be shifted into an exponent. The
     * work is split into short loops because C2 vectorises only loops under its unrolling size limit.
     */
    static void expOfNonPositive(float[] a, float[] work, int from, int to) {
        for (int i = from; i < to; i++) {
            float x = Math.max(a[i], EXP_FLOOR);
            float n = (x * LOG2E + ROUND) - ROUND;
            a[i] = (x - n * LN2_HI) - n * LN2_LO;
            work[i] = -n;
        }
        for (int i = from; i < to; i++) {
            float r = a[i];
            a[i] = 1f + r * (1f + r * (0.5f + r * (1.6666666e-1f + r * (4.1666668e-2f + r * (8.3333338e-3f
                    + r * 1.3888889e-3f)))));
        }
        halve(a, work, from, to, 64, 32);
        halve(a, work, from, to, 16, 8);
        halve(a, work, from, to, 4, 2);
        for (int i = from; i < to; i++) {
            float m = work[i];
            a[i] *= m * 0.5f + (1f - m);
        }
    }

    /**
     * For the two bits {@code big} and {@code small} of each remaining exponent {@code m = work[i]}: where set,
     * multiplies {@code a[i]} by 2^-bit and clears the bit.
     */
    private static void halve(float[] a, float[] work, int from, int to, int big, int small) {
        float bigFactor = (float) Math.scalb(1.0, -big);
        float smallFactor = (float) Math.scalb(1.0, -small);
        for (int i = from; i < to; i++) {
            float m = work[i];
            float q = Math.min(1f, Math.max(0f, m - (big - 1)));
            float p = a[i] * (q * bigFactor + (1f - q));
            m -= big * q;
            q = Math.min(1f, Math.max(0f, m - (small - 1)));
            a[i] = p * (q * smallFactor + (1f - q));
            work[i] = m - small * q;
        }
    }
}
