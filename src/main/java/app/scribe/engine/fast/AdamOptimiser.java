package app.scribe.engine.fast;

/**
 * Adam (beta1 0.9, beta2 0.999, eps 1e-8) with bias correction; the first moment in {@code m}, the second in
 * {@code v}.
 */
final class AdamOptimiser implements GradientOptimiser.Rule {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final float EPS = 1e-8f;

    @Override
    public void move(float[] w, float[] g, float[] m, float[] v, long step, double learningRate, int from, int to) {
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        double correction1 = 1 - Math.pow(BETA1, step);
        double correction2 = 1 - Math.pow(BETA2, step);
        float stepSize = (float) (learningRate / correction1);
        float sqrtC2 = (float) Math.sqrt(correction2);
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + (1 - b1) * gi;
            float vi = b2 * v[i] + (1 - b2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            w[i] -= stepSize * mi / ((float) Math.sqrt(vi) / sqrtC2 + EPS);
        }
    }
}
