package app.scribe.engine.fast;

/**
 * RMSprop as in the seed reports: a running mean of squared gradients (decay 0.95, in {@code v}) scales each step.
 */
final class RmsPropOptimiser implements GradientOptimiser.Rule {
    private static final float DECAY = 0.95f;
    private static final float EPS = 1e-8f;

    @Override
    public void move(float[] w, float[] g, float[] m, float[] v, long step, double learningRate, int from, int to) {
        float lr = (float) learningRate;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float vi = DECAY * v[i] + (1 - DECAY) * gi * gi;
            v[i] = vi;
            w[i] -= lr * gi / ((float) Math.sqrt(vi) + EPS);
        }
    }
}
