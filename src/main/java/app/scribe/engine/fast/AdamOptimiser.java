package app.scribe.engine.fast;

/** Adam (beta1 0.9, beta2 0.999, eps 1e-8) with bias correction. */
final class AdamOptimiser extends GradientOptimiser {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final float EPS = 1e-8f;

    AdamOptimiser(int size, double weightDecay) {
        super(size, weightDecay);
    }

    @Override
    void move(float[] w, float[] g, float clip, double learningRate, int from, int to) {
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        double correction1 = 1 - Math.pow(BETA1, step);
        double correction2 = 1 - Math.pow(BETA2, step);
        float stepSize = (float) (learningRate / correction1);
        float sqrtC2 = (float) Math.sqrt(correction2);
        float wd = weightDecay;
        for (int i = from; i < to; i++) {
            float wi = w[i];
            float gi = g[i] * clip + wd * wi;
            float mi = b1 * m[i] + (1 - b1) * gi;
            float vi = b2 * v[i] + (1 - b2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            w[i] = wi - stepSize * mi / ((float) Math.sqrt(vi) / sqrtC2 + EPS);
        }
    }
}
