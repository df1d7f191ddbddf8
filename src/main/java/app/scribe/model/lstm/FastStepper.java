package app.scribe.model.lstm;

import app.scribe.model.Stepper;

/**
 * One stream of text through a snapshot of the weights, in plain Java over heap arrays: for a single row, a
 * mat-vec loop beats a BLAS call's overhead. No allocation per character; {@link #copy()} shares the (immutable)
 * weights and copies the state.
 */
final class FastStepper implements Stepper {
    private final Layout layout;
    private final float[] w;
    private final float[][] h;
    private final float[][] c;
    private final float[] z;
    private final float[] probabilities;

    FastStepper(Layout layout, float[] weights) {
        this.layout = layout;
        this.w = weights;
        this.h = new float[layout.layers][layout.hidden];
        this.c = new float[layout.layers][layout.hidden];
        this.z = new float[Math.max(layout.gates, layout.vocab)];
        this.probabilities = new float[layout.vocab];
    }

    @Override
    public float[] step(int charIndex) {
        int hidden = layout.hidden;
        int gates = layout.gates;
        float[] z = this.z;
        for (int l = 0; l < layout.layers; l++) {
            int bias = layout.bias[l];
            if (l == 0) {
                int row = layout.wx[0] + charIndex * gates;
                for (int j = 0; j < gates; j++) {
                    z[j] = w[row + j] + w[bias + j];
                }
            } else {
                System.arraycopy(w, bias, z, 0, gates);
                axpyRows(h[l - 1], hidden, layout.wx[l], gates);
            }
            float[] hl = h[l];
            axpyRows(hl, hidden, layout.wh[l], gates);
            float[] cl = c[l];
            for (int j = 0; j < hidden; j++) {
                float gg = Worker.tanh(z[j]);
                float ff = Worker.sigmoid(z[hidden + j]);
                float oo = Worker.sigmoid(z[2 * hidden + j]);
                float ii = Worker.sigmoid(z[3 * hidden + j]);
                float cc = ff * cl[j] + ii * gg;
                cl[j] = cc;
                hl[j] = oo * Worker.tanh(cc);
            }
        }
        int vocab = layout.vocab;
        System.arraycopy(w, layout.by, z, 0, vocab);
        axpyRows(h[layout.layers - 1], hidden, layout.wy, vocab);
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < vocab; k++) {
            max = Math.max(max, z[k]);
        }
        float sum = 0;
        for (int k = 0; k < vocab; k++) {
            float e = (float) Math.exp(z[k] - max);
            probabilities[k] = e;
            sum += e;
        }
        float inv = 1f / sum;
        for (int k = 0; k < vocab; k++) {
            probabilities[k] *= inv;
        }
        return probabilities;
    }

    /** z[0..cols) += x · W, W row-major [rows, cols] at offset: one contiguous axpy per row (vectorised by C2). */
    private void axpyRows(float[] x, int rows, int offset, int cols) {
        float[] z = this.z;
        float[] w = this.w;
        for (int k = 0; k < rows; k++) {
            float xk = x[k];
            if (xk == 0f) {
                continue;
            }
            int o = offset + k * cols;
            for (int j = 0; j < cols; j++) {
                z[j] += xk * w[o + j];
            }
        }
    }

    @Override
    public Stepper copy() {
        FastStepper copy = new FastStepper(layout, w);
        for (int l = 0; l < layout.layers; l++) {
            System.arraycopy(h[l], 0, copy.h[l], 0, layout.hidden);
            System.arraycopy(c[l], 0, copy.c[l], 0, layout.hidden);
        }
        return copy;
    }
}
