package app.scribe.engine.fast;

/**
 * Stochastic gradient descent, plain ({@code momentum} 0) or with classical momentum in PyTorch's form:
 * {@code u = momentum · u + g; w -= lr · u} (the velocity u is kept in the first moment array).
 */
final class SgdOptimiser implements GradientOptimiser.Rule {
    static final float MOMENTUM = 0.9f;

    private final float momentum;

    SgdOptimiser(float momentum) {
        this.momentum = momentum;
    }

    @Override
    public void move(float[] w, float[] g, float[] m, float[] v, long step, double learningRate, int from, int to) {
        float lr = (float) learningRate;
        for (int i = from; i < to; i++) {
            float u = momentum * m[i] + g[i];
            m[i] = u;
            w[i] -= lr * u;
        }
    }
}
