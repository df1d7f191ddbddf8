package app.scribe.model.lstm;

import java.nio.FloatBuffer;

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
    void apply(FloatBuffer w, FloatBuffer g, float clip, double learningRate, int from, int to) {
        float lr = (float) learningRate;
        float wd = weightDecay;
        for (int i = from; i < to; i++) {
            float wi = w.get(i);
            float u = momentum * m[i] + g.get(i) * clip + wd * wi;
            m[i] = u;
            w.put(i, wi - lr * u);
        }
    }
}
