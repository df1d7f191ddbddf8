package app.scribe.model.lstm;

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
}
