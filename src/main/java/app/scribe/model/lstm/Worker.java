package app.scribe.model.lstm;

import app.scribe.corpus.Batch;
import org.bytedeco.javacpp.FloatPointer;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Forward and backward pass for a slice of a batch (rows {@code first .. first + rows - 1}), with its own activations
 * and its own gradient block. Rows are stored time-major: row {@code t * rows + b}. Weights are read from the shared
 * parameter block and never written here, so two workers run their slices at the same time.
 *
 * <p>Per layer, the input projection is one gemm over all time steps (a row gather of {@code Wx} for the one-hot
 * first layer), each time step adds one gemm {@code h[t-1]·Wh}, and the gate nonlinearities run in Java over
 * contiguous memory. Backward mirrors it: one gemm per step for {@code dh[t-1]}, then one big gemm each for
 * {@code dWh}, {@code dWx} and the gradient of the layer below.
 */
final class Worker {
    private final Layout layout;
    private final FloatPointer params;
    private final FloatBuffer p;
    final OffHeap grad;
    private final FloatPointer gradPointer;
    private final FloatBuffer g;

    private int capacityRows;
    private OffHeap[] act;
    private float[][] gateHeap;
    private float[][] cellHeap;
    private float[][] tanhHeap;
    private float[] hBuf;
    private final float[] biasRow;
    private OffHeap[] hOut;
    private OffHeap[] hIn;
    private OffHeap[] dH;
    private OffHeap logits;
    private FloatPointer[] actP;
    private FloatPointer[] hOutP;
    private FloatPointer[] hInP;
    private FloatPointer[] dHP;
    private FloatPointer logitsP;
    private float[][] masks;
    private float[] dcNext;
    private float[] biasGrad;

    Worker(Layout layout, OffHeap parameters) {
        this.layout = layout;
        this.params = parameters.view();
        this.p = parameters.buffer.duplicate();
        this.grad = new OffHeap(layout.size);
        this.gradPointer = grad.view();
        this.g = grad.buffer.duplicate();
        this.biasGrad = new float[Math.max(layout.gates, layout.vocab)];
        this.biasRow = new float[layout.gates];
    }

    private void ensure(int rows, int batchRows) {
        if (rows <= capacityRows && dcNext != null && dcNext.length >= batchRows * layout.hidden) {
            return;
        }
        int n = Math.max(rows, capacityRows);
        int layers = layout.layers;
        int hidden = layout.hidden;
        act = new OffHeap[layers];
        gateHeap = new float[layers][];
        cellHeap = new float[layers][];
        tanhHeap = new float[layers][];
        hOut = new OffHeap[layers];
        hIn = new OffHeap[layers + 1];
        dH = new OffHeap[layers];
        actP = new FloatPointer[layers];
        hOutP = new FloatPointer[layers];
        hInP = new FloatPointer[layers + 1];
        dHP = new FloatPointer[layers];
        masks = new float[layers + 1][];
        for (int l = 0; l < layers; l++) {
            act[l] = new OffHeap(n * layout.gates);
            gateHeap[l] = new float[n * layout.gates];
            cellHeap[l] = new float[n * hidden];
            tanhHeap[l] = new float[n * hidden];
            hOut[l] = new OffHeap(n * hidden);
            dH[l] = new OffHeap(n * hidden);
            actP[l] = act[l].view();
            hOutP[l] = hOut[l].view();
            dHP[l] = dH[l].view();
        }
        logits = new OffHeap(n * layout.vocab);
        logitsP = logits.view();
        capacityRows = n;
        dcNext = new float[Math.max(batchRows * hidden, dcNext == null ? 0 : dcNext.length)];
        hBuf = new float[dcNext.length];
    }

    /**
     * Runs the slice forward; when {@code train}, also backward into {@link #grad} (which it zeroes first), with
     * the loss scaled by {@code scale} (1 / all characters of the batch). Returns the summed loss in nats.
     */
    double run(Batch batch, int first, int rows, boolean train, float scale, double dropout, long dropoutSeed,
               float[] probabilitiesOut) {
        int steps = batch.seqLength();
        int n = steps * rows;
        ensure(n, rows);
        boolean drop = train && dropout > 0;
        SplittableRandom random = drop ? new SplittableRandom(dropoutSeed) : null;
        for (int l = 0; l < layout.layers; l++) {
            forwardLayer(l, batch, first, rows, steps);
            OffHeap source = hOut[l];
            if (drop) {
                source = dropped(l + 1, source, n, dropout, random);
            }
            hIn[l + 1] = source;
            hInP[l + 1] = source == hOut[l] ? hOutP[l] : hInP[l + 1];
        }
        double loss = output(batch, first, rows, steps, train, scale, probabilitiesOut);
        if (train) {
            grad.zero();
            backward(batch, first, rows, steps, drop, dropout);
        }
        return loss;
    }

