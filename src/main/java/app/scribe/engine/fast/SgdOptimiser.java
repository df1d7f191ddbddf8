package app.scribe.engine.fast;

/**
 * Stochastic gradient descent, plain ({@code momentum} 0) or with classical momentum in PyTorch's form:
 * {@code u = momentum · u + g; w -= lr · u} (the velocity u is kept in the first moment array).
 */
final class SgdOptimiser extends GradientOptimiser {
    static final float MOMENTUM = 0.9f;

    private final float momentum;

    SgdOptimiser(int size, double weightDecay, float momentum) {
        super(size, weightDecay);
        this.momentum = momentum;
    }

    @Override
    void move(float[] w, float[] g, float clip, double learningRate, int from, int to) {
        float lr = (float) learningRate;
        float wd = weightDecay;
        for (int i = from; i < to; i++) {
            float wi = w[i];
            float u = momentum * m[i] + g[i] * clip + wd * wi;
            m[i] = u;
            w[i] = wi - lr * u;
        }
    }
}
