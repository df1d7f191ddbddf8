package app.scribe.engine.fast;

import app.scribe.corpus.Batch;
import app.scribe.model.CellType;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * One recurrent layer of any {@link Cell} that reads a sequence of symbols and is judged only at its last step: a
 * softmax over the symbols from the last output h, cross-entropy against the batch's target at that step (the
 * seed reports' palindrome task). Built from the engine's own parts (layout, cell, buffers, optimiser, global
 * gradient-norm clipping); single-threaded, so several networks can train side by side.
 */
public final class LastStepNetwork {
    final Layout layout;
    final OffHeap params;
    private final OffHeap grad;
    private final Window window;
    private final Cell cell;
    private final LayerBuffers layer;
    private final GradientOptimiser optimiser;
    private final double clipNorm;
    private float[] out = new float[0];

    public LastStepNetwork(CellType type, int symbols, int hidden, Optimizer optimizer, double clipNorm, long seed) {
        this.layout = new Layout(symbols, hidden, 1, FastCharModel.cells(Hyperparameters.defaults().withCell(type)));
        this.params = new OffHeap(layout.size);
        this.grad = new OffHeap(layout.size);
        this.window = new Window(params, grad);
        this.cell = layout.newCell(0);
        this.layer = new LayerBuffers(cell.width(), hidden);
        this.optimiser = GradientOptimiser.create(optimizer, layout.size, 0);
        this.clipNorm = clipNorm;
        float[] w = new float[layout.size];
        SplittableRandom random = new SplittableRandom(seed);
        layout.cell(0).initialise(w, random);
        Cell.xavier(w, layout.wy, hidden * symbols, hidden, symbols, random);
        params.put(w);
    }

    /** One optimiser step on the batch; returns its mean loss before the step (NaN or infinite when it diverged). */
    public double train(Batch batch, double learningRate) {
        double loss = forward(batch);
        if (!Double.isFinite(loss)) {
            return loss;
        }
        backward(batch);
        FloatBuffer g = grad.buffer;
        float clip = GradientOptimiser.clip(GradientOptimiser.squaredNorm(g, 0, layout.size), clipNorm);
        optimiser.update(params.buffer, g, clip, learningRate);
        layout.cell(0).constrain(params.buffer);
        return loss;
    }

    /** The most likely symbol after each row of the batch. */
    public int[] predict(Batch batch) {
        forward(batch);
        int vocab = layout.vocab;
        int[] best = new int[batch.batchSize()];
        for (int b = 0; b < best.length; b++) {
            int arg = 0;
            for (int k = 1; k < vocab; k++) {
                if (out[b * vocab + k] > out[b * vocab + arg]) {
                    arg = k;
                }
            }
            best[b] = arg;
        }
        return best;
    }

    /**
     * The Frobenius norm over the batch of {@code dL/dh_t} for every step t, where L is the batch's mean loss at the
     * last step; the weights are not changed.
     */
    public double[] hiddenGradientNorms(Batch batch) {
        int count = batch.batchSize() * layout.hidden;
        float[] gradients = hiddenGradients(batch);
        double[] norms = new double[batch.seqLength()];
        for (int t = 0; t < norms.length; t++) {
            norms[t] = norm(gradients, t * count, count);
        }
        return norms;
    }

    /** {@code dL/dh_t} of every step, time-major (row {@code t * rows + b}), as the cell's backward pass leaves it. */
    float[] hiddenGradients(Batch batch) {
        forward(batch);
        backward(batch);
        float[] gradients = new float[batch.seqLength() * batch.batchSize() * layout.hidden];
        layer.dH.buffer.get(0, gradients);
        return gradients;
    }

    private static double norm(float[] values, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            double v = values[i];
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /** Runs the batch; leaves the last step's probabilities in {@link #out}; returns the mean loss. */
    private double forward(Batch batch) {
        int rows = batch.batchSize();
        int steps = batch.seqLength();
        int width = cell.width();
        int hidden = layout.hidden;
        int vocab = layout.vocab;
        window.batch = batch;
        window.first = 0;
        window.rows = rows;
        window.steps = steps;
        layer.ensure(rows * steps);
        layer.keepAll();
        FloatBuffer a = layer.projection.buffer;
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < rows; b++) {
                a.put((t * rows + b) * width, window.p, cell.at(0) + batch.input(b, t) * width, width);
            }
        }
        cell.forward(window, layer);
        if (out.length < rows * vocab) {
            out = new float[rows * vocab];
        }
        FloatBuffer h = layer.h.buffer;
        FloatBuffer p = window.p;
        int last = (steps - 1) * rows * hidden;
        double loss = 0;
        for (int b = 0; b < rows; b++) {
            int o = b * vocab;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < vocab; k++) {
                double z = p.get(layout.by + k);
                for (int j = 0; j < hidden; j++) {
                    z += h.get(last + b * hidden + j) * p.get(layout.wy + j * vocab + k);
                }
                out[o + k] = (float) z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int k = 0; k < vocab; k++) {
                double e = Math.exp(out[o + k] - max);
                out[o + k] = (float) e;
                sum += e;
            }
            for (int k = 0; k < vocab; k++) {
                out[o + k] = (float) (out[o + k] / sum);
            }
            loss -= Math.log(Math.max(out[o + batch.target(b, steps - 1)], 1e-30f));
        }
        return loss / rows;
    }

    /** Gradients of the mean loss of the last {@link #forward} into {@link #grad}; {@code layer.dH} ends up holding
     * dL/dh_t of every step (see {@link Cell#backward}). */
    private void backward(Batch batch) {
        int rows = batch.batchSize();
        int steps = batch.seqLength();
        int width = cell.width();
        int hidden = layout.hidden;
        int vocab = layout.vocab;
        grad.zero();
        FloatBuffer g = grad.buffer;
        FloatBuffer p = window.p;
        FloatBuffer h = layer.h.buffer;
        FloatBuffer dh = layer.dH.buffer;
        for (int i = 0; i < rows * steps * hidden; i++) {
            dh.put(i, 0f);
        }
        int last = (steps - 1) * rows * hidden;
        float scale = 1f / rows;
        for (int b = 0; b < rows; b++) {
            int o = b * vocab;
            out[o + batch.target(b, steps - 1)] -= 1f;
            for (int k = 0; k < vocab; k++) {
                float d = out[o + k] * scale;
                out[o + k] = d;
                g.put(layout.by + k, g.get(layout.by + k) + d);
            }
            for (int j = 0; j < hidden; j++) {
                float hv = h.get(last + b * hidden + j);
                float sum = 0;
                for (int k = 0; k < vocab; k++) {
                    int wAt = layout.wy + j * vocab + k;
                    g.put(wAt, g.get(wAt) + hv * out[o + k]);
                    sum += out[o + k] * p.get(wAt);
                }
                dh.put(last + b * hidden + j, sum);
            }
        }
        cell.backward(window, layer);
        FloatBuffer a = layer.projection.buffer;
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < rows; b++) {
                int to = cell.at(0) + batch.input(b, t) * width;
                int from = (t * rows + b) * width;
                for (int j = 0; j < width; j++) {
                    g.put(to + j, g.get(to + j) + a.get(from + j));
                }
            }
        }
    }
}
