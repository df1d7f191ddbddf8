package app.scribe.engine.fast;

import app.scribe.corpus.Batch;
import org.bytedeco.javacpp.FloatPointer;


/**
 * The output layer of a worker: logits {@code h·Wy + by} for every row of the window, softmax, cross-entropy
 * against the targets, and backward the gradients of {@code Wy}, {@code by} and of the top layer's outputs.
 */
final class SoftmaxOutput {
    private final Layout layout;
    private int capacity;
    private OffHeap logits;
    private FloatPointer logitsP;
    private float[] rowsOnHeap;
    /**
     * Scratch as large as the logits: the bias repeated along every row, then the exponentials' work, then each
     * row's 1 / sum repeated along the row.
     */
    private float[] rowTile;
    private OffHeap ones;
    private FloatPointer onesP;

    SoftmaxOutput(Layout layout) {
        this.layout = layout;
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
            rowTile = new float[n * vocab];
        }
        // On the heap: a direct buffer read and written one float at a time was most of this method's time.
        float[] z = rowsOnHeap;
        logits.buffer.get(0, z, 0, n * vocab);
        window.p.get(layout.by, rowTile, 0, vocab);
        for (int r = 1; r < n; r++) {
            System.arraycopy(rowTile, 0, rowTile, r * vocab, vocab);
        }
        for (int i = 0; i < n * vocab; i++) {
            z[i] += rowTile[i];
        }
        double loss = 0;
        for (int r = 0; r < n * vocab; r += vocab) {
            float max = Float.NEGATIVE_INFINITY;
            for (int k = r; k < r + vocab; k++) {
                max = Math.max(max, z[k]);
            }
            for (int k = r; k < r + vocab; k++) {
                z[k] -= max;
            }
        }
        Activations.expOfNonPositive(z, rowTile, 0, n * vocab);
        // Each row's 1 / sum spread over the row, so that the probabilities come from one loop over all rows.
        float[] inverse = rowTile;
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < rows; b++) {
                int r = (t * rows + b) * vocab;
                float sum = 0;
                for (int k = r; k < r + vocab; k++) {
                    sum += z[k];
                }
                float inv = 1f / sum;
                java.util.Arrays.fill(inverse, r, r + vocab, inv);
                float pt = z[r + batch.target(first + b, t)] * inv;
                loss -= Math.log(Math.max(pt, 1e-30f));
            }
        }
        for (int i = 0; i < n * vocab; i++) {
            z[i] *= inverse[i];
        }
        if (probs != null) {
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < rows; b++) {
                    System.arraycopy(z, (t * rows + b) * vocab, probs, ((first + b) * steps + t) * vocab, vocab);
                }
            }
        }
        if (train) {
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < rows; b++) {
                    z[(t * rows + b) * vocab + batch.target(first + b, t)] -= 1f;
                }
            }
            for (int i = 0; i < n * vocab; i++) {
                z[i] *= scale;
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
        if (ones == null || ones.size < n) {
            ones = new OffHeap(n);
            ones.buffer.put(0, filled(n, 1f), 0, n);
            onesP = ones.view();
        }
        // dby: the logits' gradient summed over the rows, as one mat-vec.
        Blas.rowTimesMatrix(n, vocab, logitsP, 0, onesP, 0, 0f, window.grad, layout.by);
        // dWy = Htop^T · dLogits; dHtop = dLogits · Wy^T
        Blas.gemm(true, false, hidden, vocab, n, top, 0, hidden, logitsP, 0, vocab, 1f, window.grad, layout.wy, vocab);
        Blas.gemm(false, true, n, hidden, vocab, logitsP, 0, vocab, window.params, layout.wy, vocab, 0f, dTop, 0,
                hidden);
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