    private OffHeap dropped(int index, OffHeap source, int n, double dropout, SplittableRandom random) {
        int count = n * layout.hidden;
        if (masks[index] == null || masks[index].length < count) {
            masks[index] = new float[count];
        }
        OffHeap target = hIn[index];
        if (target == null || target == source || target.size < count) {
            target = new OffHeap(capacityRows * layout.hidden);
            hInP[index] = target.view();
        }
        float keep = (float) (1 / (1 - dropout));
        float[] mask = masks[index];
        FloatBuffer in = source.buffer;
        FloatBuffer out = target.buffer;
        for (int i = 0; i < count; i++) {
            float m = random.nextDouble() < dropout ? 0f : keep;
            mask[i] = m;
            out.put(i, in.get(i) * m);
        }
        return target;
    }

    private void forwardLayer(int l, Batch batch, int first, int rows, int steps) {
        int hidden = layout.hidden;
        int gates = layout.gates;
        int bias = layout.bias[l];
        float[] bh = biasRow;
        p.get(bias, bh, 0, gates);
        float[] z = gateHeap[l];
        float[] c = cellHeap[l];
        float[] tc = tanhHeap[l];
        float[] hRow = hBuf;
        FloatBuffer h = hOut[l].buffer;
        FloatBuffer a = act[l].buffer;
        if (l == 0) {
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < rows; b++) {
                    int x = batch.input(first + b, t);
                    p.get(layout.wx[0] + x * gates, z, (t * rows + b) * gates, gates);
                }
            }
            a.put(0, z, 0, steps * rows * gates);
        } else {
            Blas.gemm(false, false, steps * rows, gates, hidden, hInP[l], 0, hidden, params, layout.wx[l], gates,
                    0f, actP[l], 0, gates);
        }
        for (int t = 0; t < steps; t++) {
            if (t > 0) {
                Blas.gemm(false, false, rows, gates, hidden, hOutP[l], (long) (t - 1) * rows * hidden, hidden,
                        params, layout.wh[l], gates, 1f, actP[l], (long) t * rows * gates, gates);
            }
            a.get(t * rows * gates, z, t * rows * gates, rows * gates);
            for (int b = 0; b < rows; b++) {
                int r = t * rows + b;
                int zo = r * gates;
                int s = r * hidden;
                for (int j = 0; j < gates; j++) {
                    z[zo + j] += bh[j];
                }
                Activations.tanh(z, zo, zo + hidden);
                Activations.sigmoid(z, zo + hidden, zo + gates);
                if (t > 0) {
                    int prev = s - rows * hidden;
                    for (int j = 0; j < hidden; j++) {
                        tc[s + j] = z[zo + hidden + j] * c[prev + j] + z[zo + 3 * hidden + j] * z[zo + j];
                    }
                } else {
                    for (int j = 0; j < hidden; j++) {
                        tc[s + j] = z[zo + 3 * hidden + j] * z[zo + j];
                    }
                }
                System.arraycopy(tc, s, c, s, hidden);
                Activations.tanh(tc, s, s + hidden);
                int ho = b * hidden;
                for (int j = 0; j < hidden; j++) {
                    hRow[ho + j] = z[zo + 2 * hidden + j] * tc[s + j];
                }
            }
            h.put(t * rows * hidden, hRow, 0, rows * hidden);
        }
    }

    private double output(Batch batch, int first, int rows, int steps, boolean train, float scale, float[] probs) {
        int hidden = layout.hidden;
        int vocab = layout.vocab;
        int n = steps * rows;
        int top = layout.layers;
        Blas.gemm(false, false, n, vocab, hidden, hInP[top], 0, hidden, params, layout.wy, vocab, 0f, logitsP, 0,
                vocab);
        FloatBuffer z = logits.buffer;
        double loss = 0;
        float[] dby = biasGrad;
        if (train) {
            java.util.Arrays.fill(dby, 0, vocab, 0f);
        }
        int by = layout.by;
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < rows; b++) {
                int r = (t * rows + b) * vocab;
                float max = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < vocab; k++) {
                    float v = z.get(r + k) + p.get(by + k);
                    z.put(r + k, v);
                    max = Math.max(max, v);
                }
                float sum = 0;
                for (int k = 0; k < vocab; k++) {
                    float e = (float) Math.exp(z.get(r + k) - max);
                    z.put(r + k, e);
                    sum += e;
                }
                int target = batch.target(first + b, t);
                float inv = 1f / sum;
                float pt = z.get(r + target) * inv;
                loss -= Math.log(Math.max(pt, 1e-30f));
                if (probs != null) {
                    int o = ((first + b) * steps + t) * vocab;
                    for (int k = 0; k < vocab; k++) {
                        probs[o + k] = z.get(r + k) * inv;
                    }
                }
                if (train) {
                    for (int k = 0; k < vocab; k++) {
                        float d = z.get(r + k) * inv;
                        if (k == target) {
                            d -= 1f;
                        }
                        d *= scale;
                        z.put(r + k, d);
                        dby[k] += d;
                    }
                }
            }
        }
        if (train) {
            // The gradient block is zeroed after the forward pass, so bias gradients are written after backward.
        }
        return loss;
    }

    private void backward(Batch batch, int first, int rows, int steps, boolean drop, double dropout) {
        int hidden = layout.hidden;
        int gates = layout.gates;
        int vocab = layout.vocab;
        int n = steps * rows;
        int top = layout.layers;
        for (int k = 0; k < vocab; k++) {
            g.put(layout.by + k, biasGrad[k]);
        }
        // dWy = Htop^T · dLogits; dHtop = dLogits · Wy^T
        Blas.gemm(true, false, hidden, vocab, n, hInP[top], 0, hidden, logitsP, 0, vocab, 1f, gradPointer,
                layout.wy, vocab);
        Blas.gemm(false, true, n, hidden, vocab, logitsP, 0, vocab, params, layout.wy, vocab, 0f, dHP[top - 1], 0,
                hidden);
        if (drop) {
            applyMask(dH[top - 1].buffer, masks[top], n * hidden);
        }
        for (int l = top - 1; l >= 0; l--) {
            backwardLayer(l, rows, steps);
            if (l > 0) {
                Blas.gemm(true, false, hidden, gates, n, hInP[l], 0, hidden, actP[l], 0, gates, 1f, gradPointer,
                        layout.wx[l], gates);
                Blas.gemm(false, true, n, hidden, gates, actP[l], 0, gates, params, layout.wx[l], gates, 0f,
                        dHP[l - 1], 0, hidden);
                if (drop) {
                    applyMask(dH[l - 1].buffer, masks[l], n * hidden);
                }
            } else {
                float[] a = gateHeap[0];
                for (int t = 0; t < steps; t++) {
                    for (int b = 0; b < rows; b++) {
                        int x = batch.input(first + b, t);
                        int to = layout.wx[0] + x * gates;
                        int from = (t * rows + b) * gates;
                        for (int j = 0; j < gates; j++) {
                            g.put(to + j, g.get(to + j) + a[from + j]);
                        }
                    }
                }
            }
        }
    }

    private static void applyMask(FloatBuffer d, float[] mask, int count) {
        for (int i = 0; i < count; i++) {
            d.put(i, d.get(i) * mask[i]);
        }
    }

    private void backwardLayer(int l, int rows, int steps) {
        int hidden = layout.hidden;
        int gates = layout.gates;
        FloatBuffer a = act[l].buffer;
        float[] z = gateHeap[l];
        float[] c = cellHeap[l];
        float[] tc = tanhHeap[l];
        float[] dhRow = hBuf;
        FloatBuffer dh = dH[l].buffer;
        float[] dcn = dcNext;
        float[] db = biasGrad;
        java.util.Arrays.fill(db, 0, gates, 0f);
        java.util.Arrays.fill(dcn, 0, rows * hidden, 0f);
        for (int t = steps - 1; t >= 0; t--) {
            if (t < steps - 1) {
                Blas.gemm(false, true, rows, hidden, gates, actP[l], (long) (t + 1) * rows * gates, gates, params,
                        layout.wh[l], gates, 1f, dHP[l], (long) t * rows * hidden, hidden);
            }
            dh.get(t * rows * hidden, dhRow, 0, rows * hidden);
            for (int b = 0; b < rows; b++) {
                int r = t * rows + b;
                int zo = r * gates;
                int s = r * hidden;
                int prev = s - rows * hidden;
                int d0 = b * hidden;
                for (int j = 0; j < hidden; j++) {
                    float gg = z[zo + j];
                    float ff = z[zo + hidden + j];
                    float oo = z[zo + 2 * hidden + j];
                    float ii = z[zo + 3 * hidden + j];
                    float th = tc[s + j];
                    float dhv = dhRow[d0 + j];
                    float dc = dhv * oo * (1 - th * th) + dcn[d0 + j];
                    float cPrev = t > 0 ? c[prev + j] : 0f;
                    dcn[d0 + j] = dc * ff;
                    z[zo + j] = dc * ii * (1 - gg * gg);
                    z[zo + hidden + j] = dc * cPrev * ff * (1 - ff);
                    z[zo + 2 * hidden + j] = dhv * th * oo * (1 - oo);
                    z[zo + 3 * hidden + j] = dc * gg * ii * (1 - ii);
                }
                for (int j = 0; j < gates; j++) {
                    db[j] += z[zo + j];
                }
            }
            a.put(t * rows * gates, z, t * rows * gates, rows * gates);
        }
        for (int j = 0; j < gates; j++) {
            g.put(layout.bias[l] + j, g.get(layout.bias[l] + j) + db[j]);
        }
        if (steps > 1) {
            Blas.gemm(true, false, hidden, gates, (steps - 1) * rows, hOutP[l], 0, hidden, actP[l],
                    (long) rows * gates, gates, 1f, gradPointer, layout.wh[l], gates);
        }
    }
}
