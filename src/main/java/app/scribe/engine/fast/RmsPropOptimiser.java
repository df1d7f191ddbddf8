package app.scribe.engine.fast;

/** RMSprop as in the seed reports: a running mean of squared gradients (decay 0.95) scales each step. */
final class RmsPropOptimiser extends GradientOptimiser {
    private static final float DECAY = 0.95f;
    private static final float EPS = 1e-8f;

    RmsPropOptimiser(int size, double weightDecay) {
        super(size, weightDecay);
    }

    @Override
    void move(float[] w, float[] g, float clip, double learningRate, int from, int to) {
        float lr = (float) learningRate;
        float wd = weightDecay;
        for (int i = from; i < to; i++) {
            float wi = w[i];
            float gi = g[i] * clip + wd * wi;
            float vi = DECAY * v[i] + (1 - DECAY) * gi * gi;
            v[i] = vi;
            w[i] = wi - lr * gi / ((float) Math.sqrt(vi) + EPS);
        }
    }
}
