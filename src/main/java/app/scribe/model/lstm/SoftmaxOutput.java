package app.scribe.model.lstm;

import app.scribe.corpus.Batch;
import org.bytedeco.javacpp.FloatPointer;

import java.nio.FloatBuffer;

/**
 * The output layer of a worker: logits {@code h·Wy + by} for every row of the window, softmax, cross-entropy
 * against the targets, and backward the gradients of {@code Wy}, {@code by} and of the top layer's outputs.
 */
final class SoftmaxOutput {
    private final Layout layout;
    private final float[] biasGrad;
    private int capacity;
    private OffHeap logits;
    private FloatPointer logitsP;
    private float[] rowsOnHeap;
    private float[] biasTile;
    private float[] expWork;

    SoftmaxOutput(Layout layout) {
        this.layout = layout;
        this.biasGrad = new float[layout.vocab];
    }

    /**
     * Forward from the top layer's outputs {@code top}; returns the summed loss in nats. When {@code train}, keeps
     * {@code scale · (p - onehot(target))} for {@link #backward}; when {@code probs} is given, writes the
     * probabilities of row b, step t at {@code ((first + b) * steps + t) * vocab}.
     */
    double forward(Window window, FloatPointer top, Batch batch, int first, boolean train, float scale,
                   float[] probs) {
        int rows = window.rows;
        int steps = window.steps;
        int hidden = layout.hidden;
        int vocab = layout.vocab;
        int n = steps * rows;
        if (n > capacity) {
            capacity = n;
            logits = new OffHeap(n * vocab);
            logitsP = logits.view();
        }
        Blas.gemm(false, false, n, vocab, hidden, top, 0, hidden, window.params, layout.wy, vocab, 0f, logitsP, 0,
                vocab);
        if (rowsOnHeap == null || rowsOnHeap.length < n * vocab) {
            rowsOnHeap = new float[n * vocab];
            biasTile = new float[n * vocab];
            expWork = new float[n * vocab];
        }
        // On the heap: a direct buffer read and written one float at a time was most of this method's time.
        float[] z = rowsOnHeap;
        logits.buffer.get(0, z, 0, n * vocab);
        window.p.get(layout.by, biasTile, 0, vocab);
        for (int r = 1; r < n; r++) {
            System.arraycopy(biasTile, 0, biasTile, r * vocab, vocab);
        }
        for (int i = 0; i < n * vocab; i++) {
            z[i] += biasTile[i];
        }
        double loss = 0;
        float[] dby = biasGrad;
        if (train) {
            java.util.Arrays.fill(dby, 0, vocab, 0f);
        }
        for (int r = 0; r < n * vocab; r += vocab) {
            float max = Float.NEGATIVE_INFINITY;
            for (int k = r; k < r + vocab; k++) {
                max = Math.max(max, z[k]);
            }
            for (int k = r; k < r + vocab; k++) {
                z[k] -= max;
            }
        }
        Activations.expOfNonPositive(z, expWork, 0, n * vocab);
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < rows; b++) {
                int r = (t * rows + b) * vocab;
                float sum = 0;
                for (int k = r; k < r + vocab; k++) {
                    sum += z[k];
                }
                int target = batch.target(first + b, t);
                float inv = 1f / sum;
                float pt = z[r + target] * inv;
                loss -= Math.log(Math.max(pt, 1e-30f));
                if (probs != null) {
                    int o = ((first + b) * steps + t) * vocab;
                    for (int k = 0; k < vocab; k++) {
                        probs[o + k] = z[r + k] * inv;
                    }
                }
                if (train) {
                    for (int k = r; k < r + vocab; k++) {
                        z[k] *= inv;
                    }
                    z[r + target] -= 1f;
                    for (int k = r; k < r + vocab; k++) {
                        z[k] *= scale;
                    }
                    for (int k = 0; k < vocab; k++) {
                        dby[k] += z[r + k];
                    }
                }
            }
        }
        if (train) {
            logits.buffer.put(0, z, 0, n * vocab);
        }
        return loss;
    }

    /** Adds the gradients of {@code Wy} and {@code by} and writes the top layer's output gradient to {@code dTop}. */
    void backward(Window window, FloatPointer top, FloatPointer dTop) {
        int hidden = layout.hidden;
        int vocab = layout.vocab;
        int n = window.steps * window.rows;
        FloatBuffer g = window.g;
        for (int k = 0; k < vocab; k++) {
            g.put(layout.by + k, biasGrad[k]);
        }
        // dWy = Htop^T · dLogits; dHtop = dLogits · Wy^T
        Blas.gemm(true, false, hidden, vocab, n, top, 0, hidden, logitsP, 0, vocab, 1f, window.grad, layout.wy, vocab);
        Blas.gemm(false, true, n, hidden, vocab, logitsP, 0, vocab, window.params, layout.wy, vocab, 0f, dTop, 0,
                hidden);
    }
}
